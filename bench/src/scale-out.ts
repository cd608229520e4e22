import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberArg, percentile, rssMB, sleep } from './bench-process.js';
import { CATALOGUE_HEADER, generateDocuments, toCatalogueNTriples } from './generate.js';
import { benchQueries } from './queries.js';

// Usage: node bench/dist/scale-out.js [--docs 1000000] [--sources 100] [--buffers 680000] [--migrate] [--reuse DIR]
// fedcat on Virtuoso (a private one on loopback, started by .ci/virtuoso) with the embedded search index:
// - default: `fedcat harvest --all` of --docs generated datasets from --sources loopback publishers straight into
//   Virtuoso (FEDCAT_STORE=sparql), then a server on it: search and SPARQL latency, RSS of every process;
// - --migrate: the same catalogue harvested into the embedded store first, then `fedcat migrate --to sparql`.
// --buffers: Virtuoso's NumberOfBuffers (8 KB pages; 680,000 ≈ 5.3 GB).
// --reuse DIR: carry on in the directory of an earlier run that stopped on failed sources (its Virtuoso, left running
//   or started again, and its data directory): each source whose last harvest failed is pointed at this run's
//   publisher and harvested, then everything is served and measured. Its harvest row is that second pass only.

const n = numberArg('--docs', 1_000_000);
const sourceCount = numberArg('--sources', 100);
const buffers = numberArg('--buffers', 680_000);
const migrate = process.argv.includes('--migrate');
const perSource = Math.ceil(n / sourceCount);
const FEDCAT = fileURLToPath(new URL('../../catalogue-api/bin/fedcat.js', import.meta.url));
const VIRTUOSO = fileURLToPath(new URL('../../.ci/virtuoso', import.meta.url));

/** The settings of a Virtuoso .ci/virtuoso started in `vdir` and left running (its ports and password files). */
function runningVirtuoso(vdir: string): Record<string, string> {
  const [http] = readFileSync(join(vdir, 'ports'), 'utf8').trim().split(' ');
  const base = `http://127.0.0.1:${http}`;
  return {
    FEDCAT_TEST_VIRTUOSO_QUERY_URL: `${base}/sparql`, FEDCAT_TEST_VIRTUOSO_UPDATE_URL: `${base}/sparql-auth`,
    FEDCAT_TEST_VIRTUOSO_GSP_URL: `${base}/sparql-graph-crud-auth`, FEDCAT_TEST_VIRTUOSO_PASSWORD: readFileSync(join(vdir, 'password'), 'utf8').trim(),
  };
}

/** One source's catalogue, generated when asked for (the whole catalogue never sits in memory): IRIs unique per source. */
function sourceDocument(k: number): Buffer {
  const count = Math.min(perSource, n - k * perSource);
  const records = generateDocuments(Math.max(count, 0), 1000 + k).map((d) => toCatalogueNTriples({ ...d, iri: d.iri.replace(/\/(\d+)$/, `/${k}-$1`) }));
  return Buffer.from(`${CATALOGUE_HEADER}${records.join('')}`);
}

const server = createServer((req, res) => {
  const k = Number(/\/source-(\d+)\.nt$/.exec(req.url ?? '')?.[1] ?? NaN);
  if (!Number.isInteger(k) || k < 0 || k >= sourceCount) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'application/n-triples' }).end(sourceDocument(k));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const reuse = process.argv.includes('--reuse') ? process.argv[process.argv.indexOf('--reuse') + 1] : undefined;
