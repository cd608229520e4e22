import type { Quad } from '@rdfjs/types';
import type { QualityVocabularies } from './vocabularies.js';

/** A value of a vocabulary-bound property that is not a concept of its EU table, with how often a source uses it. */
export interface UnmappedValue {
  /** The property, prefixed (`dcat:theme`). */
  readonly property: string;
  /** The IRI, or the literal's text in quotes. */
  readonly value: string;
  readonly count: number;
}

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';

/** The properties DCAT-AP binds to an EU authority table, and the table (a field of {@link QualityVocabularies}). */
const BOUND: readonly [string, string, keyof QualityVocabularies][] = [
  [`${DCAT}theme`, 'dcat:theme', 'themes'],
  [`${DCT}format`, 'dct:format', 'fileTypes'],
  [`${DCT}license`, 'dct:license', 'licences'],
  [`${DCT}accessRights`, 'dct:accessRights', 'accessRights'],
  [`${DCT}accrualPeriodicity`, 'dct:accrualPeriodicity', 'frequencies'],
  [`${DCT}language`, 'dct:language', 'languages'],
];

/**
 * The values a source uses for vocabulary-bound properties (themes, formats, licences, access rights, frequencies,
 * languages) that are not in the EU tables: what facets cannot label and what the publisher could map. Most used
 * first, at most `limit`.
 */
export function unmappedValues(quads: Iterable<Quad>, vocabularies: QualityVocabularies, limit = 50): UnmappedValue[] {
  const counts = new Map<string, { property: string; value: string; count: number }>();
  for (const q of quads) {
    const bound = BOUND.find(([iri]) => iri === q.predicate.value);
    if (!bound) continue;
    const [, property, table] = bound;
    if (q.object.termType === 'NamedNode' && vocabularies[table].has(q.object.value)) continue;
    if (q.object.termType === 'BlankNode') continue;
    const value = q.object.termType === 'Literal' ? JSON.stringify(q.object.value) : q.object.value;
    const key = `${property} ${value}`;
    const entry = counts.get(key) ?? counts.set(key, { property, value, count: 0 }).get(key)!;
    entry.count++;
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.property.localeCompare(b.property) || a.value.localeCompare(b.value)).slice(0, limit);
}
