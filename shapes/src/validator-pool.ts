import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DatasetCore, Quad } from '@rdfjs/types';
import { Writer } from 'n3';
import { defaultProfile, type Profile } from './profiles.js';
import type { PoolReply, PoolRequest, PoolSetup } from './pool-protocol.js';
import { builtExecArgv } from './worker-exec-argv.js';
import { DEFAULT_ENGINE, type LoadOptions, type ShaclSummary, type Validator } from './validate.js';

interface Job { readonly request: PoolRequest; resolve(s: ShaclSummary): void; reject(e: Error): void }
interface Slot { readonly worker: Worker; job: Job | null }

function workerUrl(): URL {
  const here = import.meta.url;
  // Tests import this module from src/ (TypeScript); the worker always runs the built JavaScript.
  return here.endsWith('.ts') ? new URL('../dist/validation-worker.js', here) : new URL('./validation-worker.js', here);
}

/**
 * A Validator that validates on `size` worker threads (default: every core), each with its own loaded
 * shapes. SHACL validation is CPU-bound and synchronous inside the SHACL engines, so this is how a harvest
 * uses more than one core; callers run up to `parallelism` validate() calls at once. Data crosses to the
 * workers as N-Triples, results come back as plain JSON: the same summaries as {@link loadValidator}.
 */
export async function loadValidatorPool(profile: Profile = defaultProfile, size = availableParallelism(), options: LoadOptions = {}): Promise<Validator> {
  const engine = options.engine ?? DEFAULT_ENGINE;
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job;
      // A busy worker keeps the process alive; an idle one does not.
      slot.worker.ref();
      slot.worker.postMessage(job.request);
    }
  };

  const start = (): Promise<Slot> => new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl(), { workerData: { profile, engine } satisfies PoolSetup, execArgv: builtExecArgv() });
    const slot: Slot = { worker, job: null };
    worker.once('message', () => {
      worker.on('message', (reply: PoolReply) => {
        const job = slot.job;
        slot.job = null;
        worker.unref();
        if (job) {
          if (reply.summary) job.resolve(reply.summary);
          else job.reject(new Error(`SHACL validation failed: ${reply.error}`));
        }
        dispatch();
      });
      worker.unref();
      resolve(slot);
    });
    worker.on('error', (err) => {
      slot.job?.reject(err);
      slot.job = null;
      reject(err);
    });
    worker.on('exit', (code) => {
      if (closed) return;
      slot.job?.reject(new Error(`validation worker exited with code ${code}`));
      slot.job = null;
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
    });
  });

  slots.push(...(await Promise.all(Array.from({ length: Math.max(1, size) }, start))));
  const writer = new Writer({ format: 'N-Triples' });

  return {
    profile,
    engine,
    parallelism: slots.length,
    validate(data: DatasetCore | readonly Quad[], options = {}) {
      if (closed) return Promise.reject(new Error('validator pool is closed'));
      if (slots.length === 0) return Promise.reject(new Error('no validation worker is running'));
      const quads = Array.isArray(data) ? (data as Quad[]) : [...(data as DatasetCore)];
      const request: PoolRequest = { id: nextId++, ntriples: writer.quadsToString(quads), focus: options.focus ? [...options.focus] : null };
      return new Promise<ShaclSummary>((resolve, reject) => {
        queue.push({ request, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('validator pool closed'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
