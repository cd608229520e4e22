import type { CatalogueDocument } from '../catalogue-document.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../search/search-index.js';

const doc = (id: string, over: Partial<CatalogueDocument>): CatalogueDocument => ({
  id, iri: `https://x.nl/${id}`, type: 'Dataset', title: '', description: '', keywords: [], publisher: null, publisherName: null,
  themes: [], formats: [], licenses: [], accessRights: [], modified: null, endpointUrls: [], source: 'a', harvestedAt: '2026-11-22T00:00:00Z', matchKeys: [`identifier:https://x.nl/${id}`], ...over,
});

export const FIXTURE: CatalogueDocument[] = [
  doc('0000000000000001', { title: 'Parkeerzones en tarieven', description: 'Betaald parkeren in de binnenstad', themes: ['T/TRAN'], formats: ['F/CSV'], publisher: 'O/dijk', publisherName: 'Gemeente Dijkstad', modified: '2026-09-01' }),
  doc('0000000000000002', { title: 'Afvalinzameling', description: 'Ophaaldagen voor afval en containers', themes: ['T/ENVI'], formats: ['F/CSV', 'F/JSON'], publisher: 'O/dijk', publisherName: 'Gemeente Dijkstad', modified: '2026-10-30' }),
  doc('0000000000000003', { title: 'Waterstanden', description: 'Actuele waterstanden per meetpunt', themes: ['T/ENVI'], formats: ['F/JSON'], publisher: 'O/ws', publisherName: 'Waterschap', modified: '2025-01-01', source: 'b' }),
  doc('0000000000000004', { type: 'DataService', title: 'Parkeer-API', description: 'Beschikbaarheid van parkeergarages', themes: ['T/TRAN'], publisher: 'O/dijk', publisherName: 'Gemeente Dijkstad' }),
];

/**
 * The behaviour every SearchIndex implementation must show; run against the embedded index always and
 * against Meilisearch when MEILI_URL is set.
 */
