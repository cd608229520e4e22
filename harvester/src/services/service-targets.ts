import type { BlankNode, NamedNode, Quad, Term } from '@rdfjs/types';
import { Store } from 'n3';
import { dcat, fedcat, rdf } from '@fedcat/vocab';

/** What fedcat fetches for one data service when it harvests. */
export interface ServiceTarget {
  readonly iri: string;
  /** The OpenAPI description: `dcat:endpointDescription`, else the first `dcat:endpointURL` + `/openapi.json`. */
  readonly descriptionUrl: string | null;
  readonly descriptionFrom: 'endpointDescription' | 'endpointURL' | null;
  /** PDP metadata documents the service's policy decision points name. */
  readonly pdps: readonly { readonly node: NamedNode | BlankNode; readonly configurationUrl: string }[];
}

const httpIri = (t: Term | undefined): string | null =>
  t && t.termType === 'NamedNode' && /^https?:\/\//i.test(t.value) ? t.value : null;

/** The OpenAPI document at an endpoint, as the API Design Rules place it: `<base>/openapi.json`. */
export function openApiAt(endpointUrl: string): string {
  return `${endpointUrl.replace(/\/+$/, '')}/openapi.json`;
}

/**
 * The data services in a set of quads and where their descriptions live. `dcat:endpointDescription` wins (it is what
 * DCAT-AP-NL requires); otherwise the OpenAPI document is expected at the endpoint (dcat2don's rule). Only http(s) IRIs.
 * Pure.
 */
export function serviceTargets(quads: readonly Quad[]): ServiceTarget[] {
  const store = new Store([...quads]);
  const targets: ServiceTarget[] = [];
  for (const service of store.getSubjects(rdf.type, dcat.DataService, null)) {
    if (service.termType !== 'NamedNode') continue;
    const described = store.getObjects(service, dcat.endpointDescription, null).map(httpIri).find((u) => u !== null) ?? null;
    const endpoint = store.getObjects(service, dcat.endpointURL, null).map(httpIri).find((u) => u !== null) ?? null;
    const pdps = store.getObjects(service, fedcat.policyDecisionPoint, null).flatMap((node) => {
      if (node.termType !== 'NamedNode' && node.termType !== 'BlankNode') return [];
      const url = store.getObjects(node, fedcat.authzenConfiguration, null).map(httpIri).find((u) => u !== null);
      return url ? [{ node: node as NamedNode | BlankNode, configurationUrl: url }] : [];
    });
    targets.push({
      iri: service.value,
      descriptionUrl: described ?? (endpoint ? openApiAt(endpoint) : null),
      descriptionFrom: described ? 'endpointDescription' : endpoint ? 'endpointURL' : null,
      pdps,
    });
  }
  return targets.sort((a, b) => a.iri.localeCompare(b.iri));
}
