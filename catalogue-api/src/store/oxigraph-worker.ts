import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import oxigraph from 'oxigraph';
import { GraphFiles } from './graph-files.js';
import { EMPTY_GRAPH, SOURCE_GRAPH_PREFIX, sparqlTerm, type ProtocolDataset, type QueryAnswer, type QueryForm, type QueryOptions } from '@fedcat/catalogue';
import { classifySparql, declaresDataset } from './query-form.js';
import { boundedQuery } from './query-limit.js';
import { storeVersion } from './store-version.js';
import { visibleDataset } from './visible-dataset.js';
import { formatSolutions, type SolutionsJson } from './solutions-format.js';
import type { WorkerMessage, WorkerOptions, WorkerRequest } from './worker-protocol.js';

// The oxigraph store lives here, off the API's event loop: its queries run synchronously.
const options = workerData as WorkerOptions;
const port = parentPort!;
const store = new oxigraph.Store();
const files = new GraphFiles(options.dataDir);
/** graph IRI → stamp of the file content currently loaded. */
const loaded = new Map<string, string>();
const pending: WorkerRequest[] = [];
let ready = false;
/**
 * Graphs a 'replace' set while a read of the directory (start or poll) was under way: that read's listing and
 * content of them are older than what is loaded, so it must leave them alone. Null when no read runs.
 */
let replacedDuringRead: Set<string> | null = null;

const send = (m: WorkerMessage) => port.postMessage(m);
/** How oxigraph words a syntax error: with its position. */
const SYNTAX_ERROR = /error at \d+:\d+/;
/** The version of what is loaded; recomputed after a change, when next asked. */
let version: string | null = null;
const currentVersion = () => (version ??= storeVersion(loaded));

function replaceInMemory(graph: string, nquads: string): void {
  version = null;
  // One synchronous step: no query can run between the drop and the load.
  store.update(`DROP SILENT GRAPH ${sparqlTerm(oxigraph.namedNode(graph))}`);
  if (nquads.length > 0) store.load(nquads, { format: 'application/n-quads', no_transaction: true });
}

/** The default graph of queries: the union of the source graphs; quarantine graphs are only reachable by GRAPH. */
function defaultGraphs() {
  return [...loaded.keys()].filter((g) => g.startsWith(SOURCE_GRAPH_PREFIX)).map((g) => oxigraph.namedNode(g));
}

/** An empty list would mean "the real default graph"; a never-used graph name keeps the default graph empty instead. */
const orEmpty = (graphs: ReturnType<typeof oxigraph.namedNode>[]) => (graphs.length > 0 ? graphs : [oxigraph.namedNode(EMPTY_GRAPH)]);

/**
 * The dataset options of a query: the protocol's dataset, else the query's own FROM, else the union of sources;
 * with a visibility, only graphs it allows (and named graphs always given, so GRAPH ?g sees no others).
 */
function datasetOptions(sparql: string, options: QueryOptions) {
  const dataset = options.visibility ? visibleDataset(sparql, options.dataset, [...loaded.keys()], options.visibility, options.baseIri) : options.dataset;
  if (dataset) {
    return { default_graph: orEmpty(dataset.defaultGraphs.map((g) => oxigraph.namedNode(g))), named_graphs: dataset.namedGraphs.map((g) => oxigraph.namedNode(g)) };
  }
  return declaresDataset(sparql) ? {} : { default_graph: orEmpty(defaultGraphs()) };
}

function answer(sparql: string, formats: { solutions: string; graph: string }, options: QueryOptions = {}): QueryAnswer {
  const kind = classifySparql(sparql);
  const form: QueryForm = kind.kind === 'query' ? kind.form : 'SELECT';
  const mediaType = form === 'SELECT' || form === 'ASK' ? formats.solutions : formats.graph;
  const dataset = datasetOptions(sparql, options);
  const base = options.baseIri ? { base_iri: options.baseIri } : {};
  const run = (text: string, format: string) => String(store.query(text, { results_format: format, ...dataset, ...base }));
  const cap = options.resultCap;
  const v = currentVersion();
  if (cap === undefined || form === 'ASK') return { form, mediaType, body: run(sparql, mediaType), version: v };
  // The engine stops at cap + 1 solutions: one more than the cap says the answer was cut.
  const bounded = boundedQuery(sparql, cap);
  // A syntax error is reported for the query as sent (in the rewritten one it would sit at fedcat's LIMIT): the
  // engine refuses that text before running anything.
  const runBounded = (format: string) => {
    try {
      return run(bounded.text, format);
    } catch (err) {
      if (bounded.imposed && err instanceof Error && SYNTAX_ERROR.test(err.message)) return run(sparql, format);
      throw err;
    }
  };
  if (form === 'SELECT') {
    // Solutions are counted in JSON and written in the asked format from it, cut or not: one way for both.
    const json = JSON.parse(runBounded('application/sparql-results+json')) as SolutionsJson;
    const truncated = json.results.bindings.length > cap;
    const kept = truncated ? { ...json, results: { bindings: json.results.bindings.slice(0, cap) } } : json;
    return { form, mediaType, body: formatSolutions(kept, mediaType), truncated, version: v };
  }
  // Triples are counted as N-Triples lines (one per triple) and written in the asked format from them.
  const lines = runBounded('application/n-triples').split('\n').filter((l) => l.length > 0);
  const truncated = lines.length > cap || (bounded.probe !== undefined && solutionsBeyond(bounded.probe, cap + 1, dataset, base));
  const ntriples = (lines.length > cap ? lines.slice(0, cap) : lines).map((l) => `${l}\n`).join('');
  if (mediaType === 'application/n-triples') return { form, mediaType, body: ntriples, truncated, version: v };
  const graph = new oxigraph.Store();
  graph.load(ntriples, { format: 'application/n-triples' });
  return { form, mediaType, body: graph.dump({ format: mediaType, from_graph_name: oxigraph.defaultGraph() }), truncated, version: v };
}

