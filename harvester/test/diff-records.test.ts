import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { diffRecords, emptyState, recordHash, stateChanged, type HarvestRecord, type HarvestState } from '../src/index.js';

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
