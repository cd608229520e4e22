import { Parser, Writer } from 'n3';
import { describe, expect, it } from 'vitest';
import { nextTombstones, recordDates, recordHash, skolemise, splitRecords } from '../src/index.js';

const DOC = `@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>. @prefix foaf: <http://xmlns.com/foaf/0.1/>.
<https://x.nl/cat> a dcat:Catalog; dct:title "Cat"; dcat:dataset <https://x.nl/d1>, <https://x.nl/d2>.
<https://x.nl/d1> a dcat:Dataset; dct:title "One"; dct:publisher <https://x.nl/org>;
  dcat:distribution [ a dcat:Distribution; dcat:accessURL <https://x.nl/1.csv>; dct:format [ dct:title "CSV" ] ].
<https://x.nl/d2> a dcat:Dataset; dct:title "Two"; dct:publisher <https://x.nl/org>; dct:relation <https://x.nl/d1>;
  dcat:distribution [ a dcat:Distribution; dcat:accessURL <https://x.nl/2.csv> ].
<https://x.nl/org> a foaf:Organization; foaf:name "Org".`;

const parse = (s: string) => new Parser().parse(s);
const GENID = 'https://fedcat.test/.well-known/genid/s/';

describe('skolemise', () => {
  it('replaces every blank node with an IRI under the genid base', () => {
    const out = skolemise(parse(DOC), GENID);
    expect(out.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')).toBe(false);
    expect(out.filter((q) => q.subject.value.startsWith(GENID)).length).toBeGreaterThan(0);
  });

  it('mints the same IRIs for the same document serialised in another order with other blank node labels', async () => {
    const quads = parse(DOC);
    const reordered = await new Promise<string>((resolve, reject) => {
      const w = new Writer({ format: 'N-Triples' });
      w.addQuads([...quads].reverse());
      w.end((e, r: string) => (e ? reject(e) : resolve(r.replace(/_:(\w+)/g, '_:zz$1'))));
    });
    const a = new Set(skolemise(quads, GENID).map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`));
    const b = new Set(skolemise(parse(reordered), GENID).map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`));
    expect(b).toEqual(a);
  });
});

describe('splitRecords', () => {
  const { records, rest } = splitRecords(skolemise(parse(DOC), GENID));
  it('makes one record per dataset, with its distributions, nested blank nodes and publisher', () => {
    const d1 = records.find((r) => r.iri === 'https://x.nl/d1')!;
    expect(d1.quads.some((q) => q.object.value === 'https://x.nl/1.csv')).toBe(true);
    expect(d1.quads.some((q) => q.object.value === 'CSV')).toBe(true);
    expect(d1.quads.some((q) => q.subject.value === 'https://x.nl/org')).toBe(true);
  });
  it('never pulls another record into a record, but carries its type as context', () => {
    const d2 = records.find((r) => r.iri === 'https://x.nl/d2')!;
    expect(d2.quads.some((q) => q.subject.value === 'https://x.nl/d1')).toBe(false);
    expect(d2.context.map((q) => q.subject.value)).toContain('https://x.nl/d1');
  });
  it('leaves the catalogue to the rest', () => {
    expect(rest.every((q) => q.subject.value === 'https://x.nl/cat')).toBe(true);
  });
});

describe('recordHash', () => {
  it('ignores triple order and sees any change', () => {
    const q = parse('<a:s> <a:p> "1", "2".');
    expect(recordHash([...q].reverse())).toBe(recordHash(q));
    expect(recordHash(parse('<a:s> <a:p> "1", "3".'))).not.toBe(recordHash(q));
  });
});

describe('record dates across harvests', () => {
  const at = '2026-11-22T12:00:00.000Z';
  const seen = { hash: 'h', accepted: true, docId: 'd', issued: '2026-01-01T00:00:00.000Z', modified: '2026-02-01T00:00:00.000Z' };

  it('issues a new record now, keeps the issue date of a changed one, and dates nothing that did not change', () => {
    expect(recordDates(undefined, undefined, 'accepted', at)).toEqual({ issued: at, modified: at });
    expect(recordDates(seen, undefined, 'accepted', at)).toEqual({ issued: seen.issued, modified: at });
    expect(recordDates(seen, undefined, 'unchanged', at)).toEqual({ issued: seen.issued, modified: seen.modified });
  });

  it('marks a record that starts failing as having left now, and one that returns keeps its first issue date', () => {
    expect(recordDates(seen, undefined, 'rejected', at)).toEqual({ issued: seen.issued, modified: at });
    expect(recordDates(undefined, { issued: seen.issued, modified: seen.modified }, 'accepted', at)).toEqual({ issued: seen.issued, modified: at });
  });

  it('remembers removed records for 90 days, and forgets them when they come back', () => {
    const previous = { etag: null, lastModified: null, records: { gone: seen },
      removed: { old: { issued: seen.issued, modified: '2026-10-01T00:00:00.000Z' }, ancient: { issued: seen.issued, modified: '2026-01-01T00:00:00.000Z' }, back: { issued: seen.issued, modified: seen.modified } } };
    expect(nextTombstones(previous, { back: seen }, at)).toEqual({
      gone: { issued: seen.issued, modified: at },
      old: previous.removed.old,
    });
  });
});
