import type { Quad, Term } from '@rdfjs/types';
import { dcat, rdf } from '@fedcat/vocab';
import type { RecordType } from '@fedcat/catalogue';

/** One harvested record: a dataset, data service or dataset series with everything it alone describes. */
export interface HarvestRecord {
  readonly iri: string;
  readonly type: RecordType | 'DatasetSeries';
  readonly quads: readonly Quad[];
  /** rdf:type triples of every IRI the record refers to, so SHACL class checks see them (not stored twice). */
  readonly context: readonly Quad[];
}

const ROOT_TYPES: [string, HarvestRecord['type']][] = [
  [dcat.Dataset.value, 'Dataset'], [dcat.DataService.value, 'DataService'], [dcat.DatasetSeries.value, 'DatasetSeries'],
];

/**
 * Splits a (skolemised) document into records. A record is a `dcat:Dataset`, `dcat:DataService` or
 * `dcat:DatasetSeries` with its closure: every resource it points to that the document describes and that is
 * not itself a record or a catalogue (distributions, contact points, publishers, licence documents, periods …),
 * followed transitively. Shared resources (a publisher) appear in each record that uses them. What belongs to
 * no record (catalogues, catalogue records) is returned as `rest`.
 */
export function splitRecords(quads: readonly Quad[]): { records: HarvestRecord[]; rest: Quad[] } {
  const bySubject = new Map<string, Quad[]>();
  const typeOf = new Map<string, Quad[]>();
  for (const q of quads) {
    (bySubject.get(q.subject.value) ?? bySubject.set(q.subject.value, []).get(q.subject.value)!).push(q);
    if (q.predicate.equals(rdf.type)) (typeOf.get(q.subject.value) ?? typeOf.set(q.subject.value, []).get(q.subject.value)!).push(q);
  }
  const roots = new Map<string, HarvestRecord['type']>();
  const catalogues = new Set<string>();
  for (const [s, types] of typeOf) {
    for (const t of types) {
      const hit = ROOT_TYPES.find(([iri]) => iri === t.object.value);
      if (hit && !roots.has(s)) roots.set(s, hit[1]);
      if (t.object.value === dcat.Catalog.value || t.object.value === dcat.CatalogRecord.value) catalogues.add(s);
    }
  }
  /** Subjects that belong to some record: their triples are not part of the rest. */
  const inRecord = new Set<string>();
  const records: HarvestRecord[] = [];
  for (const [root, type] of roots) {
    const members = new Set<string>([root]);
    const queue = [root];
    const recordQuads: Quad[] = [];
    const referenced = new Set<string>();
    while (queue.length > 0) {
      const s = queue.pop()!;
      for (const q of bySubject.get(s) ?? []) {
        recordQuads.push(q);
        const o: Term = q.object;
        if (o.termType !== 'NamedNode') continue;
        referenced.add(o.value);
        if (members.has(o.value) || roots.has(o.value) || catalogues.has(o.value) || !bySubject.has(o.value)) continue;
        members.add(o.value);
        queue.push(o.value);
      }
    }
    for (const m of members) inRecord.add(m);
    const context = [...referenced].filter((r) => !members.has(r)).flatMap((r) => typeOf.get(r) ?? []);
    records.push({ iri: root, type, quads: recordQuads, context });
  }
  return { records, rest: quads.filter((q) => !inRecord.has(q.subject.value)) };
}
