import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FACET_FIELDS, facetValues, type CatalogueDocument } from '@fedcat/catalogue';
import { SqliteSearchIndex } from '@fedcat/catalogue-api';
import MiniSearch from 'minisearch';
import type { BenchQuery } from './queries.js';

/** A search engine under benchmark: build once, then answer queries with hits and facet counts. */
export interface BenchEngine {
  build(docs: readonly CatalogueDocument[]): Promise<void>;
  /** Returns the total and the top hits' text, for checking typo queries. */
  query(q: BenchQuery): Promise<{ total: number; top: string[] }>;
  persistedBytes(): Promise<number>;
  close(): Promise<void>;
}

const text = (d: CatalogueDocument) => `${d.title} ${d.description} ${d.keywords.join(' ')}`.toLowerCase();

/** fedcat's embedded index: SQLite FTS5 + vocabulary typo expansion. */
export async function fts5Engine(): Promise<BenchEngine> {
  const dir = await mkdtemp(join(tmpdir(), 'fedcat-bench-fts5-'));
  const file = join(dir, 'index.sqlite');
  const index = new SqliteSearchIndex(file);
  return {
    async build(docs) {
      const bySource = new Map<string, CatalogueDocument[]>();
      for (const d of docs) (bySource.get(d.source) ?? bySource.set(d.source, []).get(d.source)!).push(d);
      for (const [source, list] of bySource) await index.replaceSource(source, list);
    },
    async query(q) {
      const r = await index.search({ q: q.q, filters: q.filters, facets: q.kind === 'facet' ? [...FACET_FIELDS] : [], limit: 20 });
      return { total: r.total, top: r.hits.map((h) => text(h.document)) };
    },
    async persistedBytes() {
      await index.close(); // checkpoints the write-ahead log into the database file
      return (await stat(file)).size;
    },
    async close() { await rm(dir, { recursive: true, force: true }); },
  };
}

/** MiniSearch: in-memory, fuzzy and prefix search; facets counted by scanning matches. */
export async function miniSearchEngine(): Promise<BenchEngine> {
  let ms: MiniSearch<CatalogueDocument> | null = null;
  let byId = new Map<string, CatalogueDocument>();
  return {
    async build(docs) {
      ms = new MiniSearch<CatalogueDocument>({ fields: ['title', 'description', 'keywordsText', 'publisherName'],
        extractField: (d, f) => (f === 'keywordsText' ? d.keywords.join(' ') : (d as unknown as Record<string, string>)[f]) ?? '' });
      ms.addAll(docs);
      byId = new Map(docs.map((d) => [d.id, d]));
    },
    async query(q) {
      const pass = (d: CatalogueDocument) => Object.entries(q.filters ?? {}).every(([f, vs]) => facetValues(d)[f as 'theme'].some((v) => vs!.includes(v)));
      const hits = q.q
        ? ms!.search(q.q, { prefix: (_t, i, ts) => i === ts.length - 1, fuzzy: (t) => (t.length >= 9 ? 2 : t.length >= 5 ? 1 : 0) / t.length, combineWith: 'AND',
            filter: (r) => pass(byId.get(r.id as string)!) }).map((r) => byId.get(r.id as string)!)
        : [...byId.values()].filter(pass);
      if (q.kind === 'facet') {
        const counts = new Map<string, number>();
        for (const d of hits) { const fv = facetValues(d); for (const f of FACET_FIELDS) for (const v of fv[f]) counts.set(`${f}\0${v}`, (counts.get(`${f}\0${v}`) ?? 0) + 1); }
      }
      return { total: hits.length, top: hits.slice(0, 20).map(text) };
    },
    async persistedBytes() { return Buffer.byteLength(JSON.stringify(ms)); },
    async close() { ms = null; byId = new Map(); },
  };
}
