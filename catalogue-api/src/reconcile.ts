import { extractDocuments, sourceGraph } from '@fedcat/harvester';
import { DataFactory, Parser } from 'n3';
import type { SourceRegistry } from './registry/sources.js';
import type { SearchIndex } from './search/search-index.js';
import type { QuadStore } from './store/quad-store.js';
import { sparqlTerm } from './store/sparql-term.js';

const RUNS = `PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?g ?run ?started WHERE { GRAPH ?g { ?g prov:wasGeneratedBy ?run . ?run prov:startedAtTime ?started } }`;

/**
 * Brings the search index level with the store after a crash: a source whose graph was written by a run the
 * index has not recorded gets its documents rebuilt from the graph. Returns the sources it rebuilt.
 */
export async function reconcileIndex(store: QuadStore, search: SearchIndex, sources: SourceRegistry): Promise<string[]> {
  await store.ready();
  const answer = await store.query(RUNS, { solutions: 'application/sparql-results+json', graph: 'application/n-triples' });
  const rows = (JSON.parse(answer.body) as { results: { bindings: Record<string, { value: string }>[] } }).results.bindings;
  const indexed = await search.indexedRuns();
  const rebuilt: string[] = [];
  for (const source of await sources.list()) {
    const graph = sourceGraph(source.id);
    const row = rows.find((r) => r.g?.value === graph);
    if (!row || indexed[source.id] === row.run!.value) continue;
    const g = sparqlTerm(DataFactory.namedNode(graph));
    const dump = await store.query(`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ${g} { ?s ?p ?o } }`, { solutions: 'application/sparql-results+json', graph: 'application/n-triples' });
    const docs = extractDocuments(new Parser({ format: 'application/n-triples' }).parse(dump.body), source.id, row.started!.value);
    await search.replaceSource(source.id, docs);
    await search.applyChanges(source.id, { upsert: [], remove: [], run: row.run!.value });
    rebuilt.push(source.id);
  }
  return rebuilt;
}
