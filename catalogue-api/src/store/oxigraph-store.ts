import { stat } from 'node:fs/promises';
import type { Quad } from '@rdfjs/types';
import { GraphFiles } from './graph-files.js';
import { TypedReads, type AnswerFormats, type QuadStore, type QueryAnswer, type QueryOptions, type StoreState } from '@fedcat/catalogue';
import { QueryLane } from './query-lane.js';
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
}

/**
 * The embedded QuadStore: oxigraph (wasm) in worker threads, durable as one N-Quads file per graph.
 * Writes go to disk first (temp file + rename), then to the in-memory stores in one synchronous step each.
 * Two workers hold the data: one answers the API's own reads, the other queries with a time limit (the public
 * SPARQL endpoint), so a heavy query can be cut off without stalling anything else. The second starts once the
 * first is ready (it doubles the store's memory; see docs/benchmarks.md).
 */
export class OxigraphStore extends TypedReads implements QuadStore {
  private primary: StoreWorker | null = null;
  private readonly lane: QueryLane;
  private readonly files: GraphFiles;

  constructor(private readonly options: OxigraphStoreOptions) {
    super();
    this.files = new GraphFiles(options.dataDir);
    this.lane = new QueryLane(() => new StoreWorker(this.workerOptions()));
    if (!options.lazy) {
      const primary = this.start();
      primary.ready().then(() => { if (this.primary === primary) this.lane.start(); }, () => undefined);
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

  queryLaneState(): StoreState & { readonly restarts: number } {
    return this.lane.state();
  }

  ready(): Promise<void> {
    return this.start().ready();
  }

  async replaceGraph(graph: string, quads: readonly Quad[]): Promise<void> {
    await this.files.write(graph, quads);
    if (!this.primary && !this.lane.started()) return;
    // The workers load the file it was written to: the graph's text never crosses threads as one string.
    const stamp = quads.length > 0 ? await stat(this.files.pathOf(graph)).then((s) => `${s.mtimeMs}:${s.size}`) : null;
    const call: WorkerCall = { op: 'replace', graph, stamp };
    await Promise.all([this.primary?.call<null>(call), this.lane.forward<null>(call)]);
  }

  query(sparql: string, formats: AnswerFormats, options?: QueryOptions): Promise<QueryAnswer> {
    const { timeoutMs, ...rest } = options ?? {};
    const call: WorkerCall = { op: 'query', sparql, formats, options: rest };
    return timeoutMs === undefined ? this.start().call<QueryAnswer>(call) : this.lane.query(call, timeoutMs);
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
    await Promise.all([w?.terminate(), this.lane.close()]);
  }
}
