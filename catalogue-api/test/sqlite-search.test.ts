import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { CachedSearchIndex, SqliteSearchIndex } from '../src/index.js';
import { FIXTURE, searchIndexContract } from '@fedcat/catalogue/testing';

const dirs: string[] = [];
afterAll(async () => { for (const d of dirs) await rm(d, { recursive: true, force: true }); });
const tempFile = async () => { const d = await mkdtemp(join(tmpdir(), 'fedcat-search-')); dirs.push(d); return join(d, 'index.sqlite'); };

searchIndexContract('embedded SQLite FTS5', async () => new SqliteSearchIndex(await tempFile()));
searchIndexContract('embedded SQLite FTS5 behind the answer cache', async () => new CachedSearchIndex(new SqliteSearchIndex(await tempFile())));

describe('the search answer cache', () => {
  it('answers a repeated search from memory, and forgets when another connection writes', async () => {
    const file = await tempFile();
    const cached = new CachedSearchIndex(new SqliteSearchIndex(file));
    await cached.replaceSource('a', FIXTURE);
    const first = await cached.search({ q: 'waterstanden' });
    expect(await cached.search({ q: 'waterstanden' })).toBe(first);
    const writer = new SqliteSearchIndex(file);
    await writer.replaceSource('a', []);
    await writer.close();
    expect((await cached.search({ q: 'waterstanden' })).total).toBe(0);
    await cached.close();
  });

  it('forgets at its own writes and keeps at most its capacity', async () => {
    const cached = new CachedSearchIndex(new SqliteSearchIndex(await tempFile()), 2);
    await cached.replaceSource('a', FIXTURE);
    const a = await cached.search({ q: 'afval' });
    await cached.search({ q: 'parkeren' });
    await cached.search({ q: 'waterstanden' });
    expect(await cached.search({ q: 'afval' })).not.toBe(a);
    const again = await cached.search({ q: 'afval' });
    await cached.applyChanges('a', { upsert: [], remove: [FIXTURE[1]!.id], run: 'r2' });
    expect(await cached.search({ q: 'afval' })).not.toBe(again);
    await cached.close();
  });
});

describe('SqliteSearchIndex', () => {
  it('persists: a reopened index answers the same search', async () => {
    const file = await tempFile();
    const first = new SqliteSearchIndex(file);
    await first.replaceSource('a', FIXTURE);
    await first.close();
    const second = new SqliteSearchIndex(file);
    expect((await second.search({ q: 'afval' })).total).toBe(1);
    await second.close();
  });

  it('sees documents another process (connection) wrote, typo vocabulary included', async () => {
    const file = await tempFile();
    const reader = new SqliteSearchIndex(file);
    expect((await reader.search({ q: 'waterstanden' })).total).toBe(0);
    const writer = new SqliteSearchIndex(file);
    await writer.replaceSource('b', FIXTURE);
    expect((await reader.search({ q: 'waterstandne' })).total).toBe(1);
    await writer.close();
    await reader.close();
  });
});

describe('an index written by an older fedcat', () => {
  it('gets the facet values of today when opened, without a harvest: a media type counts under its file type', async () => {
    const file = await tempFile();
    const csv = 'https://www.iana.org/assignments/media-types/text/csv';
    const first = new SqliteSearchIndex(file);
    await first.replaceSource('a', [{ ...FIXTURE[0]!, formats: [csv] }]);
    await first.close();
    // As the last version left it: the value as written, and no index version.
    const old = new Database(file);
    old.prepare(`UPDATE facets SET value = ? WHERE field = 'format'`).run(csv);
    old.pragma('user_version = 0');
    old.close();
    const reopened = new SqliteSearchIndex(file);
    const r = await reopened.search({ facets: ['format'] });
    expect(r.facets.format).toEqual([{ value: 'http://publications.europa.eu/resource/authority/file-type/CSV', count: 1, label: 'CSV' }]);
    await reopened.close();
  });
});

describe('the embedded index, beyond what Meilisearch does', () => {
  it('walks more documents in one page than a search may answer (a 50,000-URL sitemap file)', async () => {
    const index = new SqliteSearchIndex(await tempFile());
    const many = Array.from({ length: 450 }, (_, i) => ({ ...FIXTURE[0]!, id: i.toString(16).padStart(16, '0'), iri: `https://x.nl/${i}` }));
    await index.replaceSource('a', many);
    expect((await index.search({ limit: 50_000 })).hits.length).toBe(200);
    const walked = await index.browse(0, 50_000);
    expect(walked.map((d) => d.id)).toEqual(many.map((d) => d.id));
    await index.close();
  });

  it('lets every word match as a prefix when the words as typed find nothing ("parkeer tarie")', async () => {
    const index = new SqliteSearchIndex(await tempFile());
    await index.replaceSource('a', FIXTURE);
    const r = await index.search({ q: 'parkeer tarie' });
    expect(r.hits.map((h) => h.document.id)).toEqual(['0000000000000001']);
    expect(r.hits[0]!.highlights.title.filter((s) => s.match).map((s) => s.text)).toEqual(['Parkeerzones', 'tarieven']);
    // A query whose words match as typed keeps the last-word-only prefix: "parkeer api" is the API alone.
    expect((await index.search({ q: 'parkeer api' })).hits.map((h) => h.document.id)).toEqual(['0000000000000004']);
    await index.close();
  });
});
