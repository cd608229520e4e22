import { sourceGraph, type QuadStore, type SearchIndex } from '@fedcat/catalogue';
import type { SourceRegistry } from '../control/sources.js';
import { rebuildSourceIndex } from './rebuild-index.js';

const RUNS = `PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?g ?run WHERE { GRAPH ?g { ?g prov:wasGeneratedBy ?run } }`;

/**
 * Brings the search index level with the store after a crash: a source whose graph was written by a run the
 * index has not recorded gets its documents rebuilt from the graph. Returns the sources it rebuilt.
 */
export async function reconcileIndex(store: QuadStore, search: SearchIndex, sources: SourceRegistry): Promise<string[]> {
  await store.ready();
  const rows = await store.select(RUNS);
  const written = new Map(rows.flatMap((r) => (r.g && r.run ? [[r.g.value, r.run.value] as const] : [])));
  const indexed = await search.indexedRuns();
  const rebuilt: string[] = [];
  for (const source of await sources.list()) {
    const run = written.get(sourceGraph(source.id));
    if (!run || indexed[source.id] === run) continue;
    await rebuildSourceIndex(store, search, source.id);
    rebuilt.push(source.id);
  }
  return rebuilt;
}
