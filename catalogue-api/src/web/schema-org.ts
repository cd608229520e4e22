import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import { dcat, dct, foaf, skos, vcard } from '@fedcat/vocab';
import { conceptLabel, shortLabel } from '@fedcat/vocab';

/** A schema.org description as JSON-LD (what Google Dataset Search and other crawlers read from a page). */
export type SchemaOrg = Record<string, unknown>;

const TIME = 'http://www.w3.org/2006/time#';
const { namedNode } = DataFactory;

/** The text of the first literal of `predicate`, Dutch first, then English, then any. */
function text(store: Store, subject: Term, predicate: Term): string | undefined {
  const literals = store.getObjects(subject, predicate, null).filter((o) => o.termType === 'Literal');
  for (const lang of ['nl', 'en', '']) {
    const hit = literals.find((l) => ((l as { language?: string }).language ?? '').toLowerCase().startsWith(lang) && (lang !== '' || !(l as { language?: string }).language));
    if (hit) return hit.value.trim();
  }
  return literals[0]?.value.trim();
}

const iris = (store: Store, subject: Term, predicate: Term) =>
  store.getObjects(subject, predicate, null).filter((o) => o.termType === 'NamedNode').map((o) => o.value);

/** An agent (publisher, creator) as a schema.org Organization: its name and IRI. */
function organization(store: Store, agent: Term | undefined): SchemaOrg | undefined {
  if (!agent) return undefined;
  const name = text(store, agent, foaf.name) ?? text(store, agent, vcard.fn) ?? text(store, agent, skos.prefLabel);
  return { '@type': 'Organization', ...(agent.termType === 'NamedNode' ? { '@id': agent.value, url: agent.value } : {}), ...(name ? { name } : {}) };
}

/** A `dct:temporal` period as ISO 8601 `start/end` (`..` for an open end). */
function period(store: Store, node: Term): string | undefined {
  const at = (p: string, inner?: string) => {
    const direct = store.getObjects(node, namedNode(p), null)[0];
    if (direct?.termType === 'Literal') return direct.value;
    const instant = inner && store.getObjects(node, namedNode(inner), null)[0];
    return instant ? store.getObjects(instant, namedNode(`${TIME}inXSDDate`), null)[0]?.value ?? store.getObjects(instant, namedNode(`${TIME}inXSDDateTime`), null)[0]?.value : undefined;
  };
  const start = at(`${dcat.namespace}startDate`, `${TIME}hasBeginning`);
  const end = at(`${dcat.namespace}endDate`, `${TIME}hasEnd`);
  return start || end ? `${start ?? '..'}/${end ?? '..'}` : undefined;
}

/** What a format or media type IRI is called: the EU file type's code, a media type's name, else the IRI's last segment. */
function formatName(value: string): string {
  const media = /\/media-types\/(.+)$/.exec(value);
  return media ? media[1]! : conceptLabel(value)?.en ?? shortLabel(value);
}

const without = (o: SchemaOrg): SchemaOrg => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));

/**
 * A dataset's record as schema.org `Dataset` (the mapping Google Dataset Search documents): name, description,
 * identifier, keywords, license, creator and publisher, distribution (`DataDownload` with encodingFormat and
 * contentUrl), spatial and temporal coverage, dateModified, and `url` (the record's page). Pure over the record's quads.
 */
export function schemaOrgDataset(quads: readonly Quad[], iri: string, pageUrl: string): SchemaOrg {
  const store = new Store([...quads]);
  const s = namedNode(iri);
  const distributions = store.getObjects(s, dcat.distribution, null);
  const licences = [...new Set([...iris(store, s, dct.license), ...distributions.flatMap((d) => iris(store, d, dct.license))])];
  const spatial = store.getObjects(s, dct.spatial, null).map((p) => (p.termType === 'NamedNode'
    ? { '@type': 'Place', '@id': p.value, ...(text(store, p, skos.prefLabel) ? { name: text(store, p, skos.prefLabel) } : {}) }
    : { '@type': 'Place', ...(text(store, p, skos.prefLabel) ?? text(store, p, dct.title) ? { name: text(store, p, skos.prefLabel) ?? text(store, p, dct.title) } : {}) }));
  const temporal = store.getObjects(s, dct.temporal, null).map((t) => period(store, t)).filter((t): t is string => t !== undefined);
  return without({
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': iri,
    name: text(store, s, dct.title),
    description: text(store, s, dct.description),
    url: pageUrl,
    identifier: [...new Set([iri, ...store.getObjects(s, dct.identifier, null).map((o) => o.value)])],
    keywords: store.getObjects(s, dcat.keyword, null).filter((o) => o.termType === 'Literal').map((o) => o.value),
    license: licences.length === 1 ? licences[0] : licences,
    creator: organization(store, store.getObjects(s, dct.creator, null)[0] ?? store.getObjects(s, dct.publisher, null)[0]),
    publisher: organization(store, store.getObjects(s, dct.publisher, null)[0]),
    dateModified: text(store, s, dct.modified),
    datePublished: text(store, s, dct.issued),
    spatialCoverage: spatial.length === 1 ? spatial[0] : spatial,
    temporalCoverage: temporal[0],
    distribution: distributions.map((d) => without({
      '@type': 'DataDownload',
      name: text(store, d, dct.title),
      encodingFormat: [...iris(store, d, dcat.mediaType), ...iris(store, d, dct.format)].map(formatName)[0],
      contentUrl: iris(store, d, dcat.downloadURL)[0] ?? iris(store, d, dcat.accessURL)[0],
      license: iris(store, d, dct.license)[0],
    })),
  });
}

/** A data service's record as schema.org `WebAPI`: name, description, documentation, its endpoint, provider, terms. */
export function schemaOrgWebApi(quads: readonly Quad[], iri: string, pageUrl: string): SchemaOrg {
  const store = new Store([...quads]);
  const s = namedNode(iri);
  return without({
    '@context': 'https://schema.org/',
    '@type': 'WebAPI',
    '@id': iri,
    name: text(store, s, dct.title),
    description: text(store, s, dct.description),
    url: pageUrl,
    identifier: iri,
    documentation: iris(store, s, dcat.endpointDescription)[0],
    provider: organization(store, store.getObjects(s, dct.publisher, null)[0]),
    termsOfService: iris(store, s, dct.license)[0],
    potentialAction: iris(store, s, dcat.endpointURL).map((target) => ({ '@type': 'ConsumeAction', target })),
  });
}

/** JSON-LD for a `<script type="application/ld+json">` element: `<` escaped, so no harvested text can end the element. */
export function jsonLdScript(description: SchemaOrg): string {
  return `<script type="application/ld+json">${JSON.stringify(description).replace(/</g, '\\u003c')}</script>`;
}
