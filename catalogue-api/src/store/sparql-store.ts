import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Quad } from '@rdfjs/types';
import { DataFactory, StreamParser, Writer } from 'n3';
import { QueryTimeout, QuerySyntax, REGISTRY_GRAPH, sparqlTerm, STAGING_GRAPH_PREFIX, StoreFailure, StoreUnavailable, booleanOf, quadsOf, READ_FORMATS, rowsOf, type AnswerFormats, type QuadStore, type SolutionRow, type QueryAnswer, type QueryForm, type QueryOptions, type StoreState } from '@fedcat/catalogue';
import { askValue, formatBoolean, graphAnswer, solutionsAnswer, standardSolutions } from './sparql/remote-answer.js';
import { parseStandardQuery, remoteQuery } from './sparql/remote-query.js';
import { backoffMs, RequestTimedOut, SparqlHttpClient, type HttpRequest, type SparqlAuth } from './sparql/http-client.js';

/** Where and how to reach a SPARQL 1.1 store. */
export interface SparqlStoreOptions {
  /** SPARQL 1.1 Query endpoint (queries are POSTed form-encoded, with an explicit Accept). */
  readonly queryUrl: string;
  /** SPARQL 1.1 Update endpoint. */
  readonly updateUrl: string;
  /** Graph Store HTTP Protocol endpoint (`?graph=` form); without one, graphs are loaded with INSERT DATA. */
  readonly graphStoreUrl?: string;
  readonly auth: SparqlAuth;
  /** Time limit of one request (ms); a query's own limit (`QueryOptions.timeoutMs`) replaces it. */
  readonly timeoutMs: number;
  /** Further attempts after connection failures and 502/503/504 answers, with exponential backoff. */
  readonly retries: number;
  /** First backoff (ms); default 250. */
  readonly backoffMs?: number;
  /** Requests in flight at once from this process (default 8); the store must accept that many per process. */
  readonly connections?: number;
  /** How often to look for graphs other processes changed (ms); 0 disables. Default 1000. */
  readonly pollMs?: number;
  /** Triples per load request (default 50,000); a graph with blank nodes goes in one request, keeping their identity. */
  readonly chunkTriples?: number;
}

const STAMP = 'urn:fedcat:store:stamp';
const SIZE = 'urn:fedcat:store:quads';

const iri = (value: string) => sparqlTerm(DataFactory.namedNode(value));
const JSON_RESULTS = 'application/sparql-results+json';
const N_TRIPLES = 'application/n-triples';

interface GraphEntry { readonly stamp: string; readonly quads: number }

function ntriples(quads: readonly Quad[]): string {
  const writer = new Writer({ format: 'N-Triples' });
  return writer.quadsToString(quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object)));
}

/** SQLSTATE 40001 (serialization failure; Virtuoso: "SR172: Transaction deadlocked"): the store rolled the write back. */
const ROLLED_BACK = /\b40001\b|deadlock/i;
/** Attempts of a write the store keeps rolling back over conflicts with concurrent writes. */
const CONFLICT_ATTEMPTS = 6;

/** A write the store rolled back because it conflicted with a concurrent one: safe to send again. */
class TransactionConflict extends Error {}

const hasBlankNode = (quads: readonly Quad[]) => quads.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode');

/**
 * A graph as N-Triples lines, each triple once (a graph is a set: the size recorded is what the store holds),
 * in pieces of `size` lines; a graph with blank nodes stays one piece, so each label names one node.
 */
function ntriplePieces(quads: readonly Quad[], size: number): { pieces: string[]; triples: number } {
  const lines = [...new Set(ntriples(quads).split('\n').filter((l) => l.length > 0))];
  const step = hasBlankNode(quads) ? Math.max(lines.length, 1) : size;
  const pieces: string[] = [];
  for (let i = 0; i < lines.length; i += step) pieces.push(`${lines.slice(i, i + step).join('\n')}\n`);
  return { pieces, triples: lines.length };
}

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
export class SparqlStore implements QuadStore {
  private readonly http: SparqlHttpClient;
  private graphs = new Map<string, GraphEntry>();
  private current: StoreState = { status: 'loading', graphsLoaded: 0, graphsTotal: 0 };
  private loaded = false;
  private started = false;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private firstLoad: Promise<void> | null = null;
  private readyWaiters: (() => void)[] = [];
  private readonly listeners = new Set<(graphs: readonly string[]) => void>();

