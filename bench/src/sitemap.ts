import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { SqliteSearchIndex } from '@fedcat/catalogue-api';
import type { CatalogueDocument } from '@fedcat/catalogue';
import { numberArg } from './bench-process.js';

// Usage: node bench/dist/sitemap.js [--docs 1000000]
// Fills an embedded search index with N documents (50,000 per source) and times reading sitemap files of 50,000
// record pages (SearchIndex.browse): the first, the middle and the last file, so the cost of the offset shows.

const n = numberArg('--docs', 1_000_000);
const FILE = 50_000;
const dir = await mkdtemp(join(tmpdir(), 'fedcat-sitemap-'));
const index = new SqliteSearchIndex(join(dir, 'search.sqlite'));
try {
  console.error(`sitemap benchmark: ${n} documents; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  const base: Omit<CatalogueDocument, 'id' | 'iri' | 'title' | 'source'> = {
    type: 'Dataset', description: 'Een dataset', keywords: [], publisher: null, publisherName: null, themes: [], formats: [], licenses: [],
    accessRights: [], modified: '2026-01-01', endpointUrls: [], harvestedAt: '2026-01-01T00:00:00Z', matchKeys: [],
  };
  const started = performance.now();
  for (let s = 0; s * FILE < n; s++) {
    const docs = Array.from({ length: Math.min(FILE, n - s * FILE) }, (_, i) => {
      const k = s * FILE + i;
      return { ...base, id: ((k * 2654435761) % 2 ** 52).toString(16).padStart(16, '0'), iri: `https://x.nl/${k}`, title: `Dataset ${k}`, source: `s${s}` };
    });
    await index.replaceSource(`s${s}`, docs);
  }
  console.log(`index of ${await index.count()} documents built in ${Math.round(performance.now() - started)} ms`);
  const files = Math.ceil(n / FILE);
  for (const file of [...new Set([0, Math.floor(files / 2), files - 1])]) {
    const t0 = performance.now();
    const docs = await index.browse(file * FILE, FILE);
    console.log(`sitemap file ${file + 1} of ${files}: ${docs.length} record pages read in ${Math.round(performance.now() - t0)} ms`);
  }
} finally {
  await index.close();
  await rm(dir, { recursive: true, force: true });
}
