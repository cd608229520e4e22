import { stat } from 'node:fs/promises';
import type { Quad } from '@rdfjs/types';
import { GraphFiles } from './graph-files.js';
import { TypedReads, type AnswerFormats, type QuadStore, type QueryAnswer, type QueryOptions, type StoreState } from '@fedcat/catalogue';
import { QueryPool } from './query-pool.js';
import { StoreWorker, type WorkerCall } from './store-worker.js';

/** Options of the embedded store. */
export interface OxigraphStoreOptions {
  readonly dataDir: string;
  /** Poll interval for graph files written by other processes (ms); 0 disables. Default 1000. */
  readonly pollMs?: number;
  /**
   * Start the worker (and load all graphs) only at the first query. The CLI's harvest command uses this:
   * it only writes graph files, which a running server then picks up.
   */
  readonly lazy?: boolean;
  /** Workers the time-limited queries (public SPARQL) run on, each with a copy of the data. Default 2. */
  readonly queryWorkers?: number;
}

/**
 * The embedded QuadStore: oxigraph (wasm) in worker threads, durable as one N-Quads file per graph.
 * Writes go to disk first (temp file + rename), then to the in-memory stores in one synchronous step each.
 * Workers hold the data: one answers the API's own reads, `queryWorkers` (default 2) the queries with a time limit
 * (the public SPARQL endpoint), so a heavy query can be cut off without stalling anything else and one client's
 * heavy query leaves a worker for the others. Those start once the first is ready; each holds a whole copy of the
 * data (see docs/benchmarks.md for what that costs).
 */
export class OxigraphStore extends TypedReads implements QuadStore {
  private primary: StoreWorker | null = null;
  private readonly pool: QueryPool;
  private readonly files: GraphFiles;

  constructor(private readonly options: OxigraphStoreOptions) {
    super();
    this.files = new GraphFiles(options.dataDir);
    this.pool = new QueryPool(() => new StoreWorker(this.workerOptions()), options.queryWorkers ?? 2);
    if (!options.lazy) {
      const primary = this.start();
      primary.ready().then(() => { if (this.primary === primary) this.pool.start(); }, () => undefined);
    }
  }

  private workerOptions() {
    return { dataDir: this.options.dataDir, pollMs: this.options.pollMs ?? 1000 };
  }

  private start(): StoreWorker {
    this.primary ??= new StoreWorker(this.workerOptions());
    return this.primary;
  }

  state(): StoreState {
    return this.primary?.state() ?? { status: 'loading', graphsLoaded: 0, graphsTotal: 0 };
  }

  version(): string | null {
    return this.primary?.version() ?? null;
  }

  queryLaneState(): StoreState & { readonly restarts: number; readonly workersReady: number; readonly workers: number } {
    return this.pool.state();
  }

  ready(): Promise<void> {
    return this.start().ready();
  }

  async replaceGraph(graph: string, quads: readonly Quad[]): Promise<void> {
    await this.files.write(graph, quads);
    if (!this.primary && !this.pool.started()) return;
    // The workers load the file it was written to: the graph's text never crosses threads as one string.
    const stamp = quads.length > 0 ? await stat(this.files.pathOf(graph)).then((s) => `${s.mtimeMs}:${s.size}`) : null;
    const call: WorkerCall = { op: 'replace', graph, stamp };
    await Promise.all([this.primary?.call<null>(call), this.pool.forward<null>(call)]);
  }

  query(sparql: string, formats: AnswerFormats, options?: QueryOptions): Promise<QueryAnswer> {
    const { timeoutMs, client, ...rest } = options ?? {};
    const call: WorkerCall = { op: 'query', sparql, formats, options: rest };
    return timeoutMs === undefined ? this.start().call<QueryAnswer>(call) : this.pool.query(call, timeoutMs, client);
  }

  /** Read from the graph's file: the files are the store's durable content, and this needs no worker. */
  readGraph(graph: string): Promise<Quad[]> {
    return this.files.quads(graph);
  }

  /**
   * From the worker once started; a lazy store not yet started counts its files instead, so reading graphs out
   * (migrate) never loads the whole store into memory.
   */
  listGraphs(): Promise<readonly { graph: string; quads: number }[]> {
    return this.primary ? this.primary.call({ op: 'graphs' }) : this.files.counts();
  }

  /** Changes as the worker that answers the API's own reads sees them (so a rebuild after one reads the new graph). */
  onChange(listener: (graphs: readonly string[]) => void): () => void {
    return this.start().onChange(listener);
  }

  async close(): Promise<void> {
    const w = this.primary;
    this.primary = null;
    await Promise.all([w?.terminate(), this.pool.close()]);
  }
}
