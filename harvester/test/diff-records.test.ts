import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { applyEnrichers, diffRecords, emptyState, recordHash, stateChanged, type HarvestRecord, type HarvestState } from '../src/index.js';

const { namedNode, literal, quad } = DataFactory;
const record = (iri: string, title: string): HarvestRecord => ({
  iri, type: 'Dataset', quads: [quad(namedNode(iri), namedNode('http://purl.org/dc/terms/title'), literal(title))], context: [],
});

describe('diffRecords', () => {
  it('sorts records read now into unchanged, changed (new or other hash) and removed ones', () => {
    const a = record('https://x/a', 'A');
    const b = record('https://x/b', 'B');
    const previous = {
      'https://x/a': { hash: recordHash(a.quads), accepted: true, docId: '1' },
      'https://x/b': { hash: 'old', accepted: true, docId: '2' },
      'https://x/gone': { hash: 'h', accepted: false, docId: null },
    };
    const diff = diffRecords(previous, [a, b, record('https://x/new', 'N')]);
    expect(diff.unchanged.map((r) => r.record.iri)).toEqual(['https://x/a']);
    expect(diff.changed.map((r) => [r.record.iri, r.before?.hash ?? null])).toEqual([['https://x/b', 'old'], ['https://x/new', null]]);
    expect(diff.removed.map((r) => r.iri)).toEqual(['https://x/gone']);
  });
});

describe('stateChanged', () => {
  const base: HarvestState = { ...emptyState, restHash: 'r', records: { 'https://x/a': { hash: 'h', accepted: true, docId: '1', issued: 't0' } } };
  it('is false for the same records, rest and tombstones, whatever the validators of the fetch say', () => {
    expect(stateChanged(base, { ...base, etag: '"new"', records: { 'https://x/a': { hash: 'h', accepted: true, docId: '1', issued: 't0', compliant: true } } })).toBe(false);
  });
  it('is true when a record is added, removed, changed, rejected or issued anew, or the rest changed', () => {
    const a = base.records['https://x/a']!;
    const nexts: HarvestState[] = [
      { ...base, records: { ...base.records, 'https://x/b': a } },
      { ...base, records: {} },
      { ...base, records: { 'https://x/a': { ...a, hash: 'h2' } } },
      { ...base, records: { 'https://x/a': { ...a, accepted: false } } },
      { ...base, records: { 'https://x/a': { ...a, issued: 't1' } } },
      { ...base, restHash: 'r2' },
      { ...base, removed: { 'https://x/z': { issued: 't0', modified: 't1' } } },
    ];
    for (const next of nexts) expect(stateChanged(base, next)).toBe(true);
  });
  it('compares service descriptions and quality only when this harvest made them', () => {
    const described = { ...base, serviceDigest: 's', qualityDigest: 'q' };
    expect(stateChanged(described, base)).toBe(false);
    expect(stateChanged(described, { ...base, serviceDigest: 's2' })).toBe(true);
    expect(stateChanged(described, { ...base, qualityDigest: 'q2' })).toBe(true);
  });
});

describe('applyEnrichers', () => {
  it('merges enrichments of any size, in the order of the enrichers', async () => {
    const q = quad(namedNode('https://x/s'), namedNode('https://x/p'), literal('o'));
    const big = new Array<typeof q>(300_000).fill(q);
    const ctx = { source: { id: 's', url: 'https://x/', org: null, addedAt: '' }, records: [], previous: emptyState, now: () => new Date(), genid: 'https://x/g/', report: () => undefined };
    const merged = await applyEnrichers([
      async () => ({ quads: big, state: { serviceDigest: 'a' }, stats: {} }),
      async () => ({ quads: [quad(namedNode('https://x/last'), namedNode('https://x/p'), literal('o'))], state: { qualityDigest: 'b' }, stats: {} }),
    ], ctx);
    expect(merged.quads).toHaveLength(300_001);
    expect(merged.quads.at(-1)?.subject.value).toBe('https://x/last');
    expect(merged.state).toEqual({ serviceDigest: 'a', qualityDigest: 'b' });
  });
});
