import { join } from 'node:path';
import { Parser } from 'n3';
import { sourceGraph, type CatalogueDocument } from '@fedcat/catalogue';
import { GraphFiles, openControlPlane, SqliteSearchIndex } from '@fedcat/catalogue-api';
import { generateDocuments, toNTriples } from './generate.js';

/**
 * Writes a data directory as harvests would leave it: N generated datasets as graph files (one per source),
 * the search index and the control database's source registry. Much faster than harvesting them (no fetch, no SHACL).
 */
export async function prepareDataDir(dir: string, n: number): Promise<{ docs: CatalogueDocument[]; quads: number; graphs: number; seconds: number }> {
  const docs = generateDocuments(n);
  const bySource = new Map<string, CatalogueDocument[]>();
  for (const d of docs) (bySource.get(d.source) ?? bySource.set(d.source, []).get(d.source)!).push(d);
  const files = new GraphFiles(dir);
  const index = new SqliteSearchIndex(join(dir, 'search', 'index.sqlite'));
  const control = openControlPlane(dir);
  const registry = control.sources;
  let quads = 0;
  const t0 = performance.now();
  for (const [source, list] of bySource) {
    const parsed = new Parser({ format: 'application/n-triples' }).parse(list.map(toNTriples).join(''));
    quads += parsed.length;
    await files.write(sourceGraph(source), parsed);
    await index.replaceSource(source, list);
    await registry.upsert({ id: source, url: `https://${source}.example.nl/catalog.ttl` });
  }
  await index.close();
  control.close();
  return { docs, quads, graphs: bySource.size, seconds: (performance.now() - t0) / 1000 };
}