  constructor(private readonly options: SparqlStoreOptions) {
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
    const forget = `DELETE WHERE { GRAPH ${iri(REGISTRY_GRAPH)} { ${iri(graph)} ?p ?o } }`;
    if (quads.length === 0) {
      await this.retryingConflicts(() => this.update(`DROP SILENT GRAPH ${iri(graph)} ;\n${forget}`));
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
      const register = `${forget} ;\nINSERT DATA { GRAPH ${iri(REGISTRY_GRAPH)} { ${iri(graph)} ${iri(STAMP)} "${stamp}" ; ${iri(SIZE)} ${triples} } }`;
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
    // Streamed: a large graph is parsed as it arrives, never held as one string.
    const quads: Quad[] = [];
    const parser = new StreamParser({ format: 'N-Triples' });
    await new Promise<void>((resolve, reject) => {
      Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>).on('error', reject).pipe(parser)
        .on('data', (q: Quad) => quads.push(q)).on('error', reject).on('end', resolve);
    });
    return quads;
  }

  async query(sparql: string, formats: AnswerFormats, options: QueryOptions = {}): Promise<QueryAnswer> {
    await this.usable();
    const parsed = parseStandardQuery(sparql, options.baseIri);
    const form = parsed.queryType as QueryForm;
    const remote = remoteQuery(sparql, parsed, options.dataset, new Set(this.graphs.keys()), options.baseIri);
    const body = new URLSearchParams({ query: remote.text });
    for (const g of remote.defaultGraphs) body.append('default-graph-uri', g);
    for (const g of remote.namedGraphs) body.append('named-graph-uri', g);
    const graphForm = form === 'CONSTRUCT' || form === 'DESCRIBE';
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    let res: Awaited<ReturnType<SparqlHttpClient['sendText']>>;
    try {
      res = await this.guard(() => this.http.sendText({
        method: 'POST', url: this.options.queryUrl, body: body.toString(), timeoutMs,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: graphForm ? N_TRIPLES : JSON_RESULTS },
        // A time-limited query is not tried again: its limit covers the whole wait.
        retry: options.timeoutMs === undefined,
      }));
    } catch (err) {
      if (err instanceof RequestTimedOut) {
        if (options.timeoutMs !== undefined) throw new QueryTimeout(String(timeoutMs), 'the SPARQL store did not answer in time');
        throw new StoreUnavailable(err.message);
      }
      throw err;
    }
    if (res.status === 400) throw new QuerySyntax(`the store refused it: ${res.text.split('\n').find((l) => l.trim()) ?? 'HTTP 400'}`);
    if (res.status < 200 || res.status > 299) throw new StoreFailure(`HTTP ${res.status} from the query endpoint: ${res.text.slice(0, 300).trim()}`);
    // Virtuoso answers a query cut by its own execution limit with a partial result and this header.
    if (res.headers.get('x-sql-state')) throw new QueryTimeout(String(timeoutMs), `the store cut the query off (${res.headers.get('x-sql-state')})`);
    if (form === 'ASK') return { form, mediaType: formats.solutions, body: formatBoolean(askValue(res.text), formats.solutions) };
    if (form === 'SELECT') return solutionsAnswer(res.text, formats.solutions, options.resultCap);
    return graphAnswer(form, res.text, formats.graph, options.resultCap);
  }

  select(sparql: string, options?: QueryOptions): Promise<SolutionRow[]> {
    return this.query(sparql, READ_FORMATS, options).then(rowsOf);
  }

  ask(sparql: string, options?: QueryOptions): Promise<boolean> {
    return this.query(sparql, READ_FORMATS, options).then(booleanOf);
  }

  construct(sparql: string, options?: QueryOptions): Promise<Quad[]> {
    return this.query(sparql, READ_FORMATS, options).then(quadsOf);
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

  /** Runs a write again, after a growing pause, while the store rolls it back over conflicts with concurrent writes. */
  private async retryingConflicts(write: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (err) {
        if (!(err instanceof TransactionConflict)) throw err;
        if (attempt >= CONFLICT_ATTEMPTS) throw new StoreFailure(`${err.message} (rolled back ${attempt} times over conflicting writes)`);
        // One step further along than connection retries: a deadlock clears as the other write ends.
        await sleep(backoffMs(this.options.backoffMs ?? 250, attempt + 1));
      }
    }
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
        body: new URLSearchParams({ query: `SELECT ?g ?stamp ?n WHERE { GRAPH ${iri(REGISTRY_GRAPH)} { ?g ${iri(STAMP)} ?stamp ; ${iri(SIZE)} ?n } }` }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: JSON_RESULTS },
        retry: false,
      }, 'from the query endpoint');
      const next = new Map<string, GraphEntry>();
      for (const row of standardSolutions(text).results.bindings) {
        const g = row.g?.value; const stamp = row.stamp?.value; const n = row.n?.value;
        if (typeof g === 'string' && typeof stamp === 'string') next.set(g, { stamp, quads: Number(n ?? 0) });
      }
      const changed = [...new Set([...next.keys(), ...this.graphs.keys()])].filter((g) => next.get(g)?.stamp !== this.graphs.get(g)?.stamp);
      this.graphs = next;
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
