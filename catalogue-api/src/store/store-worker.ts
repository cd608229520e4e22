import { Worker } from 'node:worker_threads';
import { builtExecArgv } from '@fedcat/shapes';
import { FederationFailed } from '../http/errors.js';
import { QuerySyntax, StoreFailure, StoreUnavailable, type StoreState } from '@fedcat/catalogue';
import type { WorkerMessage, WorkerOptions, WorkerRequest } from './worker-protocol.js';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type WorkerCall = WithoutId<WorkerRequest>;
type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/**
 * One worker thread answering queries: by default the oxigraph worker holding every graph (or, with `script`, the
 * federation worker); its load state, and calls to it as promises. Started on construction; `terminate` ends it and
 * fails what it had not answered.
 */
export class StoreWorker {
  private readonly worker: Worker;
  private readonly calls = new Map<number, Pending>();
  private nextId = 1;
  private current: StoreState = { status: 'loading', graphsLoaded: 0, graphsTotal: 0 };
  private readyWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private ended = false;
  private readonly changeListeners = new Set<(graphs: readonly string[]) => void>();
  private loadedVersion: string | null = null;

  constructor(workerData: WorkerOptions, script = 'store/oxigraph-worker.js') {
    // Tests import this module from src/ (TypeScript); the worker always runs the built JavaScript.
    const here = import.meta.url;
    const url = here.endsWith('.ts') ? new URL(`../../dist/${script}`, here) : new URL(`../${script}`, here);
    this.worker = new Worker(url, { workerData, execArgv: builtExecArgv() });
    this.worker.on('message', (m: WorkerMessage) => this.onMessage(m));
    this.worker.on('error', (err) => this.fail(err.message));
    this.worker.on('exit', (code) => { if (!this.ended) this.fail(`store worker exited with code ${code}`); });
    this.worker.unref();
  }

  state(): StoreState {
    return this.current;
  }

  /** The store version of what the worker has loaded (see QuadStore.version); null before it is ready. */
  version(): string | null {
    return this.loadedVersion;
  }

  /** Calls `listener` with the graphs whose content changed after loading; returns the unsubscribe function. */
  onChange(listener: (graphs: readonly string[]) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  ready(): Promise<void> {
    if (this.current.status === 'ready') return Promise.resolve();
    if (this.current.status === 'failed') return Promise.reject(new StoreUnavailable(this.current.error ?? 'store failed'));
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  call<T>(req: WorkerCall): Promise<T> {
    if (this.current.status === 'failed') return Promise.reject(new StoreUnavailable(this.current.error ?? 'store failed'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.calls.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.ref();
      this.worker.postMessage({ ...req, id });
    }).finally(() => { if (this.calls.size === 0) this.worker.unref(); });
  }

  /** Ends the thread at once, even inside a query; calls not yet answered fail with `reason`. */
  async terminate(reason = 'store closed'): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.fail(reason);
    await this.worker.terminate();
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
        this.loadedVersion = m.version ?? null;
        this.current = { ...this.current, status: 'ready', graphsLoaded: this.current.graphsTotal };
        for (const w of this.readyWaiters.splice(0)) w.resolve();
        return;
      case 'changed':
        this.loadedVersion = m.version;
        // The graphs held now, not those at start: /health counts what a harvest since then wrote.
        this.current = { ...this.current, graphsLoaded: m.graphCount, graphsTotal: m.graphCount };
        for (const listener of this.changeListeners) listener(m.graphs);
        return;
      case 'failed':
        this.fail(m.message);
        return;
      case 'reply': {
        const call = this.calls.get(m.id);
        if (!call) return;
        this.calls.delete(m.id);
        if (m.ok) call.resolve(m.result);
        else call.reject(m.error.kind === 'syntax' ? new QuerySyntax(m.error.message)
          : m.error.kind === 'upstream' ? new FederationFailed(m.error.message) : new StoreFailure(m.error.message));
      }
    }
  }
}
