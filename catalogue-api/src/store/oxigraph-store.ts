import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Quad } from '@rdfjs/types';
import { DataFactory, Writer } from 'n3';
import { StoreUnavailable, SparqlSyntax, StoreFailure } from '../errors.js';
import { GraphFiles } from './graph-files.js';
import type { AnswerFormats, QuadStore, QueryAnswer, QueryOptions, StoreState } from './quad-store.js';
import type { WorkerMessage, WorkerOptions, WorkerRequest } from './worker-protocol.js';

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

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/**
 * The embedded QuadStore: oxigraph (wasm) in a worker thread, durable as one N-Quads file per graph.
 * Writes go to disk first (temp file + rename), then to the in-memory store in one synchronous step.
 */
export class OxigraphStore implements QuadStore {
  private worker: Worker | null = null;
  private readonly files: GraphFiles;
  private readonly calls = new Map<number, Pending>();
  private nextId = 1;
  private current: StoreState = { status: 'loading', graphsLoaded: 0, graphsTotal: 0 };
  private readyWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];

  constructor(private readonly options: OxigraphStoreOptions) {
    this.files = new GraphFiles(options.dataDir);
    if (!options.lazy) this.startWorker();
  }

  private startWorker(): Worker {
    if (this.worker) return this.worker;
    const workerData: WorkerOptions = { dataDir: this.options.dataDir, pollMs: this.options.pollMs ?? 1000 };
    // Tests import this module from src/ (TypeScript); the worker always runs the built JavaScript.
    const here = import.meta.url;
    const url = here.endsWith('.ts') ? new URL('../../dist/store/oxigraph-worker.js', here) : new URL('./oxigraph-worker.js', here);
    const worker = new Worker(url, { workerData });
    worker.on('message', (m: WorkerMessage) => this.onMessage(m));
    worker.on('error', (err) => this.fail(err.message));
    worker.on('exit', (code) => { if (this.worker) this.fail(`store worker exited with code ${code}`); });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private fail(message: string): void {
    this.current = { ...this.current, status: 'failed', error: message };
    for (const w of this.readyWaiters.splice(0)) w.reject(new StoreFailure(message));
    for (const [, call] of this.calls) call.reject(new StoreFailure(message));
    this.calls.clear();
  }

  private onMessage(m: WorkerMessage): void {
    switch (m.type) {
      case 'progress':
        this.current = { status: 'loading', graphsLoaded: m.graphsLoaded, graphsTotal: m.graphsTotal };
        return;
      case 'ready':
        this.current = { ...this.current, status: 'ready', graphsLoaded: this.current.graphsTotal };
        for (const w of this.readyWaiters.splice(0)) w.resolve();
        return;
      case 'failed':
        this.fail(m.message);
        return;
      case 'reply': {
        const call = this.calls.get(m.id);
        if (!call) return;
        this.calls.delete(m.id);
        if (m.ok) call.resolve(m.result);
        else call.reject(m.error.kind === 'syntax' ? new SparqlSyntax(m.error.message) : new StoreFailure(m.error.message));
      }
    }
  }

  private call<T>(req: WithoutId<WorkerRequest>): Promise<T> {
    const worker = this.startWorker();
    if (this.current.status === 'failed') return Promise.reject(new StoreUnavailable(this.current.error ?? 'store failed'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.calls.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ ...req, id });
    }).finally(() => { if (this.calls.size === 0) worker.unref(); });
  }

  state(): StoreState {
    return this.current;
  }

  ready(): Promise<void> {
    this.startWorker();
    if (this.current.status === 'ready') return Promise.resolve();
    if (this.current.status === 'failed') return Promise.reject(new StoreUnavailable(this.current.error ?? 'store failed'));
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  async replaceGraph(graph: string, quads: readonly Quad[]): Promise<void> {
    await this.files.write(graph, quads);
    if (!this.worker) return;
    // The worker loads the file it was written to: the graph's text never crosses threads as one string.
    const stamp = quads.length > 0 ? await stat(this.files.pathOf(graph)).then((s) => `${s.mtimeMs}:${s.size}`) : null;
    await this.call<null>({ op: 'replace', graph, stamp });
  }

  query(sparql: string, formats: AnswerFormats, options?: QueryOptions): Promise<QueryAnswer> {
    return this.call<QueryAnswer>({ op: 'query', sparql, formats, ...(options ? { options } : {}) });
  }

  listGraphs(): Promise<readonly { graph: string; quads: number }[]> {
    return this.call({ op: 'graphs' });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