/** True when the probe of a CONSTRUCT/DESCRIBE finds more solutions than the LIMIT let through. */
function solutionsBeyond(probe: string, limit: number, dataset: ReturnType<typeof datasetOptions>, base: { base_iri?: string }): boolean {
  const rows = store.query(probe, { ...dataset, ...base });
  return Array.isArray(rows) && rows.length > limit;
}

function graphs(): { graph: string; quads: number }[] {
  const rows = store.query('SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g') as Map<string, { value: string }>[];
  return rows.map((r) => ({ graph: r.get('g')!.value, quads: Number(r.get('n')!.value) }));
}

function handle(req: WorkerRequest): void {
  try {
    switch (req.op) {
      case 'query':
        send({ type: 'reply', id: req.id, ok: true, result: answer(req.sparql, req.formats, req.options) });
        return;
      case 'replace':
        // Read synchronously, so requests stay in order; if another process rewrote the file meanwhile, the
        // stamp differs and the next poll reloads it again.
        replaceInMemory(req.graph, req.stamp ? readFileSync(files.pathOf(req.graph), 'utf8') : '');
        if (req.stamp) loaded.set(req.graph, req.stamp);
        else loaded.delete(req.graph);
        replacedDuringRead?.add(req.graph);
        // The change first: whoever awaits the reply then sees the new version.
        if (ready) send({ type: 'changed', graphs: [req.graph], version: currentVersion(), graphCount: loaded.size });
        send({ type: 'reply', id: req.id, ok: true, result: null });
        return;
      case 'graphs':
        send({ type: 'reply', id: req.id, ok: true, result: graphs() });
        return;
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const kind = req.op === 'query' && SYNTAX_ERROR.test(message) ? 'syntax' : 'internal';
    send({ type: 'reply', id: req.id, ok: false, error: { kind, message } });
  }
}

port.on('message', (req: WorkerRequest) => {
  if (!ready && req.op !== 'replace') pending.push(req);
  else handle(req);
});

/** Reloads graphs whose files changed on disk since they were loaded (written by a CLI harvest). */
async function syncFromDisk(): Promise<void> {
  const replaced = (replacedDuringRead = new Set());
  const changed: string[] = [];
  try {
    const onDisk = await files.list();
    const present = new Set<string>();
    for (const f of onDisk) {
      present.add(f.graph);
      if (loaded.get(f.graph) === f.stamp || replaced.has(f.graph)) continue;
      try {
        const nquads = await files.read(f.path);
        if (replaced.has(f.graph)) continue;
        replaceInMemory(f.graph, nquads);
        loaded.set(f.graph, f.stamp);
        changed.push(f.graph);
      } catch {
        // the file was replaced or removed while reading; the next poll sees its final state
      }
    }
    for (const graph of [...loaded.keys()]) {
      if (!present.has(graph) && !replaced.has(graph)) {
        replaceInMemory(graph, '');
        loaded.delete(graph);
        changed.push(graph);
      }
    }
  } finally {
    replacedDuringRead = null;
  }
  if (changed.length > 0) send({ type: 'changed', graphs: changed, version: currentVersion(), graphCount: loaded.size });
}

async function start(): Promise<void> {
  const replaced = (replacedDuringRead = new Set());
  const onDisk = await files.list();
  let n = 0;
  for (const f of onDisk) {
    // A file removed since the listing was dropped meanwhile: nothing to load.
    const nquads = await files.read(f.path).catch(() => null);
    if (nquads !== null && !replaced.has(f.graph)) {
      store.load(nquads, { format: 'application/n-quads', no_transaction: true });
      loaded.set(f.graph, f.stamp);
    }
    send({ type: 'progress', graphsLoaded: ++n, graphsTotal: onDisk.length });
  }
  replacedDuringRead = null;
  ready = true;
  version = null;
  send({ type: 'ready', version: currentVersion() });
  for (const req of pending.splice(0)) handle(req);
  if (options.pollMs > 0) {
    const tick = () => void syncFromDisk().finally(() => setTimeout(tick, options.pollMs).unref());
    setTimeout(tick, options.pollMs).unref();
  }
}

start().catch((err: unknown) => send({ type: 'failed', message: err instanceof Error ? err.message : String(err) }));
