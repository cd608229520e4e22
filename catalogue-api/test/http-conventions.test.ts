import type { FastifyInstance } from 'fastify';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, startDemoPublisher, type Runtime } from '../src/index.js';
import { entityTag, noneMatch } from '../src/http/caching.js';
import { harvestedApp, harvestedDemo } from './support.js';

// What every HTTP client may rely on: conditional reads with ETags, Cache-Control, CORS for browser clients on other
// sites, Prometheus metrics, dereferenceable IRIs fedcat minted, and a documentation page.

let harvested: Awaited<ReturnType<typeof harvestedApp>> | undefined;
let runtime: Runtime;
let app: FastifyInstance;
let publisher: Awaited<ReturnType<typeof startDemoPublisher>>;
let datasetId: string;

beforeAll(async () => {
  publisher = await startDemoPublisher();
  harvested = await harvestedDemo(publisher);
  ({ runtime, app } = harvested);
  datasetId = (await app.inject({ method: 'GET', url: '/v1/datasets?pageSize=1' })).json().hits[0].document.id;
});
afterAll(async () => {
  await harvested?.close();
  await publisher?.close();
});

describe('entity tags', () => {
  it('are strong, stable for the same bytes and differ for other bytes', () => {
    expect(entityTag('abc')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(entityTag(Buffer.from('abc'))).toBe(entityTag('abc'));
    expect(entityTag('abd')).not.toBe(entityTag('abc'));
  });
  it('match If-None-Match lists, weak forms and *', () => {
    expect(noneMatch('"x", "y"', '"y"')).toBe(true);
    expect(noneMatch('W/"y"', '"y"')).toBe(true);
    expect(noneMatch('*', '"y"')).toBe(true);
    expect(noneMatch('"x"', '"y"')).toBe(false);
    expect(noneMatch(undefined, '"y"')).toBe(false);
  });
});

describe('conditional reads', () => {
  it.each([
    ['a record as JSON', () => `/v1/datasets/${datasetId}`, {}, 'public, max-age=60'],
    ['a record as Turtle', () => `/v1/datasets/${datasetId}`, { accept: 'text/turtle' }, 'public, max-age=60'],
    ['a search with facets', () => '/v1/search?q=water&facets=*', {}, 'public, max-age=60'],
    ['a DCAT feed page', () => '/catalog?pageSize=3', {}, 'public, max-age=60'],
    // Revalidated every time, against the store's version (a weak tag: the same version, the same answer).
    ['a SPARQL answer', () => `/sparql?query=${encodeURIComponent('SELECT * { ?s ?p ?o } LIMIT 3')}`, {}, 'public, no-cache'],
    ['the sources (always revalidated)', () => '/v1/sources', {}, 'no-cache'],
  ])('%s carries an ETag and Cache-Control, and answers 304 with no body when the client has it', async (_name, url, headers, cacheControl) => {
    const first = await app.inject({ method: 'GET', url: url(), headers });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe(cacheControl);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^(W\/)?"[A-Za-z0-9_-]+"$/);
    const weak = etag.startsWith('W/') ? etag : `W/${etag}`;
    const again = await app.inject({ method: 'GET', url: url(), headers: { ...headers, 'if-none-match': `"other", ${weak}` } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const changed = await app.inject({ method: 'GET', url: url(), headers: { ...headers, 'if-none-match': '"stale"' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toBe(first.body);
  });

  it('are not applied to errors, changes or answers that must not be stored', async () => {
    const missing = await app.inject({ method: 'GET', url: '/v1/datasets/0123456789abcdef', headers: { 'if-none-match': '*' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    const post = await app.inject({ method: 'POST', url: '/sparql', payload: 'ASK {}', headers: { 'content-type': 'application/sparql-query', 'if-none-match': '*' } });
    expect(post.statusCode).toBe(200);
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.headers['cache-control']).toBe('no-store');
    expect(health.headers.etag).toBeUndefined();
  });
});

describe('CORS', () => {
  it('lets pages on any site read, and with a token manage, answering preflights', async () => {
    const preflight = await app.inject({ method: 'OPTIONS', url: '/v1/sources/x', headers: {
      origin: 'https://portal.example.org', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization, content-type' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('PATCH');
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('Authorization');
    const read = await app.inject({ method: 'GET', url: '/v1/datasets?pageSize=2', headers: { origin: 'https://portal.example.org' } });
    expect(read.headers['access-control-allow-origin']).toBe('*');
    expect(String(read.headers['access-control-expose-headers'])).toMatch(/Link.*X-Total-Count/);
  });

  it('names only the configured origins when FEDCAT_CORS_ORIGINS lists them', async () => {
    const strict = await buildApp({ ...runtime, corsOrigins: ['https://data.overheid.nl'] });
    try {
      const allowed = await strict.inject({ method: 'GET', url: '/health', headers: { origin: 'https://data.overheid.nl' } });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://data.overheid.nl');
      const other = await strict.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example' } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await strict.close();
    }
  });
});

describe('GET /metrics', () => {
  it('exposes requests by route template, latencies, the process and the catalogue\'s state in Prometheus format', async () => {
    await app.inject({ method: 'GET', url: `/v1/datasets/${datasetId}` });
    await app.inject({ method: 'GET', url: '/v1/datasets/ffffffffffffffff' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(text).toMatch(/^fedcat_http_requests_total\{method="GET",route="\/v1\/datasets\/:id",status="200"\} \d+$/m);
    expect(text).toMatch(/^fedcat_http_requests_total\{method="GET",route="\/v1\/datasets\/:id",status="404"\} \d+$/m);
    expect(text).not.toContain(datasetId); // ids never become labels
    expect(text).toMatch(/^fedcat_http_request_duration_seconds_bucket\{le="0\.01",method="GET",route="\/v1\/datasets\/:id"\} \d+$/m);
    expect(text).toContain(`\nfedcat_search_documents ${await runtime.search.count()}\n`);
    expect(text).toMatch(/^fedcat_store_graphs 12$/m); // four sources: harvested, history and runs graphs (nothing quarantined)
    expect(text).toMatch(/^fedcat_store_quads [1-9]\d+$/m);
    expect(text).toMatch(/^fedcat_store_ready 1$/m);
    expect(text).toMatch(/^fedcat_sources\{last_run="succeeded"\} 4$/m);
    expect(text).toMatch(/^fedcat_source_last_success_timestamp_seconds\{source="gemeente-dijkstad"\} \d+(\.\d+)?$/m);
    expect(text).toMatch(/^fedcat_process_resident_memory_bytes \d+$/m);
  });
});

describe('IRIs fedcat minted', () => {
  it('dereference to their description in every RDF syntax, and unknown ones are 404 problems', async () => {
    const found = await app.inject({ method: 'GET', url: '/sparql', query: {
      query: 'SELECT ?n WHERE { ?n ?p ?o FILTER(STRSTARTS(STR(?n), "http://localhost:8080/.well-known/genid/")) } LIMIT 1' } });
    const iri = found.json().results.bindings[0].n.value as string;
    const path = new URL(iri).pathname;
    const ttl = await app.inject({ method: 'GET', url: path });
    expect(ttl.statusCode).toBe(200);
    expect(ttl.headers['content-type']).toMatch(/^text\/turtle/);
    const quads = new Parser({ format: 'text/turtle' }).parse(ttl.body);
    expect(quads.filter((q) => q.subject.value === iri).length).toBeGreaterThan(0);
    for (const [accept, format] of [['application/n-triples', 'application/n-triples'], ['application/rdf+xml', 'application/rdf+xml'], ['application/ld+json', 'application/ld+json']] as const) {
      const res = await app.inject({ method: 'GET', url: path, headers: { accept } });
      expect(res.headers['content-type']).toMatch(new RegExp(`^${format.replace('+', '\\+')}`));
    }
    expect((await app.inject({ method: 'GET', url: `${path}?format=ntriples` })).body).toContain(`<${iri}>`);
    const unknown = await app.inject({ method: 'GET', url: `/.well-known/genid/${path.split('/')[3]}/AAAAAAAAAAAAAAAAAAAAAA` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'CAT_NODE_NOT_FOUND' });
    expect((await app.inject({ method: 'GET', url: '/.well-known/genid/x/not-a-name' })).statusCode).toBe(400);
  });
});

describe('the API documentation page', () => {
  it('renders the OpenAPI document with files served by fedcat itself', async () => {
    const page = await app.inject({ method: 'GET', url: '/v1/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('swagger-ui');
    expect(page.body).not.toMatch(/https?:\/\/(cdn|unpkg)/);
    const spec = await app.inject({ method: 'GET', url: '/v1/docs/json' });
    expect(spec.json().info.title).toBe('fedcat catalogue API');
  });
});

describe('page numbers', () => {
  it.each(['/v1/search', '/v1/datasets', '/v1/dataservices', '/catalog', '/v1/runs'])('past the last allowed page are a 400 naming page and its maximum on %s, not a 500', async (path) => {
    for (const page of ['1e300', '1000001']) {
      const res = await app.inject({ method: 'GET', url: `${path}?page=${page}` });
      expect(res.statusCode, `${path}?page=${page}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'CAT_INVALID_REQUEST', invalidParams: [{ name: 'querystring.page', reason: 'must be <= 1000000' }] });
    }
    expect((await app.inject({ method: 'GET', url: `${path}?page=1000000` })).statusCode).toBe(200);
  });
});
