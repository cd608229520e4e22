import { QueryEngine } from '@comunica/query-sparql';
import type { FastifyInstance } from 'fastify';
import { DataFactory, Store } from 'n3';
import oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarantineGraph } from '@fedcat/catalogue';
import { startDemoPublisher, type DemoPublisher } from '../src/testing.js';
import { harvestedDemo } from './support.js';

// The public SPARQL endpoint as clients use it, over HTTP on loopback, on the harvested demo catalogue.
let publisher: DemoPublisher;
let harvested: Awaited<ReturnType<typeof harvestedDemo>>;
let app: FastifyInstance;
let base: string;
let ownerToken = '';
const OWNER = 'https://example.org/owner-of-quarantine';
const QUARANTINED = 'https://example.org/quarantined-record';

beforeAll(async () => {
  publisher = await startDemoPublisher();
  harvested = await harvestedDemo(publisher);
  app = harvested.app;
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const { runtime } = harvested;
  await runtime.sources.upsert({ id: 'owned', url: 'https://example.org/catalogue.ttl', org: OWNER });
  const { namedNode, literal, quad } = DataFactory;
  await runtime.store.replaceGraph(quarantineGraph('owned'), [quad(namedNode(QUARANTINED), namedNode('http://purl.org/dc/terms/title'), literal('rejected'))]);
  ownerToken = runtime.tokens.create({ role: 'organisation', org: OWNER, name: 'the owner' }, { kind: 'cli', user: 'test' }).token;
}, 240_000);
afterAll(async () => {
  await harvested?.close();
  await publisher?.close();
});

