import { randomUUID } from 'node:crypto';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { sparqlTerm, STAGING_GRAPH_PREFIX, StoreFailure, StoreUnavailable, TypedReads, type AnswerFormats, type QuadStore, type QueryAnswer, type QueryForm, type QueryOptions, type StoreState } from '@fedcat/catalogue';
import { askValue, remoteAnswer, standardSolutions, type RemoteResponse } from './sparql/remote-answer.js';
import { boundedQuery } from './query-limit.js';
import { storeVersion } from './store-version.js';
import { forgetGraph, registerGraph, registryEntries, REGISTRY_QUERY, type GraphEntry } from './sparql/graph-registry.js';
import { hasBlankNode, ntriplePieces } from './sparql/ntriple-pieces.js';
import { parseNTriplesStream } from './sparql/ntriples-stream.js';
import { ROLLED_BACK, retryingConflicts, TransactionConflict } from './sparql/conflicts.js';
import { parseStandardQuery } from './sparql/remote-query.js';
import { queryRequestBody, timedOut } from './sparql/query-request.js';
import { RequestTimedOut, SparqlHttpClient, type HttpRequest } from './sparql/http-client.js';
import type { SparqlStoreOptions } from './sparql/store-options.js';

export type { SparqlStoreOptions } from './sparql/store-options.js';

const iri = (value: string) => sparqlTerm(DataFactory.namedNode(value));
const JSON_RESULTS = 'application/sparql-results+json';
const N_TRIPLES = 'application/n-triples';

/**
 * A QuadStore on any SPARQL 1.1 store, through the standard protocols only: queries by the Query protocol,
 * graph loads by the Graph Store HTTP Protocol (POST), swaps and drops by the Update protocol.
 *
 * A graph is replaced by loading it into a fresh staging graph (in pieces, each retried on its own) and then one
 * update that MOVEs it over the old one and records it in {@link REGISTRY_GRAPH}: readers see the old graph or
 * the new, and a failed load leaves the old graph in place. Every process sharing the store polls that registry,
 * which gives the graph list, change notices and, because queries name fedcat's graphs as their dataset, keeps
 * the store's own graphs (Virtuoso's system graphs) out of every answer.
 */
export class SparqlStore extends TypedReads implements QuadStore {
  private readonly http: SparqlHttpClient;
  private graphs = new Map<string, GraphEntry>();
  private versionMemo: string | null = null;
  private current: StoreState = { status: 'loading', graphsLoaded: 0, graphsTotal: 0 };
  private loaded = false;
  private started = false;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private firstLoad: Promise<void> | null = null;
  private readyWaiters: (() => void)[] = [];
  private readonly listeners = new Set<(graphs: readonly string[]) => void>();

  constructor(private readonly options: SparqlStoreOptions) {
    super();
    this.http = new SparqlHttpClient({ auth: options.auth, timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: options.backoffMs ?? 250, connections: options.connections ?? 8 });
  }

  /** Starts reading the registry (and polling it); the first call does, later ones return the first read. */
  private start(): Promise<void> {
    if (!this.started) {
      this.started = true;
      this.firstLoad = this.refresh();
    }
    return this.firstLoad!;
  }

  state(): StoreState {
    if (!this.started) void this.start();
    return this.current;
  }

  queryLaneState(): StoreState & { readonly restarts: number } {
    return { ...this.state(), restarts: 0 };
  }

