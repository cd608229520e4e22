import { QueryTimeout, StoreUnavailable, type QueryAnswer, type StoreState } from '@fedcat/catalogue';
import type { StoreWorker, WorkerCall } from './store-worker.js';

interface Job {
  readonly call: WorkerCall;
  readonly timeoutMs: number;
  readonly resolve: (answer: QueryAnswer) => void;
  readonly reject: (err: Error) => void;
  timer?: NodeJS.Timeout;
}

/**
 * Queries with a time limit (the public SPARQL endpoint's) run here, one at a time, on a worker of their own.
 * oxigraph cannot interrupt a query, so one that passes its limit is cut off by ending the thread; a fresh
 * worker loads the graphs from disk and the queue goes on. Reads by the API itself never wait behind these.
 * The limit counts from arrival, queueing included: a client never waits longer than it.
 */
export class QueryLane {
  private worker: StoreWorker | null = null;
  private readonly queue: Job[] = [];
  private running: Job | null = null;
  private restarts = 0;

  constructor(private readonly spawn: () => StoreWorker) {}

  /** Starts the lane's worker (it loads every graph). Idempotent. */
  start(): StoreWorker {
    this.worker ??= this.spawn();
    return this.worker;
  }

  started(): boolean {
    return this.worker !== null;
  }

  state(): StoreState & { readonly restarts: number } {
    const s = this.worker?.state() ?? { status: 'loading' as const, graphsLoaded: 0, graphsTotal: 0 };
    return { ...s, restarts: this.restarts };
  }

  query(call: WorkerCall, timeoutMs: number): Promise<QueryAnswer> {
    this.start();
    return new Promise<QueryAnswer>((resolve, reject) => {
      const job: Job = { call, timeoutMs, resolve, reject };
      job.timer = setTimeout(() => this.expire(job), timeoutMs);
      this.queue.push(job);
      this.pump();
    });
  }

  /** Forwards a call that must reach the lane's copy too (a graph replaced); a later worker reads it from disk. */
  forward<T>(call: WorkerCall): Promise<T | null> {
    return this.worker ? this.worker.call<T>(call) : Promise.resolve(null);
  }

  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) { clearTimeout(job.timer); job.reject(new StoreUnavailable('the store closed')); }
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }

  private expire(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      job.reject(new QueryTimeout(job.timeoutMs, 'it waited behind other queries the whole time'));
      return;
    }
    if (this.running !== job) return;
    job.reject(new QueryTimeout(job.timeoutMs, 'it was stopped'));
    const old = this.worker;
    this.worker = this.spawn();
    this.restarts++;
    this.running = null;
    void old?.terminate('query cut off at its time limit').catch(() => undefined);
    this.pump();
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.running = job;
    const worker = this.start();
    const settle = (fn: () => void) => {
      if (this.running !== job) return; // cut off: already answered
      clearTimeout(job.timer);
      this.running = null;
      fn();
      this.pump();
    };
    worker.ready()
      .then(() => (this.running === job ? worker.call<QueryAnswer>(job.call) : Promise.reject(new Error('cut off'))))
      .then((answer) => settle(() => job.resolve(answer)), (err: Error) => settle(() => job.reject(err)));
  }
}
