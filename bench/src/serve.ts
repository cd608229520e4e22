import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { numberArg, rssMB, sleep } from './bench-process.js';
import { prepareDataDir } from './data-dir.js';
import { WORDS } from './generate.js';

// Usage: node bench/dist/serve.js [--docs 100000] [--seconds 10] [--connections 10]
// Serves N generated datasets with the real `fedcat serve` (its own process) and loads it with autocannon over
// loopback: search with facets, dataset detail (JSON from the index, Turtle from the store), a listing page, and two
// SPARQL queries (a point lookup and an aggregate over every dataset). Prints req/s, p50/p99 latency and the server's
// RSS. autocannon runs in this process, on the same 2 cores as the server. Searches repeat (as popular ones do) and
// are then answered by the answer cache; one scenario sends only new queries, to show the uncached path.

const FEDCAT = fileURLToPath(new URL('../../catalogue-api/bin/fedcat.js', import.meta.url));
const n = numberArg('--docs', 100_000);
const seconds = numberArg('--seconds', 10);
const connections = numberArg('--connections', 10);
const port = 19_000 + Math.floor(Math.random() * 1000);
const base = `http://127.0.0.1:${port}`;

const dir = await mkdtemp(join(tmpdir(), 'fedcat-bench-serve-'));
let server: ReturnType<typeof spawn> | undefined;
try {
  console.error(`serve benchmark: ${n} datasets; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${connections} connections, ${seconds} s per scenario`);
  const { docs, quads } = await prepareDataDir(dir, n);
  server = spawn(process.execPath, [FEDCAT, 'serve', '--port', String(port), '--data', dir], { env: { ...process.env, FEDCAT_LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  for (;;) {
    const h = await fetch(`${base}/health`).then((r) => r.json() as Promise<{ status: string; sparql: { status: string } }>, () => null);
    if (h?.status === 'ok' && h.sparql.status === 'ready') break;
    await sleep(250);
  }
  const idleRss = rssMB(server!.pid!, 'VmRSS');
  console.error(`${quads} quads loaded; server RSS ${idleRss} MB with both store workers ready`);

  const words = WORDS;
  const facets = 'facets=type,publisher,theme,format,license,accessRights';
  const sample = docs.filter((_, i) => i % Math.max(1, Math.floor(n / 1000)) === 0).slice(0, 1000);
  const datasets = sample.filter((d) => d.type === 'Dataset');
  const q = encodeURIComponent;
  const scenarios: { name: string; paths: string[]; connections?: number; headers?: Record<string, string>; fresh?: boolean }[] = [
    { name: 'search + 6 facets', paths: words.slice(0, 100).map((w, i) => `/v1/search?q=${q(i % 3 === 0 ? `${w} ${words[(i * 7) % words.length]}` : w)}&${facets}`) },
    { name: 'search + 6 facets, every query new (no cache)', fresh: true, paths: Array.from({ length: 5000 }, (_, i) => `/v1/search?q=${q(`${words[i % words.length]} ${words[(i * 13 + 5) % words.length]!.slice(0, 3 + (i % 4))}`)}&${facets}`) },
    { name: 'search + facets, typo', paths: words.filter((w) => w.length >= 6).slice(0, 100).map((w) => `/v1/search?q=${q(`${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}`)}&${facets}`) },
    { name: 'dataset detail (JSON, index)', paths: datasets.map((d) => `/v1/datasets/${d.id}`) },
    { name: 'dataset page (HTML, rendered on the server)', paths: datasets.map((d) => `/datasets/${d.id}`), headers: { accept: 'text/html' } },
    { name: 'search page (HTML, rendered on the server)', paths: words.slice(0, 100).map((w) => `/?q=${q(w)}`), headers: { accept: 'text/html' } },
    { name: 'dataset detail (Turtle, store)', paths: datasets.map((d) => `/v1/datasets/${d.id}`), headers: { accept: 'text/turtle' } },
    { name: 'listing page (20, by title)', paths: Array.from({ length: 200 }, (_, i) => `/v1/datasets?page=${1 + ((i * 37) % 2000)}&pageSize=20&sort=title:asc`) },
    { name: 'SPARQL point lookup', paths: datasets.map((d) => `/sparql?query=${q(`SELECT ?p ?o WHERE { <${d.iri}> ?p ?o }`)}`), headers: { accept: 'application/sparql-results+json' } },
    { name: 'SPARQL aggregate (datasets per theme)', connections: 2,
      paths: [`/sparql?query=${q('PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT ?theme (COUNT(?d) AS ?n) WHERE { ?d dcat:theme ?theme } GROUP BY ?theme ORDER BY DESC(?n)')}`],
      headers: { accept: 'application/sparql-results+json' } },
  ];

  const rows = [];
  for (const s of scenarios) {
    // A warm-up pass over the scenario's paths (each path's first answer, timed: what a cache miss costs), then the
    // measured run. A scenario of fresh queries warms up on a few only: its measured requests stay first-time ones.
    const firstMs: number[] = [];
    for (const p of s.fresh ? s.paths.slice(0, 5) : s.paths) {
      const t0 = performance.now();
      await (await fetch(`${base}${p}`, { headers: s.headers ?? {} })).arrayBuffer();
      firstMs.push(performance.now() - t0);
    }
    const warm = s.fresh ? [] : firstMs;
    const result = await autocannon({
      url: base, connections: s.connections ?? connections, duration: seconds,
      requests: s.paths.map((path) => ({ method: 'GET' as const, path, ...(s.headers ? { headers: s.headers } : {}) })),
    });
    rows.push({
      scenario: s.name, connections: s.connections ?? connections, 'req/s': Math.round(result.requests.average),
      'p50 ms': result.latency.p50, 'p99 ms': result.latency.p99, 'max ms': result.latency.max,
      'non-2xx': result.non2xx, errors: result.errors + result.timeouts,
      'first answer mean ms': warm.length ? Math.round(warm.reduce((a, b) => a + b, 0) / warm.length) : '-',
      'first answer max ms': warm.length ? Math.round(Math.max(...warm)) : '-',
    });
    console.error(`${s.name}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
  }
  console.table(rows);
  console.log(`server RSS: ${idleRss} MB ready, ${rssMB(server!.pid!, 'VmRSS')} MB after the runs, peak ${rssMB(server!.pid!, 'VmHWM')} MB`);
  const search = rows[0]!;
  if (search['non-2xx'] > 0 || search.errors > 0) process.exitCode = 1;
} finally {
  server?.kill('SIGTERM');
  await sleep(500);
  await rm(dir, { recursive: true, force: true });
}
