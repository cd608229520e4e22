import type { Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { Stage } from './stage.js';

const REWRITES: [string, string][] = [
  ['http://www.w3.org/2006/vcard/', 'http://www.w3.org/2006/vcard/ns#'],
  ['https://schema.org/', 'http://schema.org/'],
  ['https://www.w3.org/ns/dcat#', 'http://www.w3.org/ns/dcat#'],
  ['https://purl.org/dc/terms/', 'http://purl.org/dc/terms/'],
];

function rewrite(iri: string): string {
  for (const [from, to] of REWRITES) {
    if (iri.startsWith(from) && !iri.startsWith(to)) return to + iri.slice(from.length);
  }
  return iri;
}

const fix = <T extends Term>(t: T): T => (t.termType === 'NamedNode' && rewrite(t.value) !== t.value ? (DataFactory.namedNode(rewrite(t.value)) as unknown as T) : t);

/**
 * Rewrites legacy or misspelt namespaces to the ones DCAT-AP's shapes and fedcat's queries use: the vCard
 * namespace without `ns#`, `https://schema.org/`, and https variants of DCAT and DCTERMS, in classes and predicates.
 */
export const legacyNamespaces: Stage = (quads) =>
  quads.map((q) => {
    const p = fix(q.predicate);
    const o = q.predicate.value.endsWith('22-rdf-syntax-ns#type') ? fix(q.object) : q.object;
    return p === q.predicate && o === q.object ? q : DataFactory.quad(q.subject, p as Quad['predicate'], o as Quad['object'], q.graph);
  });