  /** Resolves once the store has answered; while it cannot be reached, keeps trying (state says why). */
  ready(): Promise<void> {
    void this.start();
    if (this.loaded) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  onChange(listener: (graphs: readonly string[]) => void): () => void {
    void this.start();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async listGraphs(): Promise<readonly { graph: string; quads: number }[]> {
    await this.usable();
    return [...this.graphs].map(([graph, e]) => ({ graph, quads: e.quads })).sort((a, b) => a.graph.localeCompare(b.graph));
  }

  async replaceGraph(graph: string, quads: readonly Quad[]): Promise<void> {
    if (quads.length === 0) {
      await this.retryingConflicts(() => this.update(`DROP SILENT GRAPH ${iri(graph)} ;\n${forgetGraph(graph)}`));
      this.recorded(graph, null);
      return;
    }
    const staging = `${STAGING_GRAPH_PREFIX}${randomUUID()}`;
    try {
      const { pieces, triples } = ntriplePieces(quads, this.options.chunkTriples ?? 50_000);
      const blankNodes = hasBlankNode(quads);
      // Two harvests loading at once can deadlock in the store (seen on Virtuoso at 1M datasets); a rolled-back
      // piece is sent again.
      for (const piece of pieces) await this.retryingConflicts(() => this.load(staging, piece, blankNodes));
      const stamp = `${Date.now()}-${randomUUID()}`;
      const register = registerGraph(graph, { stamp, quads: triples });
      let tried = false;
      await this.retryingConflicts(async () => {
        // A store may commit an update request's operations one by one: once the staging graph is gone, the MOVE
        // went through and only the registry entry is left to write.
        if (tried && !(await this.holds(staging))) return this.update(register);
        tried = true;
        return this.update(`MOVE SILENT GRAPH ${iri(staging)} TO GRAPH ${iri(graph)} ;\n${register}`);
      });
      this.recorded(graph, { stamp, quads: triples });
    } catch (err) {
      // The staging graph is only ever read by the MOVE: dropping it is tidying, and may fail while the store is down.
      await this.update(`DROP SILENT GRAPH ${iri(staging)}`, { retry: false }).catch(() => undefined);
      throw err;
    }
  }

  async readGraph(graph: string): Promise<Quad[]> {
    await this.usable();
    const gsp = this.options.graphStoreUrl;
    if (!gsp) {
      return this.construct(`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ${iri(graph)} { ?s ?p ?o } }`, { dataset: { defaultGraphs: [], namedGraphs: [graph] } });
    }
    return this.http.limited(() => this.streamGraph(gsp, graph));
  }

  private async streamGraph(gsp: string, graph: string): Promise<Quad[]> {
    const res = await this.guard(() => this.http.send({ method: 'GET', url: `${gsp}?graph=${encodeURIComponent(graph)}`, headers: { accept: N_TRIPLES } }));
    if (res.status === 404) return [];
    if (!res.ok || !res.body) throw new StoreFailure(`reading graph ${graph}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
    return parseNTriplesStream(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
  }

  async query(sparql: string, formats: AnswerFormats, options: QueryOptions = {}): Promise<QueryAnswer> {
    await this.usable();
    const parsed = parseStandardQuery(sparql, options.baseIri);
    const form = parsed.queryType as QueryForm;
    const cap = options.resultCap;
    // The store stops at cap + 1 solutions: one more than the cap says the answer was cut.
    const bounded = cap === undefined ? { text: sparql, imposed: false } : boundedQuery(sparql, cap);
    const graphForm = form === 'CONSTRUCT' || form === 'DESCRIBE';
    const version = this.version();
    const started = Date.now();
    let res = await this.post(bounded.text === sparql ? parsed : parseStandardQuery(bounded.text, options.baseIri), bounded.text, options, graphForm ? N_TRIPLES : JSON_RESULTS);
    // Virtuoso refuses a sorted LIMIT above its MaxSortedTopRows (SR353; 10,000 unless raised): then unbounded, cut here.
    if (bounded.imposed && res.status === 500 && res.text.includes('SR353')) res = await this.post(parsed, sparql, options, graphForm ? N_TRIPLES : JSON_RESULTS);
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    let answer = remoteAnswer(res, form, formats, cap, timeoutMs);
    if (cap !== undefined && bounded.probe && !answer.truncated) {
      const probe = await this.post(parseStandardQuery(bounded.probe, options.baseIri), bounded.probe, options, JSON_RESULTS);
      if (standardSolutions(probe.text).results.bindings.length > cap + 1) answer = { ...answer, truncated: true };
    }
    return { ...answer, runMs: Date.now() - started, ...(version ? { version } : {}) };
  }

  /** Same graphs, same registry stamps: the same version in every process (as of this process's last poll). */
  version(): string | null {
    if (!this.loaded) return null;
    // Hashed once per change of the graph list, not on every query (each /sparql GET asks for it twice).
    this.versionMemo ??= storeVersion(new Map([...this.graphs].map(([g, e]) => [g, e.stamp])));
    return this.versionMemo;
  }

  /** Sends a query with fedcat's graphs (those the visibility allows) as its dataset. */
  private async post(parsed: ReturnType<typeof parseStandardQuery>, text: string, options: QueryOptions, accept: string): Promise<RemoteResponse> {
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    return this.guard(() => this.http.sendText({
      method: 'POST', url: this.options.queryUrl, body: queryRequestBody(text, parsed, options, [...this.graphs.keys()]), timeoutMs,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept },
      // A time-limited query is not tried again: its limit covers the whole wait.
      retry: options.timeoutMs === undefined,
    })).catch((err: unknown) => timedOut(err, options, timeoutMs));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Waits for the first read of the registry; refuses at once while the store is known to be unreachable. */
  private async usable(): Promise<void> {
    if (!this.loaded && this.current.status !== 'failed') await this.start();
    if (this.current.status === 'failed') throw new StoreUnavailable(this.current.error ?? 'unreachable');
  }

  /** Runs a request; one the store cannot take (unreachable, unavailable) marks it failed until it answers again. */
  private async guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      if (this.loaded && this.current.status === 'failed') this.current = { status: 'ready', graphsLoaded: this.graphs.size, graphsTotal: this.graphs.size };
      return result;
    } catch (err) {
      if (err instanceof StoreUnavailable) this.current = { ...this.current, status: 'failed', error: err.message };
      throw err;
    }
  }

  /**
   * One request of fedcat's own (updates, loads, registry reads): run under {@link guard}, a time-out is the store
   * being unavailable, and an answer other than 2xx a failure naming `what`. Returns the answer's text.
   */
  private async exchange(req: HttpRequest, what: string): Promise<string> {
    const res = await this.guard(() => this.http.sendText(req))
      .catch((err: unknown) => { throw err instanceof RequestTimedOut ? new StoreUnavailable(err.message) : err; });
    if (res.status < 200 || res.status > 299) {
      const message = `HTTP ${res.status} ${what}: ${res.text.slice(0, 300).trim()}`;
      throw ROLLED_BACK.test(res.text) ? new TransactionConflict(message) : new StoreFailure(message);
    }
    return res.text;
  }

  /** Runs a write again while the store rolls it back over conflicts with concurrent writes. */
  private retryingConflicts(write: () => Promise<void>): Promise<void> {
    return retryingConflicts(write, this.options.backoffMs ?? 250);
  }

  /** Whether a graph (one fedcat does not list, such as a staging graph) holds any triple. */
  private async holds(graph: string): Promise<boolean> {
    const text = await this.exchange({
      method: 'POST', url: this.options.queryUrl, body: new URLSearchParams({ query: `ASK { GRAPH ${iri(graph)} { ?s ?p ?o } }` }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: JSON_RESULTS },
    }, 'from the query endpoint');
    return askValue(text);
  }

  private async update(text: string, opts: Partial<HttpRequest> = {}): Promise<void> {
    await this.exchange({
      method: 'POST', url: this.options.updateUrl, body: new URLSearchParams({ update: text }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: `${JSON_RESULTS}, text/plain;q=0.5, */*;q=0.1` },
      ...opts,
    }, 'from the update endpoint');
  }

  /** Adds triples (N-Triples text) to a graph: Graph Store Protocol POST, else INSERT DATA. */
  private async load(graph: string, text: string, blankNodes: boolean): Promise<void> {
    const gsp = this.options.graphStoreUrl;
    if (!gsp) {
      // INSERT DATA is the plain way, but some stores (Virtuoso) refuse blank nodes in it; a template with no
      // WHERE conditions makes one fresh blank node per label, which is what loading a document does.
      const body = `GRAPH ${iri(graph)} {\n${text}}`;
      await this.update(blankNodes ? `INSERT { ${body} } WHERE {}` : `INSERT DATA { ${body} }`);
      return;
    }
    await this.exchange({ method: 'POST', url: `${gsp}?graph=${encodeURIComponent(graph)}`, body: text, headers: { 'content-type': N_TRIPLES } }, `loading into ${graph}`);
  }

  /** Notes a graph this process wrote, and tells listeners at once (other processes learn it by polling). */
  private recorded(graph: string, entry: GraphEntry | null): void {
    if (entry) this.graphs.set(graph, entry);
    else this.graphs.delete(graph);
    this.versionMemo = null;
    if (this.current.status === 'ready') this.current = { ...this.current, graphsLoaded: this.graphs.size, graphsTotal: this.graphs.size };
    if (this.loaded) this.notify([graph]);
  }

  private notify(graphs: readonly string[]): void {
    for (const listener of this.listeners) listener(graphs);
  }

  /** Reads the registry: the graph list, and which graphs changed since the last read; then schedules the next. */
  private async refresh(): Promise<void> {
    try {
      const text = await this.exchange({
        method: 'POST', url: this.options.queryUrl,
        body: new URLSearchParams({ query: REGISTRY_QUERY }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: JSON_RESULTS },
        retry: false,
      }, 'from the query endpoint');
      const next = registryEntries(text);
      const changed = [...new Set([...next.keys(), ...this.graphs.keys()])].filter((g) => next.get(g)?.stamp !== this.graphs.get(g)?.stamp);
      this.graphs = next;
      this.versionMemo = null;
      this.current = { status: 'ready', graphsLoaded: next.size, graphsTotal: next.size };
      if (!this.loaded) {
        this.loaded = true;
        for (const resolve of this.readyWaiters.splice(0)) resolve();
      } else if (changed.length > 0) {
        this.notify(changed);
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.current = { ...this.current, status: 'failed', error: `SPARQL store unreachable: ${message}` };
    } finally {
      const pollMs = this.options.pollMs ?? 1000;
      if (!this.closed && (pollMs > 0 || !this.loaded)) {
        this.timer = setTimeout(() => void this.refresh(), pollMs > 0 ? pollMs : 1000);
        this.timer.unref();
      }
    }
  }
}
