import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { defaultFetchPolicy, describeServices, emptyServiceCache, extractDocuments, parsePrivateAccess, skolemise } from '@fedcat/harvester';
import { sourceGraph } from '@fedcat/catalogue';
import { GraphFiles, openControlPlane, SqliteSearchIndex } from '@fedcat/catalogue-api';
import { numberArg, rssMB, sleep } from './bench-process.js';
import { prng, WORDS } from './generate.js';

// Usage: node bench/dist/resolve.js [--services 10000] [--seconds 10] [--connections 10]
// Issue 6's goal for gateway resolution: GET /v1/resolve against the real `fedcat serve` (its own process) holding N
// data services, and, in the same run, a bare fastify route (its own process) answering a static JSON object of the
// same size. Goal: fedcat at least 0.7 of the bare route's req/s, and p99 ≤ 5 ms. The services' API descriptions are
// made by the harvester's own describeServices, fetching 200 OpenAPI documents from a local server.

const FEDCAT = fileURLToPath(new URL('../../catalogue-api/bin/fedcat.js', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-server.js', import.meta.url));
const n = numberArg('--services', 10_000);
const seconds = numberArg('--seconds', 10);
const connections = numberArg('--connections', 10);
const DOCS = 200;
/** The skolem base of `fedcat serve` on its default FEDCAT_BASE_URL. */
const GENID = 'http://localhost:8080/.well-known/genid/';

/** An OpenAPI document as an API of organisation `k` would publish it. */
function openApi(k: number): string {
  return JSON.stringify({
    openapi: '3.0.3', info: { title: `API ${k}`, version: `${1 + (k % 3)}.${k % 10}.0`, contact: { name: `Team ${k}`, email: `api${k}@example.nl` },
      ...(k % 7 === 0 ? { 'x-deprecated': '2026-01-01' } : {}) },
    servers: [{ url: `https://api.org${k}.example.nl/v1`, description: 'productie' }, { url: `https://api.test.org${k}.example.nl/v1`, description: 'test' }],
    paths: Object.fromEntries(['zaken', 'personen', 'adressen'].map((p) => [`/${p}`, { get: { responses: {
      200: { description: 'ok', headers: { 'API-Version': { schema: { type: 'string' } } }, content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } } },
      400: { description: 'fout', content: { 'application/problem+json': { schema: { type: 'object' } } } },
    } } }])),
    components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.nl/token', scopes: {} } } } } },
  });
}

