import type { Quad } from '@rdfjs/types';
import { canonicalLicence, dcat, dct } from '@fedcat/vocab';
import type { QualityVocabularies } from './vocabularies.js';

/** A value of a vocabulary-bound property that is not a concept of its EU table, with how often a source uses it. */
export interface UnmappedValue {
  /** The property, prefixed (`dcat:theme`). */
  readonly property: string;
  /** The IRI, or the literal's text in quotes. */
  readonly value: string;
  readonly count: number;
}

/** The properties DCAT-AP binds to an EU authority table: their prefixed name and the table (a field of {@link QualityVocabularies}). */
const BOUND: ReadonlyMap<string, readonly [string, keyof QualityVocabularies]> = new Map([
  [dcat.theme.value, ['dcat:theme', 'themes']],
  [dct.format.value, ['dct:format', 'fileTypes']],
  [dct.license.value, ['dct:license', 'licences']],
  [dct.accessRights.value, ['dct:accessRights', 'accessRights']],
  [dct.accrualPeriodicity.value, ['dct:accrualPeriodicity', 'frequencies']],
  [dct.language.value, ['dct:language', 'languages']],
]);

/**
 * The table's IRI for a value the EU table names another way: a licence by its Creative Commons IRI (the licence
 * table's skos:exactMatch). A media type in dct:format stays outside: the publisher can give the file type.
 */
function inTable(table: keyof QualityVocabularies, iri: string): string {
  return table === 'licences' ? canonicalLicence(iri) : iri;
}

/**
 * The values a source uses for vocabulary-bound properties (themes, formats, licences, access rights, frequencies,
 * languages) that are not in the EU tables: what facets cannot label and what the publisher could map. Most used
 * first, at most `limit`.
 */
export function unmappedValues(quads: Iterable<Quad>, vocabularies: QualityVocabularies, limit = 50): UnmappedValue[] {
  const counts = new Map<string, { property: string; value: string; count: number }>();
  for (const q of quads) {
    const bound = BOUND.get(q.predicate.value);
    if (!bound) continue;
    const [property, table] = bound;
    if (q.object.termType === 'NamedNode' && vocabularies[table].has(inTable(table, q.object.value))) continue;
    if (q.object.termType === 'BlankNode') continue;
    const value = q.object.termType === 'Literal' ? JSON.stringify(q.object.value) : q.object.value;
    const key = `${property} ${value}`;
    const entry = counts.get(key) ?? counts.set(key, { property, value, count: 0 }).get(key)!;
    entry.count++;
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.property.localeCompare(b.property) || a.value.localeCompare(b.value)).slice(0, limit);
}