export function searchIndexContract(name: string, open: () => Promise<SearchIndex>) {
  describe(`SearchIndex contract: ${name}`, () => {
    let index: SearchIndex | undefined;
    const fresh = async () => {
      index = await open();
      await index.replaceSource('a', FIXTURE.filter((d) => d.source === 'a'));
      await index.replaceSource('b', FIXTURE.filter((d) => d.source === 'b'));
      return index;
    };
    afterEach(async () => { await index?.close(); index = undefined; });

    it('finds documents by words of title and description', async () => {
      const r = await (await fresh()).search({ q: 'waterstanden' });
      expect(r.hits.map((h) => h.document.id)).toEqual(['0000000000000003']);
    });
    it('matches the last word as a prefix (search as you type)', async () => {
      const r = await (await fresh()).search({ q: 'parkee' });
      expect(r.total).toBe(2);
    });
    it('matches two words of the query as the one word they make together ("parkeer zones" finds Parkeerzones)', async () => {
      const index = await fresh();
      expect((await index.search({ q: 'parkeer zones' })).hits.map((h) => h.document.id)).toEqual(['0000000000000001']);
      expect((await index.search({ q: 'water standen' })).hits.map((h) => h.document.id)).toEqual(['0000000000000003']);
      expect((await index.search({ q: 'afval inzameling' })).hits.map((h) => h.document.id)).toEqual(['0000000000000002']);
    });
    it('matches one word of the query as two indexed words side by side ("betaaldparkeren" finds "Betaald parkeren")', async () => {
      const r = await (await fresh()).search({ q: 'betaaldparkeren' });
      expect(r.hits.map((h) => h.document.id)).toEqual(['0000000000000001']);
    });
    it('tolerates a typo in a longer word and says what it searched instead', async () => {
      const r = await (await fresh()).search({ q: 'afvalinzamelnig' });
      expect(r.hits.map((h) => h.document.id)).toEqual(['0000000000000002']);
      expect(r.corrections.afvalinzamelnig).toContain('afvalinzameling');
    });
    it('ANDs fields and ORs values in filters', async () => {
      const i = await fresh();
      expect((await i.search({ filters: { theme: ['T/ENVI'], format: ['F/CSV'] } })).total).toBe(1);
      expect((await i.search({ filters: { format: ['F/CSV', 'F/JSON'] } })).total).toBe(3);
    });
    it('counts facet values over the filtered result, with publisher names as labels', async () => {
      const r = await (await fresh()).search({ filters: { type: ['Dataset'] }, facets: ['publisher', 'theme'] });
      expect(r.facets.publisher).toEqual([{ value: 'O/dijk', count: 2, label: 'Gemeente Dijkstad' }, { value: 'O/ws', count: 1, label: 'Waterschap' }]);
      expect(r.facets.theme?.find((f) => f.value === 'T/ENVI')?.count).toBe(2);
    });
    it('facets and filters a licence or format named several ways as one value, labelled by its short name', async () => {
      const EU = 'http://publications.europa.eu/resource/authority/';
      const i = await open();
      index = i;
      await i.replaceSource('c', [
        doc('00000000000000c1', { source: 'c', licenses: [`${EU}licence/CC0`], formats: ['https://www.iana.org/assignments/media-types/text/csv'] }),
        doc('00000000000000c2', { source: 'c', licenses: ['http://creativecommons.org/publicdomain/zero/1.0/'], formats: [`${EU}file-type/CSV`] }),
        doc('00000000000000c3', { source: 'c', licenses: ['https://creativecommons.org/licenses/by/4.0/', 'https://dijkstad.nl/licentie'],
          valueLabels: { 'https://dijkstad.nl/licentie': 'Open licentie Dijkstad' } }),
      ]);
      const r = await i.search({ facets: ['license', 'format'] });
      // Values of equal count in value order (a backend may order ties its own way).
      const ordered = [...(r.facets.license ?? [])].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      expect(ordered).toEqual([
        { value: `${EU}licence/CC0`, count: 2, label: 'CC0 1.0' },
        { value: `${EU}licence/CC_BY_4_0`, count: 1, label: 'CC BY 4.0' },
        { value: 'https://dijkstad.nl/licentie', count: 1, label: 'Open licentie Dijkstad' },
      ]);
      expect(r.facets.format).toEqual([{ value: `${EU}file-type/CSV`, count: 2, label: 'CSV' }]);
      expect((await i.search({ filters: { license: ['https://creativecommons.org/publicdomain/zero/1.0/'] } })).total).toBe(2);
      expect((await i.search({ filters: { format: ['https://www.iana.org/assignments/media-types/text/csv'] } })).total).toBe(2);
      // The record keeps what its publisher wrote.
      expect((await i.get('00000000000000c1'))?.formats).toEqual(['https://www.iana.org/assignments/media-types/text/csv']);
    });
    it('sorts by modification date and pages with offset and limit', async () => {
      const i = await fresh();
      const r = await i.search({ filters: { type: ['Dataset'] }, sort: 'modified:desc', limit: 2 });
      expect(r.hits.map((h) => h.document.modified)).toEqual(['2026-10-30', '2026-09-01']);
      expect(r.total).toBe(3);
      expect((await i.search({ filters: { type: ['Dataset'] }, sort: 'modified:desc', limit: 2, offset: 2 })).hits.map((h) => h.document.modified)).toEqual(['2025-01-01']);
    });
    it('keeps only records modified on or after a date, with or without query text', async () => {
      const i = await fresh();
      expect((await i.search({ modifiedSince: '2026-09-01', sort: 'modified:asc' })).hits.map((h) => h.document.modified)).toEqual(['2026-09-01', '2026-10-30']);
      expect((await i.search({ q: 'waterstanden', modifiedSince: '2026-01-01' })).total).toBe(0);
      expect((await i.search({ q: 'waterstanden', modifiedSince: '2024-12-31' })).total).toBe(1);
    });
    it('pages through records of equal titles in one order, each once', async () => {
      const i = await fresh();
      await i.replaceSource('c', ['a1', 'a2', 'a3', 'a4', 'a5'].map((n, k) => doc(`00000000000000${n}`, { title: 'Zelfde titel', source: 'c', modified: `2026-0${k + 1}-01` })));
      const seen: string[] = [];
      for (let offset = 0; offset < 5; offset += 2) seen.push(...(await i.search({ filters: { source: ['c'] }, limit: 2, offset })).hits.map((h) => h.document.id));
      expect(seen).toEqual(['00000000000000a1', '00000000000000a2', '00000000000000a3', '00000000000000a4', '00000000000000a5']);
    });
    it('marks matched words in highlights, as text segments', async () => {
      const r = await (await fresh()).search({ q: 'parkeren' });
      const segs = r.hits.find((h) => h.document.id === '0000000000000001')!.highlights.description;
      expect(segs).toContainEqual({ text: 'parkeren', match: true });
    });
    it('walks every document in id order, in pages of rows, each id once (a record two sources hold as get gives it)', async () => {
      const index = await fresh();
      await index.replaceSource('c', [{ ...FIXTURE[0]!, source: 'c', title: 'Parkeerzones (kopie)' }]);
      const pages = [await index.browse(0, 2), await index.browse(2, 2), await index.browse(4, 2)];
      expect(pages.map((p) => p.map((d) => d.id))).toEqual([['0000000000000001'], ['0000000000000002', '0000000000000003'], ['0000000000000004']]);
      expect(pages[0]![0]!.source).toBe((await index.get('0000000000000001'))!.source);
      expect(await index.browse(6, 2)).toEqual([]);
    });
    it('replaces a source as a whole and leaves other sources alone', async () => {
      const i = await fresh();
      await i.replaceSource('a', [doc('0000000000000009', { title: 'Bomenregister' })]);
      expect(await i.count()).toBe(2);
      expect(await i.get('0000000000000001')).toBeNull();
      expect((await i.get('0000000000000003'))?.title).toBe('Waterstanden');
    });
    it('forgets a removed source: its documents and its indexed run, nothing of other sources', async () => {
      const i = await fresh();
      await i.applyChanges('a', { upsert: [], remove: [], run: 'run-a' });
      await i.applyChanges('b', { upsert: [], remove: [], run: 'run-b' });
      await i.removeSource('a');
      expect(await i.count()).toBe(1);
      expect((await i.search({ q: 'parkeren' })).total).toBe(0);
      expect(await i.indexedRuns()).toEqual({ b: 'run-b' });
    });
    it('flags documents of other sources sharing an identifier or landing page as possible duplicates', async () => {
      const i = await fresh();
      await i.replaceSource('c', [
        // The same record harvested from a second source.
        doc('0000000000000003', { title: 'Waterstanden', source: 'c', matchKeys: ['identifier:https://x.nl/0000000000000003'] }),
        // Another organisation's record with the first's dct:identifier and its landing page.
        doc('00000000000000c1', { title: 'Parkeerzones (kopie)', source: 'c', matchKeys: ['identifier:https://x.nl/00000000000000c1', 'identifier:PZ-1', 'landingPage:https://dijk.nl/parkeren'] }),
      ]);
      await i.applyChanges('a', { upsert: [{ ...FIXTURE[0]!, matchKeys: ['identifier:https://x.nl/0000000000000001', 'identifier:PZ-1', 'landingPage:https://dijk.nl/parkeren'] }], remove: [], run: 'r1' });
      expect(await i.possibleDuplicates('0000000000000003')).toEqual([{ document: expect.objectContaining({ source: 'c', id: '0000000000000003' }), sharedKeys: ['identifier:https://x.nl/0000000000000003'] }]);
      expect((await i.possibleDuplicates('0000000000000001')).map((d) => [d.document.id, d.sharedKeys])).toEqual([['00000000000000c1', ['identifier:PZ-1', 'landingPage:https://dijk.nl/parkeren']]]);
      expect(await i.possibleDuplicates('0000000000000002')).toEqual([]);
      await i.applyChanges('c', { upsert: [], remove: ['00000000000000c1'], run: 'r2' });
      expect(await i.possibleDuplicates('0000000000000001')).toEqual([]);
    });
  });
}
