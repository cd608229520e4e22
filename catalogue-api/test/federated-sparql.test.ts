import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, startDemoPublisher, type Runtime } from '../src/index.js';
import { harvestedApp, harvestedDemo } from './support.js';

// /sparql/federated: one query over the catalogue and the SPARQL endpoints of registered sources, and nothing else.
// Another organisation's endpoint is played by a local HTTP server answering with a real SPARQL engine over a real
// catalogue; a second one, never registered, counts any request that reaches it.

const SAMPLE = new URL('../../../shared/reference/samples/semic-hvd-3.0.0-member-state-catalogue.ttl', import.meta.url);
const COUNT = 'PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a dcat:Dataset }';

/** A SPARQL endpoint over a Turtle file (oxigraph), counting requests; `hang` makes it never answer. */
async function sparqlEndpoint(turtle: string | null) {
  const store = new oxigraph.Store();
  if (turtle) store.load(turtle, { format: 'text/turtle', base_iri: 'http://example.org/' });
  let requests = 0;
  let hang = false;
  const server: Server = createServer((req, res) => {
    requests++;
    if (hang) return;
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const query = url.searchParams.get('query') ?? new URLSearchParams(body).get('query') ?? body;
      const graph = /\b(CONSTRUCT|DESCRIBE)\b/i.test(query);
      const type = graph ? 'application/n-triples' : 'application/sparql-results+json';
      if (!query) return void res.writeHead(400, { 'content-type': 'text/plain' }).end('no query');
      try {
        const answer = String(store.query(query, { results_format: type }));
        res.writeHead(200, { 'content-type': type }).end(answer);
      } catch (err) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(String(err));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sparql`, hostPort: `127.0.0.1:${port}`, store,
    requests: () => requests, hang: (on: boolean) => { hang = on; },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

let harvested: Awaited<ReturnType<typeof harvestedApp>> | undefined;
let publisher: Awaited<ReturnType<typeof startDemoPublisher>>;
let runtime: Runtime;
let app: FastifyInstance;
let base: string;
let registered: Awaited<ReturnType<typeof sparqlEndpoint>>;
let stranger: Awaited<ReturnType<typeof sparqlEndpoint>>;
let localCount: number;
let remoteCount: number;

beforeAll(async () => {
  publisher = await startDemoPublisher();
  harvested = await harvestedDemo(publisher);
  runtime = harvested.runtime;
  registered = await sparqlEndpoint(await readFile(SAMPLE, 'utf8'));
  stranger = await sparqlEndpoint(null);
  await runtime.sources.upsert({ id: 'member-state', url: registered.url, kind: 'sparql', org: 'https://example.org/member-state' });
  // Small limits, to see them work: 4 s per query, 5 solutions per answer.
  app = await buildApp({ ...runtime, sparql: { timeoutMs: 4000, resultCap: 5 }, privateAccess: { kind: 'origins', origins: new Set([registered.hostPort, stranger.hostPort]) } });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  const count = (json: any) => Number(json.results.bindings[0].n.value);
  localCount = count(JSON.parse(String((await runtime.store.query(COUNT, { solutions: 'application/sparql-results+json', graph: 'text/turtle' })).body)));
  remoteCount = count(JSON.parse(String(registered.store.query(COUNT, { results_format: 'application/sparql-results+json' }))));
  // The federation's worker loads Comunica on its first query; on a busy machine that alone can pass the 4 s limit,
  // which the tests below are not about. Its first answer is awaited here.
  for (const until = Date.now() + 60_000; (await ask('ASK {}')).status !== 200;) {
    if (Date.now() > until) throw new Error('the federated endpoint did not answer within a minute');
  }
}, 120_000);
afterAll(async () => {
  await app?.close();
  await harvested?.close();
  await publisher?.close();
  await registered?.close();
  await stranger?.close();
});

const ask = (query: string, accept = 'application/sparql-results+json') =>
  fetch(`${base}/sparql/federated?query=${encodeURIComponent(query)}`, { headers: { accept } });

describe('GET /sparql/federated', () => {
  it('answers over the catalogue and a registered SPARQL source together, its sub-queries not cut at the result cap', async () => {
    expect(localCount).toBeGreaterThan(5);
    expect(remoteCount).toBeGreaterThan(0);
    const before = registered.requests();
    const res = await ask(COUNT);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(Number((await res.json() as any).results.bindings[0].n.value)).toBe(localCount + remoteCount);
    expect(registered.requests()).toBeGreaterThan(before);
    // The plain endpoint sees the catalogue only.
    const plain = await fetch(`${base}/sparql?query=${encodeURIComponent(COUNT)}`);
    expect(Number((await plain.json() as any).results.bindings[0].n.value)).toBe(localCount);
  });

  it('cuts its own answer at the result cap and says so, in every results format and as RDF', async () => {
    const res = await ask('PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT ?d WHERE { ?d a dcat:Dataset }');
    expect(res.headers.get('fedcat-truncated')).toBe('true');
    expect((await res.json() as any).results.bindings).toHaveLength(5);
    const csv = await ask('PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT ?d WHERE { ?d a dcat:Dataset }', 'text/csv');
    expect((await csv.text()).trim().split(/\r?\n/)).toHaveLength(6);
    const ttl = await ask('PREFIX dcat: <http://www.w3.org/ns/dcat#> CONSTRUCT { ?d a dcat:Dataset } WHERE { ?d a dcat:Dataset }', 'text/turtle');
    expect(ttl.headers.get('content-type')).toMatch(/^text\/turtle/);
    expect(ttl.headers.get('fedcat-truncated')).toBe('true');
    const yes = await ask('PREFIX dcat: <http://www.w3.org/ns/dcat#> ASK { ?d a dcat:Dataset }', 'application/sparql-results+xml');
    expect(await yes.text()).toContain('<boolean>true</boolean>');
  });

  it('never fetches anything but registered endpoints: SERVICE elsewhere fails as a 502 problem, FROM is refused', async () => {
    const service = await ask(`SELECT * WHERE { SERVICE <${stranger.url}> { ?s ?p ?o } } LIMIT 1`);
    expect(service.status).toBe(502);
    expect(service.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await service.json() as any).detail).toMatch(/only the catalogue and the SPARQL endpoints of registered sources/);
    const from = await ask(`SELECT * FROM <${stranger.url}> WHERE { ?s ?p ?o } LIMIT 1`);
    expect(from.status).toBe(400);
    expect((await from.json() as any).code).toBe('CAT_FEDERATION_REFUSED');
    expect(stranger.requests()).toBe(0);
    const update = await fetch(`${base}/sparql/federated`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'update=DROP%20ALL' });
    expect(update.status).toBe(403);
  });

  it('leaves paused sources out', async () => {
    await runtime.sources.update('member-state', { paused: true }, { kind: 'system', reason: 'test' });
    try {
      const before = registered.requests();
      const res = await ask(COUNT);
      expect(Number((await res.json() as any).results.bindings[0].n.value)).toBe(localCount);
      expect(registered.requests()).toBe(before);
    } finally {
      await runtime.sources.update('member-state', { paused: false }, { kind: 'system', reason: 'test' });
    }
  });

  it('cuts off a query whose source never answers at the time limit, while search and health answer at once', async () => {
    registered.hang(true);
    try {
      const started = Date.now();
      const pending = ask(COUNT);
      await new Promise((r) => setTimeout(r, 500));
      const t0 = performance.now();
      const health = await fetch(`${base}/health`);
      const search = await fetch(`${base}/v1/search?q=water`);
      expect(health.status).toBe(200);
      expect(search.status).toBe(200);
      // Not held up behind the federated query (which runs until its limit, 4 s).
      expect(performance.now() - t0).toBeLessThan(2000);
      const res = await pending;
      expect(res.status).toBe(504);
      expect((await res.json() as any).code).toBe('CAT_SPARQL_TIMEOUT');
      expect(Date.now() - started).toBeGreaterThanOrEqual(3900);
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      registered.hang(false);
    }
    // The endpoint answers again, on a fresh worker (which loads Comunica first).
    await expect.poll(async () => (await ask(COUNT)).status, { timeout: 30_000, interval: 250 }).toBe(200);
  }, 60_000);
});
