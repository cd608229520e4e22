import type { FastifyInstance } from 'fastify';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPublisher, type Runtime } from '../src/index.js';
import { harvestedApp, harvestedDemo } from './support.js';

let harvested: Awaited<ReturnType<typeof harvestedApp>> | undefined;
let runtime: Runtime;
let app: FastifyInstance;
let publisher: Awaited<ReturnType<typeof startDemoPublisher>>;

beforeAll(async () => {
  publisher = await startDemoPublisher();
  harvested = await harvestedDemo(publisher);
  ({ runtime, app } = harvested);
});
afterAll(async () => {
  await harvested?.close();
  await publisher?.close();
});

const SELECT = 'PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT ?d WHERE { ?d a dcat:DataService } ORDER BY ?d';
const CONSTRUCT = 'PREFIX dcat: <http://www.w3.org/ns/dcat#> CONSTRUCT { ?d a dcat:DataService } WHERE { ?d a dcat:DataService }';

describe('GET|POST /sparql', () => {
  it.each([
    ['application/sparql-results+json', (b: string) => expect(JSON.parse(b).results.bindings).toHaveLength(6)],
    ['application/sparql-results+xml', (b: string) => expect(b.match(/<result>/g)).toHaveLength(6)],
    ['text/csv', (b: string) => expect(b.trim().split(/\r?\n/)).toHaveLength(7)],
    ['text/tab-separated-values', (b: string) => expect(b.trim().split('\n')[0]).toBe('?d')],
  ])('answers SELECT as %s by Accept', async (accept, check) => {
    const res = await app.inject({ method: 'GET', url: '/sparql', query: { query: SELECT }, headers: { accept } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(accept);
    check(res.body);
  });

  it('answers CONSTRUCT as Turtle by default and as JSON-LD by Accept', async () => {
    const ttl = await app.inject({ method: 'POST', url: '/sparql', payload: CONSTRUCT, headers: { 'content-type': 'application/sparql-query' } });
    expect(ttl.headers['content-type']).toContain('text/turtle');
    expect(new Parser().parse(ttl.body)).toHaveLength(6);
    const jsonld = await app.inject({ method: 'POST', url: '/sparql', payload: `query=${encodeURIComponent(CONSTRUCT)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/ld+json' } });
    expect(jsonld.headers['content-type']).toContain('application/ld+json');
    expect(JSON.parse(jsonld.body)).toHaveLength(6);
  });

  it('answers ASK', async () => {
    const res = await app.inject({ method: 'GET', url: '/sparql', query: { query: 'ASK { ?s ?p ?o }' } });
    expect(JSON.parse(res.body)).toEqual({ head: {}, boolean: true });
  });

  it.each([
    ['a query parameter', { method: 'GET' as const, url: `/sparql?query=${encodeURIComponent('DELETE WHERE { ?s ?p ?o }')}` }, 400, 'CAT_SPARQL_UPDATE_AS_QUERY'],
    ['a form update parameter', { method: 'POST' as const, url: '/sparql', payload: 'update=DROP%20ALL', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 403, 'CAT_SPARQL_UPDATE_FORBIDDEN'],
    ['an application/sparql-update body', { method: 'POST' as const, url: '/sparql', payload: 'DROP ALL', headers: { 'content-type': 'application/sparql-update' } }, 403, 'CAT_SPARQL_UPDATE_FORBIDDEN'],
  ])('refuses SPARQL Update sent as %s (an update as a query is not a query: 400; an update: 403) and runs nothing', async (_name, req, status, code) => {
    const res = await app.inject(req);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, code });
    const still = await app.inject({ method: 'GET', url: '/sparql', query: { query: 'ASK { ?s ?p ?o }' } });
    expect(JSON.parse(still.body).boolean).toBe(true);
  });

  it('answers a syntax error with 400 problem+json naming the position', async () => {
    const res = await app.inject({ method: 'GET', url: '/sparql', query: { query: 'SELECT ?s WHERE { ?s ?p }' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toMatch(/error at 1:\d+/);
  });

  it('refuses a repeated query parameter with 400', async () => {
    const res = await app.inject({ method: 'GET', url: `/sparql?query=ASK%7B%7D&query=ASK%7B%7D` });
    expect(res.statusCode).toBe(400);
  });

  it('answers 406 when no offered format is acceptable', async () => {
    const res = await app.inject({ method: 'GET', url: '/sparql', query: { query: SELECT }, headers: { accept: 'image/png' } });
    expect(res.statusCode).toBe(406);
  });
});

describe('REST /v1', () => {
  it('lists datasets with totals and Link paging headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/datasets?pageSize=5&page=2' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 12, page: 2, pageSize: 5 });
    expect(res.headers.link).toContain('rel="next"');
    expect(res.headers.link).toContain('rel="prev"');
    expect(res.headers['api-version']).toBeDefined();
  });

  it('serves one dataset as JSON and as Turtle from the store', async () => {
    const hit = (await app.inject({ method: 'GET', url: '/v1/search?q=bomenregister' })).json().hits[0].document;
    const json = await app.inject({ method: 'GET', url: `/v1/datasets/${hit.id}` });
    expect(json.json()).toMatchObject({ title: 'Bomenregister', publisherName: 'Gemeente Dijkstad' });
    const ttl = await app.inject({ method: 'GET', url: `/v1/datasets/${hit.id}`, headers: { accept: 'text/turtle' } });
    expect(ttl.headers['content-type']).toContain('text/turtle');
    const quads = new Parser().parse(ttl.body);
    expect(quads.some((q) => q.predicate.value === 'http://www.w3.org/ns/dcat#downloadURL')).toBe(true);
  });

  it('answers an unknown id with 404 problem+json', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/datasets/0123456789abcdef' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('answers a bad filter with 400 problem+json listing the valid fields', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/search?filter=colour:red' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('accessRights');
  });

  it('answers invalid parameters with 400 problem+json naming them', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/search?pageSize=1000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0].name).toContain('pageSize');
  });

  it('names the allowed values of a choice once, not one "must be equal to constant" per value', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/search?sort=colour' });
    expect(res.statusCode).toBe(400);
    const reason = 'must be one of relevance, title:asc, title:desc, modified:asc, modified:desc';
    expect(res.json()).toMatchObject({ title: 'Bad Request', invalidParams: [{ name: 'querystring.sort', reason }], detail: `querystring.sort ${reason}` });
  });

  it('answers a body type no route takes with 415 naming the ones it takes', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/validate', payload: 'x', headers: { 'content-type': 'image/png' } });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ title: 'Unsupported Media Type', code: 'CAT_UNSUPPORTED_MEDIA_TYPE', detail: expect.stringMatching(/^Unsupported request body type image\/png; use .*text\/turtle.*application\/json/) });
    const sparql = await app.inject({ method: 'POST', url: '/sparql', payload: 'x', headers: { 'content-type': 'image/png' } });
    expect(sparql.json().detail).toBe('Unsupported request body type image/png; use application/sparql-query, application/x-www-form-urlencoded');
  });

  it('filters search by facet and counts facets', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/search?filter=type:DataService&facets=publisher' });
    expect(res.json().total).toBe(6);
    expect(res.json().facets.publisher.map((f: { label: string }) => f.label)).toContain('Dienst Uitkeringen Nederland');
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/search', '/v1/datasets/{id}', '/v1/sources', '/health']));
  });

  it('reports harvest status per source', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/sources/gemeente-dijkstad' });
    expect(res.json()).toMatchObject({ lastRun: { status: 'succeeded', stats: { datasets: 4, dataServices: 1 } } });
  });

  it('reports health with the store ready and the document count', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.json()).toMatchObject({ status: 'ok', store: { status: 'ready' }, search: { documents: 18 } });
  });
});

describe('GET /v1/organisations', () => {
  it('lists every publishing organisation with its name, its counts of datasets and data services, and its sources', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/organisations' });
    expect(res.statusCode).toBe(200);
    const { organisations } = res.json() as { organisations: { iri: string; name: string | null; datasets: number; dataServices: number; sources: string[] }[] };
    const total = async (type: string) => (await app.inject({ method: 'GET', url: `/v1/search?filter=type:${type}&pageSize=1` })).json().total as number;
    expect(organisations.reduce((n, o) => n + o.datasets, 0)).toBe(await total('Dataset'));
    expect(organisations.reduce((n, o) => n + o.dataServices, 0)).toBe(await total('DataService'));
    expect(organisations.every((o) => o.name !== null && o.datasets + o.dataServices > 0)).toBe(true);
    const names = organisations.map((o) => o.name!);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
  });
});

describe('GET /v1/runs', () => {
  it('pages through the runs of all sources, newest first, with Link headers and a total', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/runs?pageSize=2' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { runs: { source: string; startedAt: string; status: string }[]; total: number };
    expect(body.total).toBe(4);
    expect(body.runs).toHaveLength(2);
    expect(body.runs[0]!.startedAt >= body.runs[1]!.startedAt).toBe(true);
    expect(res.headers['x-total-count']).toBe('4');
    expect(res.headers.link).toContain('rel="next"');
    expect((await app.inject({ method: 'GET', url: '/v1/runs?status=failed' })).json().total).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/v1/runs?status=odd' })).statusCode).toBe(400);
  });
});
