import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MeilisearchIndex, meiliFilter } from '../src/index.js';
import { searchIndexContract } from '@fedcat/catalogue/testing';

// No Meilisearch server can be installed on the CI machines (neither npm nor Debian ships one): the contract runs
// against one when MEILI_URL (and MEILI_KEY, if it needs one) is set, e.g. a developer's `meilisearch` binary.
const url = process.env.MEILI_URL;
if (url) {
  searchIndexContract('Meilisearch', async () => new MeilisearchIndex({
    kind: 'meilisearch', url, ...(process.env.MEILI_KEY ? { apiKey: process.env.MEILI_KEY } : {}),
    // An index of its own per test: the contract expects an empty index.
    index: `fedcat_test_${randomUUID().slice(0, 8)}`, timeoutMs: 30_000,
  }));
} else {
  describe.skip('SearchIndex contract: Meilisearch (set MEILI_URL to run it)', () => { it('needs a Meilisearch server', () => undefined); });
}

describe('the Meilisearch filter translation', () => {
  it('ORs values within a field and ANDs fields, quoting every value', () => {
    expect(meiliFilter({ filters: { theme: ['T/ENVI', 'T/TRAN'], format: ['F/CSV'] } })).toEqual([
      'theme IN ["T/ENVI", "T/TRAN"]', 'format IN ["F/CSV"]',
    ]);
  });
  it('escapes quotes and backslashes, so a value can never end its string early', () => {
    expect(meiliFilter({ filters: { publisher: ['a" OR source = "x', 'c\\'] } })).toEqual(['publisher IN ["a\\" OR source = \\"x", "c\\\\"]']);
  });
  it('turns modified-since into a range on the modification time', () => {
    expect(meiliFilter({ modifiedSince: '2026-09-01' })).toEqual([`modifiedTs >= ${Date.UTC(2026, 8, 1)}`]);
    expect(meiliFilter({ modifiedSince: 'not a date' })).toEqual([]);
  });
});
