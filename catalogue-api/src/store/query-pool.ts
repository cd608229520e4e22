import { QueryTimeout, StoreBusy, StoreUnavailable, type QueryAnswer, type StoreState } from '@fedcat/catalogue';
import type { StoreWorker, WorkerCall } from './store-worker.js';

interface Job {
  readonly call: WorkerCall;
  readonly timeoutMs: number;
  readonly client: string;
  readonly queuedAt: number;
  readonly resolve: (answer: QueryAnswer) => void;
  readonly reject: (err: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: StoreWorker;
  job: Job | null;
}

/**
 * Where queries with a time limit (the public SPARQL endpoint's) run: `size` workers of their own, each holding the
 * graphs. oxigraph answers one query at a time per worker and cannot interrupt one, so a query past its limit is
 * cut off by ending its worker; a fresh worker loads the graphs from disk while the others go on.
 *
 * Fair between clients: each client runs at most one query at a time, and a free worker takes the next query of the
 * client that waited longest (round robin), so one client's heavy queries hold up no other client's while a worker
 * is free. The time limit counts from when the query starts running; waiting is bounded by the same limit, after
 * which the query is refused as busy ({@link StoreBusy}: trying again helps, unlike a {@link QueryTimeout}).
 */
export class QueryPool {
  private readonly slots: Slot[] = [];
  /** Waiting queries by client; the map's order is the round robin's (a served client moves to the end). */
  private readonly waiting = new Map<string, Job[]>();
  private restarts = 0;
  private closed = false;

  constructor(private readonly spawn: () => StoreWorker, private readonly size: number) {}

  /** Starts the workers, one after the other (each loads every graph: loading them at once would double the peak). Idempotent. */
  start(): void {
    if (this.slots.length > 0 || this.closed) return;
    const next = (): void => {
      if (this.closed || this.slots.length >= this.size) return;
      const slot: Slot = { worker: this.spawned(), job: null };
      this.slots.push(slot);
      slot.worker.ready().then(next, next);
    };
    next();
  }

  started(): boolean {
    return this.slots.length > 0;
  }

  /** Ready when one worker is; with how many times a query was cut off. */
  state(): StoreState & { readonly restarts: number; readonly workersReady: number; readonly workers: number } {
    const states = this.slots.map((s) => s.worker.state());
    const workersReady = states.filter((x) => x.status === 'ready').length;
    const ready = states.find((s) => s.status === 'ready');
    const s = ready ?? states.find((x) => x.status === 'loading') ?? states[0] ?? { status: 'loading' as const, graphsLoaded: 0, graphsTotal: 0 };
    return { ...s, restarts: this.restarts, workersReady, workers: this.size };
  }

  query(call: WorkerCall, timeoutMs: number, client = 'anonymous'): Promise<QueryAnswer> {
    this.start();
    return new Promise<QueryAnswer>((resolve, reject) => {
      const job: Job = { call, timeoutMs, client, queuedAt: Date.now(), resolve, reject };
      job.timer = setTimeout(() => this.expireWaiting(job), timeoutMs);
      const queue = this.waiting.get(client);
      if (queue) queue.push(job);
      else this.waiting.set(client, [job]);
      this.pump();
    });
  }

  /** Forwards a call every worker's copy must see (a graph replaced); a worker started later reads it from disk. */
  async forward<T>(call: WorkerCall): Promise<T | null> {
    const replies = await Promise.all(this.slots.map((s) => s.worker.call<T>(call)));
    return replies[0] ?? null;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const queue of this.waiting.values()) for (const job of queue) { clearTimeout(job.timer); job.reject(new StoreUnavailable('the store closed')); }
    this.waiting.clear();
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /** A new worker; when it is ready, waiting queries may go to it. */
  private spawned(): StoreWorker {
    const worker = this.spawn();
    worker.ready().then(() => this.pump(), () => undefined);
    return worker;
  }

  private expireWaiting(job: Job): void {
    const queue = this.waiting.get(job.client);
    const at = queue?.indexOf(job) ?? -1;
    if (!queue || at < 0) return;
    queue.splice(at, 1);
    if (queue.length === 0) this.waiting.delete(job.client);
    job.reject(new StoreBusy(Math.max(1, Math.ceil(job.timeoutMs / 4000)), Date.now() - job.queuedAt));
  }

  /** The next query to run: the first client in round-robin order that has none running. */
  private next(): Job | null {
    const running = new Set(this.slots.flatMap((s) => (s.job ? [s.job.client] : [])));
    for (const [client, queue] of this.waiting) {
      if (running.has(client)) continue;
      const job = queue.shift()!;
      this.waiting.delete(client);
      if (queue.length > 0) this.waiting.set(client, queue);
      return job;
    }
    return null;
  }

  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.job || slot.worker.state().status !== 'ready') continue;
      const job = this.next();
      if (!job) return;
      this.run(slot, job);
    }
  }

  private run(slot: Slot, job: Job): void {
    clearTimeout(job.timer);
    slot.job = job;
    job.timer = setTimeout(() => this.cut(slot, job), job.timeoutMs);
    const worker = slot.worker;
    const started = Date.now();
    const settle = (fn: () => void) => {
      if (slot.job !== job) return; // cut off: already answered
      clearTimeout(job.timer);
      slot.job = null;
      // A worker that died on its own is replaced like one that was cut off.
      if (worker.state().status === 'failed' && slot.worker === worker) slot.worker = this.spawned();
      fn();
      this.pump();
    };
    worker.call<QueryAnswer>(job.call).then((answer) => settle(() => job.resolve({ ...answer, runMs: Date.now() - started })), (err: Error) => settle(() => job.reject(err)));
  }

  private cut(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    job.reject(new QueryTimeout(job.timeoutMs, 'it was stopped'));
    const old = slot.worker;
    slot.worker = this.spawned();
    slot.job = null;
    this.restarts++;
    void old.terminate('query cut off at its time limit').catch(() => undefined);
    this.pump();
  }
}
