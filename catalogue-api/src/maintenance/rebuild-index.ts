import { extractDocuments } from '@fedcat/harvester';
import { sourceGraph, type QuadStore, type SearchIndex } from '@fedcat/catalogue';
import type { Quad } from '@rdfjs/types';
import { prov } from '@fedcat/vocab';

/** The run that wrote a source graph, from the graph's own PROV statements (see catalogue-sink's provenance). */
export function graphRun(graph: string, quads: readonly Quad[]): { run: string; startedAt: string } | null {
  const run = quads.find((q) => q.subject.value === graph && q.predicate.equals(prov.wasGeneratedBy))?.object.value;
  if (!run) return null;
  const startedAt = quads.find((q) => q.subject.value === run && q.predicate.equals(prov.startedAtTime))?.object.value;
  return startedAt ? { run, startedAt } : null;
}

/**
 * Rebuilds one source's search documents from its graph in the store, and records the run that wrote the graph
 * as the source's indexed run. A source with no graph has its documents removed. Returns the documents indexed.
 */
export async function rebuildSourceIndex(store: QuadStore, search: SearchIndex, source: string): Promise<number> {
  const graph = sourceGraph(source);
  const quads = await store.readGraph(graph);
  const run = graphRun(graph, quads);
  if (!run) {
    await search.removeSource(source);
    return 0;
  }
  const docs = extractDocuments(quads, source, run.startedAt);
  await search.replaceSource(source, docs);
  await search.applyChanges(source, { upsert: [], remove: [], run: run.run });
  return docs.length;
}

/** One source done, for progress output. */
export interface ReindexProgress { readonly source: string; readonly done: number; readonly total: number; readonly documents: number }

/**
 * Rebuilds the whole search index from the store: every registered source's documents, and no documents of
 * sources no longer registered.
 */
export async function reindexAll(store: QuadStore, search: SearchIndex, sources: readonly string[], onSource?: (p: ReindexProgress) => void): Promise<number> {
  let documents = 0;
  for (const [i, source] of sources.entries()) {
    const n = await rebuildSourceIndex(store, search, source);
    documents += n;
    onSource?.({ source, done: i + 1, total: sources.length, documents: n });
  }
  const registered = new Set(sources);
  for (const source of Object.keys(await search.indexedRuns())) if (!registered.has(source)) await search.removeSource(source);
  return documents;
}
