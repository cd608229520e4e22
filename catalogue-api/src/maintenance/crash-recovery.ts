import { DataFactory } from 'n3';
import { sourceGraph, sparqlTerm, type QuadStore, type SearchIndex } from '@fedcat/catalogue';
import { prov } from '@fedcat/vocab';
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

/** The run whose graph the store holds for one source (its `prov:wasGeneratedBy`), or null. */
export async function storedRun(store: QuadStore, source: string): Promise<string | null> {
  const g = sparqlTerm(DataFactory.namedNode(sourceGraph(source)));
  const rows = await store.select(`SELECT ?run WHERE { GRAPH ${g} { ${g} ${sparqlTerm(prov.wasGeneratedBy)} ?run } }`);
  return rows[0]?.run?.value ?? null;
}

/**
 * {@link reconcileIndex} for one source, where a harvest of it is about to start: its documents are rebuilt from
 * the store's graph when the index has not recorded the run that wrote it. Returns that run (null: no graph).
 */
export async function reconcileSource(store: QuadStore, search: SearchIndex, source: string): Promise<string | null> {
  const run = await storedRun(store, source);
  if (run && (await search.indexedRuns())[source] !== run) await rebuildSourceIndex(store, search, source);
  return run;
}