const get = (params: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : [v]) q.append(k, one);
  return fetch(`${base}/sparql?${q}`, { headers });
};
const post = (params: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : [v]) q.append(k, one);
  return fetch(`${base}/sparql`, { method: 'POST', body: q.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
};

const SELECT = 'SELECT ?d ?t WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/title> ?t } LIMIT 3';
const ASK = 'ASK { ?d a <http://www.w3.org/ns/dcat#Dataset> }';
const CONSTRUCT = 'CONSTRUCT { ?d <http://purl.org/dc/terms/title> ?t } WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/title> ?t } LIMIT 3';
const DESCRIBE = 'DESCRIBE ?d WHERE { ?d a <http://www.w3.org/ns/dcat#DataService> } LIMIT 1';

/** Parses an RDF answer by its media type; throws on anything unreadable. */
function triples(body: string, mediaType: string): number {
  const format = ({ 'text/turtle': 'text/turtle', 'application/n-triples': 'application/n-triples', 'application/n-quads': 'application/n-quads',
    'application/trig': 'application/trig', 'text/n3': 'text/n3', 'application/rdf+xml': 'application/rdf+xml', 'application/ld+json': 'application/ld+json' } as Record<string, string>)[mediaType];
  if (!format) throw new Error(`not an RDF media type: ${mediaType}`);
  return oxigraph.parse(body, { format }).length;
}
const mediaTypeOf = (res: Response) => (res.headers.get('content-type') ?? '').split(';')[0]!.trim();

// What SPARQLWrapper 2.x sends (Wrapper.py: _getRequestEncodedParameters, _getAcceptHeader): its return format in
// `format`, `output` and `results`, with the Accept value added for tsv, json-ld and rdf+xml, and this Accept.
const WRAPPER_ACCEPT: Record<string, Record<string, string>> = {
  solutions: { xml: 'application/sparql-results+xml', json: 'application/sparql-results+json,application/json,text/javascript,application/javascript', csv: 'text/csv', tsv: 'text/tab-separated-values' },
  graph: { turtle: 'application/turtle,text/turtle', n3: 'application/turtle,text/turtle,text/rdf+n3,application/n-triples,application/n3,text/n3', xml: 'application/rdf+xml', 'rdf+xml': 'application/rdf+xml', 'json-ld': 'application/ld+json,application/x-json+ld', json: '*/*' },
};
function wrapperParams(query: string, returnFormat: string, accept: string): Record<string, string | string[]> {
  const value = ['tsv', 'json-ld', 'rdf+xml'].includes(returnFormat) && accept !== '*/*' ? [returnFormat, accept] : [returnFormat];
  return { query, format: value, output: value, results: value };
}
const wrapperCalls = [
  ...[['SELECT', SELECT], ['ASK', ASK]].flatMap(([form, q]) => Object.entries(WRAPPER_ACCEPT.solutions!).map(([f, a]) => [form!, q!, f, a] as const)),
  ...[['CONSTRUCT', CONSTRUCT], ['DESCRIBE', DESCRIBE]].flatMap(([form, q]) => Object.entries(WRAPPER_ACCEPT.graph!).map(([f, a]) => [form!, q!, f, a] as const)),
];

describe('SPARQLWrapper-style requests (format, output and results beside Accept)', () => {
  it.each(wrapperCalls.flatMap((c) => [[...c, 'GET'], [...c, 'POST']] as const))('answers %s with return format %s by %s', async (form, query, returnFormat, accept, method) => {
    const res = await (method === 'GET' ? get : post)(wrapperParams(query, returnFormat, accept), { accept });
    expect(res.status, await res.clone().text()).toBe(200);
    const type = mediaTypeOf(res);
    const body = await res.text();
    if (form === 'SELECT' || form === 'ASK') {
      const expected = { xml: 'application/sparql-results+xml', json: 'application/sparql-results+json', csv: 'text/csv', tsv: 'text/tab-separated-values' }[returnFormat];
      expect(type).toBe(expected);
      if (returnFormat === 'json') expect(JSON.parse(body)).toHaveProperty(form === 'ASK' ? 'boolean' : 'results');
    } else {
      const expected = { turtle: 'text/turtle', n3: 'text/n3', xml: 'application/rdf+xml', 'rdf+xml': 'application/rdf+xml', 'json-ld': 'application/ld+json', json: 'application/ld+json' }[returnFormat];
      expect(type).toBe(expected);
      expect(triples(body, type)).toBeGreaterThan(0);
    }
  });

  it('uses Accept when the format parameters name nothing servable for the query form', async () => {
    const res = await get({ query: SELECT, format: ['turtle', 'html'] }, { accept: 'text/csv' });
    expect(res.status).toBe(200);
    expect(mediaTypeOf(res)).toBe('text/csv');
  });
});

describe('queries the grammar allows', () => {
  it('reads a non-ASCII prefix name as the CONSTRUCT it is', async () => {
    const res = await get({ query: 'PREFIX é: <http://purl.org/dc/terms/> CONSTRUCT { ?d é:title ?t } WHERE { ?d é:title ?t } LIMIT 2' }, { accept: 'text/turtle' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(mediaTypeOf(res)).toBe('text/turtle');
    expect(triples(await res.text(), 'text/turtle')).toBe(2);
  });

  it('refuses an update sent as a query with 400, and an update sent as an update with 403', async () => {
    const asQuery = await get({ query: 'INSERT DATA { <urn:a> <urn:b> <urn:c> }' });
    expect(asQuery.status).toBe(400);
    expect(await asQuery.json()).toMatchObject({ code: 'CAT_SPARQL_UPDATE_AS_QUERY' });
    const asUpdate = await post({ update: 'INSERT DATA { <urn:a> <urn:b> <urn:c> }' });
    expect(asUpdate.status).toBe(403);
  });

  it('takes a GET query of 64 KB', async () => {
    const padding = `# ${'x'.repeat(64 * 1024)}\n`;
    const res = await get({ query: `${padding}${ASK}` }, { accept: 'application/sparql-results+json' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ boolean: true });
  });
});

describe('media types clients commonly send', () => {
  it.each([
    [ASK, 'application/xml', 'application/sparql-results+xml'], [SELECT, 'text/xml', 'application/sparql-results+xml'],
    [CONSTRUCT, 'application/json', 'application/ld+json'], [CONSTRUCT, 'application/n-quads', 'application/n-quads'],
    [CONSTRUCT, 'application/trig', 'application/trig'], [DESCRIBE, 'text/n3', 'text/n3'], [CONSTRUCT, 'text/plain', 'application/n-triples'],
    [DESCRIBE, 'application/x-turtle', 'text/turtle'],
  ])('answers %s asked as %s in %s', async (query, accept, served) => {
    const res = await get({ query }, { accept });
    expect(res.status).toBe(200);
    expect(mediaTypeOf(res)).toBe(served);
    const body = await res.text();
    if (served.startsWith('application/sparql-results')) expect(body).toContain('<sparql');
    else expect(triples(body, served)).toBeGreaterThan(0);
  });
});

describe('the Service Description', () => {
  it.each(['text/turtle', 'application/ld+json', 'application/rdf+xml'])('is served as %s and names only result formats the endpoint really serves', async (accept) => {
    const res = await fetch(`${base}/sparql`, { headers: { accept } });
    expect(res.status).toBe(200);
    expect(mediaTypeOf(res)).toBe(accept);
    const store = new oxigraph.Store();
    store.load(await res.text(), { format: accept, base_iri: `${base}/sparql` });
    const SD = 'http://www.w3.org/ns/sparql-service-description#';
    expect(store.query(`ASK { <${base}/sparql> a <${SD}Service> ; <${SD}endpoint> <${base}/sparql> ; <${SD}supportedLanguage> <${SD}SPARQL11Query> ; <${SD}feature> <${SD}UnionDefaultGraph> ; <${SD}defaultDataset> ?d . ?d <${SD}defaultGraph> ?g ; <${SD}namedGraph> ?n }`)).toBe(true);
    const named = (store.query(`SELECT ?name WHERE { ?d <${SD}namedGraph> [ <${SD}name> ?name ] }`) as Map<string, { value: string }>[]).map((r) => r.get('name')!.value);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((g) => g.startsWith('urn:fedcat:quarantine:') || g.startsWith('urn:fedcat:store:'))).toEqual([]);
    const formats = (store.query(`SELECT ?f WHERE { ?s <${SD}resultFormat> ?f }`) as Map<string, { value: string }>[]).map((r) => r.get('f')!.value);
    expect(formats).toHaveLength(11);
    const asked: Record<string, [string, string]> = {
      SPARQL_Results_JSON: [SELECT, 'application/sparql-results+json'], SPARQL_Results_XML: [SELECT, 'application/sparql-results+xml'],
      SPARQL_Results_CSV: [SELECT, 'text/csv'], SPARQL_Results_TSV: [SELECT, 'text/tab-separated-values'], Turtle: [CONSTRUCT, 'text/turtle'],
      'JSON-LD': [CONSTRUCT, 'application/ld+json'], 'N-Triples': [CONSTRUCT, 'application/n-triples'], RDF_XML: [CONSTRUCT, 'application/rdf+xml'],
      'N-Quads': [CONSTRUCT, 'application/n-quads'], TriG: [CONSTRUCT, 'application/trig'], N3: [CONSTRUCT, 'text/n3'],
    };
    for (const iri of formats) {
      const [query, type] = asked[iri.replace('http://www.w3.org/ns/formats/', '')]!;
      const answer = await get({ query }, { accept: type });
      expect(answer.status, iri).toBe(200);
      expect(mediaTypeOf(answer), iri).toBe(type);
    }
  });
});

describe('the result cap bounds the work and says so in the answer', () => {
  it('answers a query of a million solutions at once, cut at the cap, with a link to what the cap is', async () => {
    const res = await get({ query: 'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }' }, { accept: 'application/sparql-results+json' });
    expect(res.status).toBe(200);
    expect(res.headers.get('fedcat-truncated')).toBe('true');
    const json = await res.json() as { head: { link?: string[] }; results: { bindings: unknown[] } };
    expect(json.results.bindings).toHaveLength(10_000);
    expect(json.head.link).toEqual([`${base}/sparql#result-cap`]);
  });

  it('never cuts a query whose own LIMIT is within the cap', async () => {
    const res = await get({ query: 'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 10000' }, { accept: 'application/sparql-results+json' });
    expect(res.headers.get('fedcat-truncated')).toBeNull();
    expect((await res.json() as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(10_000);
  });

  it('marks a CONSTRUCT whose solutions went past the cap even when its triples did not', async () => {
    // 856² solutions give a few hundred triples: the cap of 10,000 triples is never reached, the solutions' LIMIT is.
    const res = await get({ query: 'CONSTRUCT { ?s a <urn:fedcat:test:Thing> } WHERE { ?s ?p ?o . ?x ?y ?z }' }, { accept: 'text/turtle' });
    expect(res.headers.get('fedcat-truncated')).toBe('true');
    expect(await res.text()).toMatch(/^# fedcat: answer cut at 10000/);
  });
});

describe('what GRAPH ?g and FROM see', () => {
  const graphsOf = async (res: Response) => ((await res.json()) as { results: { bindings: { g: { value: string } }[] } }).results.bindings.map((b) => b.g.value);
  const GRAPHS = 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }';

  it('shows the public only the published graphs: sources, history and runs', async () => {
    const graphs = await graphsOf(await get({ query: GRAPHS }, { accept: 'application/sparql-results+json' }));
    expect(graphs.some((g) => g.startsWith('urn:fedcat:source:'))).toBe(true);
    expect(graphs.some((g) => g.startsWith('urn:fedcat:history:'))).toBe(true);
    expect(graphs.filter((g) => !/^urn:fedcat:(source|history|runs):/.test(g))).toEqual([]);
    const viaFrom = await get({ query: `SELECT * FROM <${quarantineGraph('owned')}> WHERE { ?s ?p ?o }` }, { accept: 'application/sparql-results+json' });
    expect((await viaFrom.json() as { results: { bindings: unknown[] } }).results.bindings).toEqual([]);
    const viaProtocol = await get({ query: 'SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }', 'named-graph-uri': quarantineGraph('owned') }, { accept: 'application/sparql-results+json' });
    expect((await viaProtocol.json() as { results: { bindings: unknown[] } }).results.bindings).toEqual([]);
  });

  it("shows an organisation's token its own quarantine, privately cached", async () => {
    const res = await get({ query: GRAPHS }, { accept: 'application/sparql-results+json', authorization: `Bearer ${ownerToken}` });
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(await graphsOf(res)).toContain(quarantineGraph('owned'));
  });
});

describe('caching', () => {
  it('revalidates against the store: 304 while nothing changed, a new answer after a graph changed, never for NOW()', async () => {
    const query = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
    const first = await get({ query }, { accept: 'application/sparql-results+json' });
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\//);
    expect((await get({ query }, { accept: 'application/sparql-results+json', 'if-none-match': etag })).status).toBe(304);
    const { namedNode, literal, quad } = DataFactory;
    await harvested.runtime.store.replaceGraph('urn:fedcat:source:cache-test', [quad(namedNode('urn:x'), namedNode('urn:y'), literal('z'))]);
    const after = await get({ query }, { accept: 'application/sparql-results+json', 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const now = await get({ query: 'SELECT (NOW() AS ?t) WHERE {}' }, { accept: 'application/sparql-results+json' });
    expect(now.headers.get('cache-control')).toBe('no-store');
    expect(now.headers.get('etag')).toBeNull();
  });
});

describe('Comunica as a client of the endpoint', () => {
  const engine = new QueryEngine();
  const context = () => ({ sources: [{ type: 'sparql' as const, value: `${base}/sparql` }] });
  it('runs a SELECT', async () => {
    expect(await (await engine.queryBindings(SELECT, context())).toArray()).toHaveLength(3);
  });
  it('runs an ASK', async () => {
    expect(await engine.queryBoolean(ASK, context())).toBe(true);
  });
  it('runs a CONSTRUCT', async () => {
    expect(await (await engine.queryQuads(CONSTRUCT, context())).toArray()).toHaveLength(3);
  });
  it('runs a DESCRIBE', async () => {
    // Without LIMIT: Comunica 4.5 fails a DESCRIBE … LIMIT itself, before it sends anything.
    const describe = 'DESCRIBE ?d WHERE { ?d a <http://www.w3.org/ns/dcat#DataService> }';
    expect(new Store(await (await engine.queryQuads(describe, context())).toArray()).size).toBeGreaterThan(0);
  });
});