/** N data services over 50 sources, with FSC coordinates; descriptions at one of 200 documents on `origin`. */
function catalogue(origin: string): Map<string, Quad[]> {
  const r = prng(7);
  const bySource = new Map<string, string[]>();
  for (let i = 0; i < n; i++) {
    const org = Math.floor(r() * 500);
    const source = `source-${org % 50}`;
    const oin = `000000010${String(org).padStart(7, '0')}0000`;
    const title = Array.from({ length: 3 }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
    const lines = (bySource.get(source) ?? bySource.set(source, []).get(source)!);
    const s = `<https://data.org${org}.example.nl/id/api/${i}>`;
    lines.push(`${s} a <http://www.w3.org/ns/dcat#DataService> ;
  <http://purl.org/dc/terms/title> "${title} API"@nl ; <http://purl.org/dc/terms/identifier> "api-${i}" ;
  <http://purl.org/dc/terms/publisher> <https://identifier.overheid.nl/tooi/id/org/${org}> ;
  <http://purl.org/dc/terms/accessRights> <http://publications.europa.eu/resource/authority/access-right/${i % 3 ? 'PUBLIC' : 'RESTRICTED'}> ;
  <http://www.w3.org/ns/dcat#endpointURL> <https://api.org${org}.example.nl/v1/s${i}> ;
  <http://www.w3.org/ns/dcat#endpointDescription> <${origin}/oas/${i % DOCS}.json> ;
  <https://w3id.org/fedcat/ns#fscService> [ <https://w3id.org/fedcat/ns#fscGroup> "fsc-bench" ; <https://w3id.org/fedcat/ns#peerId> "${oin}" ; <https://w3id.org/fedcat/ns#serviceName> "s${i}" ] .
<https://identifier.overheid.nl/tooi/id/org/${org}> <http://xmlns.com/foaf/0.1/name> "Organisatie ${org}"@nl .`);
  }
  // Blank nodes (the FSC coordinates) are named as a harvest names them.
  return new Map([...bySource].map(([source, lines]) => [source, skolemise(new Parser().parse(lines.join('\n')), `${GENID}${source}/`)]));
}

async function waitFor(url: string, ok: (res: Response) => boolean): Promise<void> {
  for (;;) {
    const res = await fetch(url).catch(() => null);
    if (res && ok(res)) return;
    await sleep(200);
  }
}

async function load(base: string, paths: readonly string[]) {
  // Warm-up, then the measured run.
  await autocannon({ url: base, connections, duration: 2, requests: paths.map((path) => ({ method: 'GET' as const, path })) });
  const result = await autocannon({ url: base, connections, duration: seconds, requests: paths.map((path) => ({ method: 'GET' as const, path })) });
  return { 'req/s': Math.round(result.requests.average), 'p50 ms': result.latency.p50, 'p99 ms': result.latency.p99, 'max ms': result.latency.max, 'non-2xx': result.non2xx, errors: result.errors + result.timeouts };
}

const dir = await mkdtemp(join(tmpdir(), 'fedcat-bench-resolve-'));
const oasServer = createServer((req, res) => {
  const k = Number(/^\/oas\/(\d+)\.json$/.exec(req.url ?? '')?.[1] ?? NaN);
  if (Number.isNaN(k)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(openApi(k));
});
await new Promise<void>((r) => oasServer.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(oasServer.address() as AddressInfo).port}`;
const children: ChildProcess[] = [];
try {
  console.error(`resolve benchmark: ${n} data services; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${connections} connections, ${seconds} s per server`);
  const t0 = performance.now();
  const files = new GraphFiles(dir);
  const index = new SqliteSearchIndex(join(dir, 'search', 'index.sqlite'));
  const control = openControlPlane(dir);
  const policy = { ...defaultFetchPolicy, privateAccess: parsePrivateAccess(origin.slice('http://'.length)) };
  let cache = emptyServiceCache;
  const ids: string[] = [];
  for (const [source, quads] of catalogue(origin)) {
    const td = performance.now();
    const described = await describeServices(quads, cache, { policy }, { now: () => new Date(), genid: `${GENID}${source}/` });
    if (process.env.BENCH_DEBUG) console.error(`${source}: described in ${(performance.now() - td).toFixed(0)} ms, fetched ${described.stats.fetched}`);
    // One cache for all sources, as if they shared a harvest state: each document is fetched once.
    cache = { descriptions: { ...cache.descriptions, ...described.cache.descriptions }, pdps: {} };
    await files.write(sourceGraph(source), [...quads, ...described.quads]);
    const docs = extractDocuments(quads, source, new Date().toISOString());
    ids.push(...docs.map((d) => d.id));
    await index.replaceSource(source, docs);
    await control.sources.upsert({ id: source, url: `https://${source}.example.nl/catalog.ttl` });
  }
  await index.close();
  control.close();
  console.error(`${ids.length} data services described and written in ${((performance.now() - t0) / 1000).toFixed(1)} s (${Object.keys(cache.descriptions).length} OpenAPI documents fetched)`);

  if (process.env.BENCH_KEEP === 'data') process.exit(0);
  const port = 19_000 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}`;
  const t1 = performance.now();
  const server = spawn(process.execPath, [FEDCAT, 'serve', '--port', String(port), '--data', dir], { env: { ...process.env, FEDCAT_LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  children.push(server);
  const sample = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / 1000)) === 0);
  await waitFor(`${base}/v1/resolve?service=${sample[sample.length - 1]}`, (r) => r.status === 200);
  console.error(`fedcat serving with the directory built in ${((performance.now() - t1) / 1000).toFixed(1)} s; RSS ${rssMB(server.pid!)} MB`);
  const answer = await (await fetch(`${base}/v1/resolve?service=${sample[0]}`)).text();
  const bodyFile = join(dir, 'static-answer.json');
  await writeFile(bodyFile, answer);

  const barePort = port + 500;
  const bare = spawn(process.execPath, [BARE, String(barePort), bodyFile], { stdio: 'ignore' });
  children.push(bare);
  const bareBase = `http://127.0.0.1:${barePort}`;
  await waitFor(`${bareBase}/v1/resolve?service=x`, (r) => r.status === 200);
  const bareBytes = (await (await fetch(`${bareBase}/v1/resolve?service=x`)).text()).length;

  const fedcatRow = { server: `fedcat GET /v1/resolve (${sample.length} services in rotation)`, ...(await load(base, sample.map((id) => `/v1/resolve?service=${id}`))) };
  const bareRow = { server: 'bare fastify, static JSON of the same size', ...(await load(bareBase, sample.map((id) => `/v1/resolve?service=${id}`))) };
  console.table([fedcatRow, bareRow]);
  const ratio = fedcatRow['req/s'] / bareRow['req/s'];
  console.log(`answer ${answer.length} bytes (bare ${bareBytes}); ratio ${ratio.toFixed(2)} (goal ≥ 0.7); fedcat p99 ${fedcatRow['p99 ms']} ms (goal ≤ 5 ms); fedcat RSS ${rssMB(server.pid!)} MB`);
  if (fedcatRow['non-2xx'] > 0 || fedcatRow.errors > 0) process.exitCode = 1;
} finally {
  for (const c of children) c.kill('SIGTERM');
  oasServer.close();
  await sleep(500);
  if (process.env.BENCH_KEEP) console.error(`kept ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
