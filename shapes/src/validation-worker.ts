import { parentPort, workerData } from 'node:worker_threads';
import { Parser } from 'n3';
import { loadValidator } from './validate.js';
import type { PoolReply, PoolRequest, PoolSetup } from './pool-protocol.js';

// One validator per worker thread, loaded once; data graphs arrive as N-Triples.
const setup = workerData as PoolSetup;
const validator = await loadValidator(setup.profile, { engine: setup.engine });

parentPort!.on('message', (req: PoolRequest) => {
  const reply = (r: PoolReply) => parentPort!.postMessage(r);
  try {
    const quads = new Parser({ format: 'application/n-triples' }).parse(req.ntriples);
    validator.validate(quads, req.focus ? { focus: new Set(req.focus) } : {}).then(
      (summary) => reply({ id: req.id, summary }),
      (err: unknown) => reply({ id: req.id, error: (err as Error).message ?? String(err) }),
    );
  } catch (err) {
    reply({ id: req.id, error: (err as Error).message ?? String(err) });
  }
});
parentPort!.postMessage({ ready: true });
