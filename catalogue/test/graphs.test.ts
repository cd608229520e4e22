import { describe, expect, it } from 'vitest';
import { historyGraph, quarantineGraph, runsGraph, SOURCE_GRAPH_PREFIX, sourceGraph } from '../src/index.js';

describe('graph names', () => {
  it('give each source its own graph of each kind, with the id percent-encoded', () => {
    const names = [sourceGraph('a b'), quarantineGraph('a b'), historyGraph('a b'), runsGraph('a b')];
    expect(new Set(names).size).toBe(4);
    expect(sourceGraph('a b')).toBe(`${SOURCE_GRAPH_PREFIX}a%20b`);
    for (const n of names) expect(n).toMatch(/^urn:fedcat:[a-z]+:a%20b$/);
  });
  it('put only source graphs under the prefix the union default graph is made of', () => {
    for (const n of [quarantineGraph('x'), historyGraph('x'), runsGraph('x')]) expect(n.startsWith(SOURCE_GRAPH_PREFIX)).toBe(false);
  });
});
