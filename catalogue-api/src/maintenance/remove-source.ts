import { historyGraph, quarantineGraph, runsGraph, sourceGraph, type QuadStore, type SearchIndex } from '@fedcat/catalogue';
import type { RunLog } from '../control/runs.js';

/**
 * Drops what fedcat holds of an unregistered source: its four named graphs (harvested, quarantined, history, runs),
 * its search documents and its run log. Called after the source left the registry, so no harvest starts meanwhile.
 */
export async function dropSourceData(id: string, deps: { store: QuadStore; search: SearchIndex; runs: RunLog }): Promise<void> {
  for (const graph of [sourceGraph(id), quarantineGraph(id), historyGraph(id), runsGraph(id)]) await deps.store.replaceGraph(graph, []);
  await deps.search.removeSource(id);
  await deps.runs.remove(id);
}