const dir = reuse ?? await mkdtemp(join(tmpdir(), 'fedcat-bench-scale-'));
const vdir = join(dir, 'virtuoso');
console.error(`scale-out benchmark: ${n.toLocaleString('en')} datasets in ${sourceCount} sources; Virtuoso buffers ${buffers} (${(buffers * 8 / 2 ** 20).toFixed(1)} GB); ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
const started = performance.now();
const running = reuse !== undefined && existsSync(join(vdir, 'virtuoso.lck'));
const settings: Record<string, string> = running ? runningVirtuoso(vdir) : Object.fromEntries(execFileSync(VIRTUOSO, ['start', vdir], { env: { ...process.env, VIRTUOSO_BUFFERS: String(buffers), VIRTUOSO_MAX_QUERY_SECONDS: '600' } })
  .toString().trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
console.error(`Virtuoso started in ${((performance.now() - started) / 1000).toFixed(1)} s at ${settings.FEDCAT_TEST_VIRTUOSO_QUERY_URL}`);
const virtuosoPid = Number(execFileSync('pgrep', ['-f', `virtuoso-t \\+configfile ${vdir}`]).toString().trim().split('\n')[0]);

const storeEnv = {
  FEDCAT_STORE: 'sparql', FEDCAT_STORE_QUERY_URL: settings.FEDCAT_TEST_VIRTUOSO_QUERY_URL!, FEDCAT_STORE_UPDATE_URL: settings.FEDCAT_TEST_VIRTUOSO_UPDATE_URL!,
  FEDCAT_STORE_GSP_URL: settings.FEDCAT_TEST_VIRTUOSO_GSP_URL!, FEDCAT_STORE_USER: 'dba', FEDCAT_STORE_PASSWORD: settings.FEDCAT_TEST_VIRTUOSO_PASSWORD!,
  FEDCAT_STORE_TIMEOUT_MS: '1800000',
};
const baseEnv = {
  ...process.env, FEDCAT_BASE_URL: 'https://catalogus.fedcat.test', FEDCAT_DATA_DIR: join(dir, 'data'), FEDCAT_HARVEST_ALLOW_PRIVATE: 'true', FEDCAT_LINK_CHECK: 'false', FEDCAT_SERVICE_CHECK: 'false',
  FEDCAT_HARVEST_MAX_BYTES: String(2 ** 31), FEDCAT_HARVEST_TIMEOUT_MS: '3600000', FEDCAT_HARVEST_MAX_RECORDS: String(perSource + 10), FEDCAT_LOG_LEVEL: 'warn',
};

/** Runs a fedcat command to its end: wall time, its peak RSS, Virtuoso's highest RSS meanwhile. */
async function timed(args: string[], env: NodeJS.ProcessEnv, opts: { failedSourcesOk?: boolean } = {}): Promise<{ seconds: number; peakMB: number; virtuosoMB: number; output: string }> {
  const t = performance.now();
  const child = spawn(process.execPath, [FEDCAT, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  let peak = 0;
  let virtuoso = 0;
  let lastLine = '';
  const poll = setInterval(() => {
    peak = Math.max(peak, rssMB(child.pid!, 'VmHWM'));
    virtuoso = Math.max(virtuoso, rssMB(virtuosoPid));
    const done = (output.match(/^✓ /gm) ?? []).length;
    const line = `  … ${args[0]}: ${done} done, ${((performance.now() - t) / 1000).toFixed(0)} s, RSS ${peak} MB, Virtuoso ${virtuoso} MB`;
    if (line !== lastLine && Math.round((performance.now() - t) / 1000) % 30 === 0) console.error((lastLine = line));
  }, 500);
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  clearInterval(poll);
  // A harvest exits 1 when some sources failed: they are listed below the figures, and the rest is served.
  if (code !== 0 && !(opts.failedSourcesOk && code === 1)) throw new Error(`fedcat ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`);
  return { seconds: (performance.now() - t) / 1000, peakMB: peak, virtuosoMB: virtuoso, output };
}

// A second pass harvests only the sources whose last run failed (pointed at this run's publisher).
const listed = reuse ? JSON.parse(execFileSync(process.execPath, [FEDCAT, 'sources', 'list', '--json'], { env: baseEnv, maxBuffer: 2 ** 28 }).toString()) as { id: string; lastRun: { status: string } | null }[] : [];
const retried = listed.filter((s) => s.lastRun?.status !== 'succeeded').map((s) => Number(s.id.replace('source-', '')));
for (const k of reuse ? retried : Array.from({ length: sourceCount }, (_, i) => i)) {
  execFileSync(process.execPath, [FEDCAT, 'sources', 'add', `${origin}/source-${k}.nt`, '--id', `source-${k}`, '--max-records', String(perSource + 10)], { env: baseEnv });
}
const rows: string[] = [];
let harvest: Awaited<ReturnType<typeof timed>>;
if (reuse) {
  console.error(`second pass: ${retried.length} of ${listed.length} sources failed before: ${retried.map((k) => `source-${k}`).join(', ')}`);
  harvest = { seconds: 0, peakMB: 0, virtuosoMB: 0, output: '' };
  for (const k of retried) {
    const one = await timed(['harvest', '--source', `source-${k}`], { ...baseEnv, ...storeEnv }, { failedSourcesOk: true });
    harvest = { seconds: harvest.seconds + one.seconds, peakMB: Math.max(harvest.peakMB, one.peakMB), virtuosoMB: Math.max(harvest.virtuosoMB, one.virtuosoMB), output: harvest.output + one.output };
  }
  rows.push(`| second pass: fedcat harvest --source, each of the ${retried.length} sources whose first harvest failed | ${harvest.seconds.toFixed(0)} s | ${harvest.peakMB} MB | ${harvest.virtuosoMB} MB |`);
} else if (migrate) {
  harvest = await timed(['harvest', '--all'], baseEnv);
  rows.push(`| harvest into the embedded store | ${harvest.seconds.toFixed(0)} s | ${harvest.peakMB} MB | – |`);
  const moved = await timed(['migrate', '--to', 'sparql'], { ...baseEnv, ...storeEnv, FEDCAT_STORE: 'oxigraph' });
  const copied = /✓ (\d+) graphs, ([\d,]+) quads copied in ([\d.]+) s/.exec(moved.output);
  rows.push(`| fedcat migrate --to sparql (${copied?.[2]} quads in ${copied?.[1]} graphs; copy ${copied?.[3]} s, then the index rebuilt) | ${moved.seconds.toFixed(0)} s | ${moved.peakMB} MB | ${moved.virtuosoMB} MB |`);
} else {
  harvest = await timed(['harvest', '--all'], { ...baseEnv, ...storeEnv }, { failedSourcesOk: true });
  rows.push(`| fedcat harvest --all into Virtuoso (${sourceCount} sources, 2 at a time) | ${harvest.seconds.toFixed(0)} s (${Math.round(n / harvest.seconds)} datasets/s) | ${harvest.peakMB} MB | ${harvest.virtuosoMB} MB |`);
}
const failed = harvest.output.match(/^✗ .*/gm) ?? [];
if (failed.length > 0) console.error(`${failed.length} failed sources:\n${failed.slice(0, 5).join('\n')}`);

// A server on Virtuoso and the embedded search index.
const port = 18_000 + Math.floor(Math.random() * 2000);
const api = spawn(process.execPath, [FEDCAT, 'serve', '--port', String(port)], { env: { ...baseEnv, ...storeEnv }, stdio: ['ignore', 'ignore', 'inherit'] });
const base = `http://127.0.0.1:${port}`;
for (;;) {
  const h = await fetch(`${base}/health`).then((r) => r.json() as Promise<{ store: { status: string; graphsTotal: number } }>, () => null);
  if (h?.store.status === 'ready') break;
  await sleep(500);
}
const health = await (await fetch(`${base}/health`)).json() as { store: { graphsTotal: number }; search: { documents: number } };

const percentiles = (ms: number[]) => `p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`;
async function measure(paths: string[], init?: (p: string) => RequestInit): Promise<string> {
  const ms: number[] = [];
  for (const p of paths) {
    const t = performance.now();
    const res = await fetch(`${base}${p}`, init?.(p));
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    ms.push(performance.now() - t);
    if (ms[ms.length - 1]! > 1000) console.error(`  slow: ${p} ${ms[ms.length - 1]!.toFixed(0)} ms (${new Date().toISOString()})`);
  }
  return percentiles(ms);
}
const queries = benchQueries();
const searchLatency = await measure(queries.map((q) => `/v1/search?q=${encodeURIComponent(q.q)}&facets=theme,format,publisher${Object.entries(q.filters ?? {}).map(([f, vs]) => vs.map((v) => `&filter=${f}:${encodeURIComponent(v)}`).join('')).join('')}`));
const hits = (await (await fetch(`${base}/v1/datasets?pageSize=50&q=water`)).json() as { hits: { document: { id: string; iri: string } }[] }).hits.map((h) => h.document);
const recordLatency = await measure(hits.map((d) => `/v1/datasets/${d.id}`), () => ({ headers: { accept: 'text/turtle' } }));
const accessLatency = await measure(hits.map((d) => `/v1/datasets/${d.id}/access-conditions`));
const sparqlPost = (q: string) => () => ({ method: 'POST', headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' }, body: q });
const lookupLatency = await measure(hits.map(() => '/sparql'), (() => { let i = 0; return () => sparqlPost(`SELECT ?p ?o WHERE { <${hits[i++ % hits.length]!.iri}> ?p ?o }`)(); })());
const aggregate = 'SELECT ?publisher (COUNT(*) AS ?n) WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/publisher> ?publisher } GROUP BY ?publisher ORDER BY DESC(?n) LIMIT 10';
const aggregateLatency = await measure(['/sparql', '/sparql', '/sparql'], sparqlPost(aggregate));
const count = await (await fetch(`${base}/sparql`, sparqlPost('SELECT (COUNT(*) AS ?n) WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> }')())).json() as { results: { bindings: { n: { value: string } }[] } };
const apiRss = rssMB(api.pid!);
const virtuosoRss = rssMB(virtuosoPid);

console.log(`\n## fedcat on Virtuoso, ${n.toLocaleString('en')} datasets (${new Date().toISOString().slice(0, 10)}; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB)\n`);
console.log('| step | time | peak RSS (fedcat process) | Virtuoso RSS |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(r);
if (failed.length > 0) console.log(`\n${failed.length} sources failed: ${failed.map((l) => l.slice(0, 200)).join('; ')}`);
console.log(`\nServing (fedcat serve on Virtuoso + embedded search): ${health.store.graphsTotal} graphs, ${health.search.documents.toLocaleString('en')} search documents, ${count.results.bindings[0]?.n.value} dcat:Dataset by SPARQL; API process RSS ${apiRss} MB, Virtuoso RSS ${virtuosoRss} MB.\n`);
console.log('| request | latency |');
console.log('|---|---|');
console.log(`| search, 200 varied queries with 3 facets (embedded index, uncached) | ${searchLatency} |`);
console.log(`| record page in Turtle (SPARQL CONSTRUCT to Virtuoso), 50 records | ${recordLatency} |`);
console.log(`| access conditions (record + what it refers to, from Virtuoso), 50 records | ${accessLatency} |`);
console.log(`| SPARQL: one dataset's statements, 50 lookups | ${lookupLatency} |`);
console.log(`| SPARQL: datasets per publisher (GROUP BY over all), 3 runs | ${aggregateLatency} |`);

api.kill('SIGTERM');
await new Promise((r) => api.once('exit', r));
execFileSync(VIRTUOSO, ['stop', vdir]);
server.close();
if (!reuse) await rm(dir, { recursive: true, force: true });
