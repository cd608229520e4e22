import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberArg, rssMB, sleep } from './bench-process.js';
import { prepareDataDir } from './data-dir.js';

// Usage: node bench/dist/sparql-fair.js [--docs 100000] [--seconds 10] [--timeout-ms 15000]
// The public SPARQL endpoint under a heavy query, on the real `fedcat serve` (its own process), over loopback:
// point lookups alone, then the same lookups from one client while another client's heavy query runs (each client
// its own loopback address); the time of a query of 10⁶ solutions with the result cap; the server's RSS. Runs
// against any fedcat version (only HTTP), so the same script measures before and after.

const FEDCAT = fileURLToPath(new URL('../../catalogue-api/bin/fedcat.js', import.meta.url));
const n = numberArg('--docs', 100_000);
const seconds = numberArg('--seconds', 10);
const timeoutMs = numberArg('--timeout-ms', 15_000);
const port = 20_000 + Math.floor(Math.random() * 1000);

interface Answer { readonly status: number; readonly ms: number }

function ask(from: string, query: string): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, localAddress: from, path: `/sparql?query=${encodeURIComponent(query)}`, headers: { accept: 'application/sparql-results+json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
    });
    req.on('error', reject);
    req.end();
  });
}

const pct = (xs: readonly number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const summary = (xs: readonly Answer[]) => `${xs.length} lookups, p50 ${pct(xs.map((a) => a.ms), 50).toFixed(1)} ms, p99 ${pct(xs.map((a) => a.ms), 99).toFixed(1)} ms, max ${Math.max(...xs.map((a) => a.ms)).toFixed(0)} ms, non-200: ${xs.filter((a) => a.status !== 200).length}`;

async function lookups(from: string, iris: readonly string[], forMs: number, until?: Promise<unknown>): Promise<Answer[]> {
  const out: Answer[] = [];
  let done = false;
  void until?.then(() => { done = true; });
  const t0 = performance.now();
  for (let i = 0; !done && performance.now() - t0 < forMs; i++) out.push(await ask(from, `SELECT ?p ?o WHERE { <${iris[i % iris.length]}> ?p ?o }`));
  return out;
}

const dir = await mkdtemp(join(tmpdir(), 'fedcat-bench-sparql-'));
let server: ReturnType<typeof spawn> | undefined;
try {
  console.error(`SPARQL fairness benchmark: ${n} datasets; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; time limit ${timeoutMs} ms`);
  const { docs, quads } = await prepareDataDir(dir, n);
  server = spawn(process.execPath, [FEDCAT, 'serve', '--port', String(port), '--data', dir], {
    env: { ...process.env, FEDCAT_LOG_LEVEL: 'warn', FEDCAT_SPARQL_TIMEOUT_MS: String(timeoutMs) }, stdio: 'ignore',
  });
  for (;;) {
    const h = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.json() as Promise<{ status: string; sparql: { status: string; workersReady?: number; workers?: number } }>, () => null);
    if (h?.status === 'ok' && h.sparql.status === 'ready' && (h.sparql.workers === undefined || h.sparql.workersReady === h.sparql.workers)) break;
    await sleep(500);
  }
  console.log(`${quads} quads; server RSS ${rssMB(server.pid!, 'VmRSS')} MB with every store worker ready`);
  const iris = docs.filter((_, i) => i % 97 === 0).map((d) => d.iri);

  await lookups('127.0.0.3', iris, 2000);
  console.log(`point lookups alone (one client, sequential, ${seconds} s): ${summary(await lookups('127.0.0.3', iris, seconds * 1000))}`);

  const heavy = ask('127.0.0.2', 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }');
  await sleep(300);
  const during = await lookups('127.0.0.3', iris, Math.min(seconds * 1000, timeoutMs - 1000), heavy);
  const cut = await heavy;
  console.log(`point lookups while another client's heavy query runs: ${summary(during)}; the heavy query: HTTP ${cut.status} after ${(cut.ms / 1000).toFixed(1)} s`);

  for (;;) {
    const h = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.json() as Promise<{ sparql: { status: string; workersReady?: number; workers?: number } }>);
    if (h.sparql.status === 'ready' && (h.sparql.workers === undefined || h.sparql.workersReady === h.sparql.workers)) break;
    await sleep(500);
  }
  const big = await ask('127.0.0.4', 'SELECT * WHERE { ?s ?p ?o } LIMIT 1000000');
  console.log(`a query of 10^6 solutions with the cap (10,000): HTTP ${big.status} in ${(big.ms / 1000).toFixed(2)} s`);
  console.log(`server RSS now ${rssMB(server.pid!, 'VmRSS')} MB, peak ${rssMB(server.pid!, 'VmHWM')} MB`);
} finally {
  server?.kill();
  await rm(dir, { recursive: true, force: true });
}
