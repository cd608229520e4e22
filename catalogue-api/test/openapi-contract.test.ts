import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPublisher } from '../src/index.js';
import { harvestedApp, harvestedDemo } from './support.js';

// The OpenAPI document is the contract: it must be valid OpenAPI 3.1, and every response the API gives (success and
// error, for every operation it documents) must have a documented status and media type and match its schema.

interface Operation { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

let harvested: Awaited<ReturnType<typeof harvestedApp>> | undefined;
let publisher: Awaited<ReturnType<typeof startDemoPublisher>>;
let app: FastifyInstance;
let doc: Doc;
let datasetId: string;
let serviceId: string;
let runId: string;
let genidPath: string;
const tokens = { admin: '', other: '' };

beforeAll(async () => {
  publisher = await startDemoPublisher();
  harvested = await harvestedDemo(publisher);
  app = harvested.app;
  const ops = { kind: 'cli', user: 'test' } as const;
  tokens.admin = harvested.runtime.tokens.create({ role: 'admin', name: 'operators' }, ops).token;
  tokens.other = harvested.runtime.tokens.create({ role: 'organisation', org: 'https://example.org/other', name: 'another organisation' }, ops).token;
  doc = (await app.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as Doc;
  const first = async (type: string) => ((await app.inject({ method: 'GET', url: `/v1/search?filter=type:${type}&pageSize=1` })).json() as { hits: { document: { id: string } }[] }).hits[0]!.document.id;
  datasetId = await first('Dataset');
  serviceId = await first('DataService');
  runId = (await app.inject({ method: 'GET', url: '/v1/sources/gemeente-dijkstad/runs' })).json().runs.find((r: { status: string }) => r.status === 'succeeded').id;
  const minted = (await app.inject({ method: 'GET', url: '/sparql', query: { query: 'SELECT ?n { ?n ?p ?o FILTER(STRSTARTS(STR(?n), "http://localhost:8080/.well-known/genid/")) } LIMIT 1' } })).json();
  genidPath = new URL(minted.results.bindings[0].n.value).pathname;
});
afterAll(async () => {
  await harvested?.close();
  await publisher?.close();
});

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const admin = { authorization: 'Bearer :admin' };
const other = { authorization: 'Bearer :other' };
/** Requests that together reach every documented operation, with their successes and their errors (`:dataset` and
 * `:service` stand for ids known once the catalogue is harvested). */
const requests = (): [string, InjectOptions, number][] => [
  ['health', { method: 'GET', url: '/health' }, 200],
  ['search with facets', { method: 'GET', url: '/v1/search?q=water&facets=*' }, 200],
  ['search with an unknown filter field', { method: 'GET', url: '/v1/search?filter=colour:red' }, 400],
  ['search with a page size too large', { method: 'GET', url: '/v1/search?pageSize=5000' }, 400],
  ['dataset listing', { method: 'GET', url: '/v1/datasets?sort=title:asc' }, 200],
  ['dataset as JSON', { method: 'GET', url: '/v1/datasets/:dataset' }, 200],
  ['dataset as Turtle', { method: 'GET', url: '/v1/datasets/:dataset', headers: { accept: 'text/turtle' } }, 200],
  ['dataset as an unservable type', { method: 'GET', url: '/v1/datasets/:dataset', headers: { accept: 'image/png' } }, 406],
  ['dataset downloaded as RDF/XML', { method: 'GET', url: '/v1/datasets/:dataset?format=rdfxml' }, 200],
  ['dataset in a format there is not', { method: 'GET', url: '/v1/datasets/:dataset?format=pdf' }, 400],
  ['unknown dataset', { method: 'GET', url: '/v1/datasets/0123456789abcdef' }, 404],
  ['malformed dataset id', { method: 'GET', url: '/v1/datasets/nope' }, 400],
  ['dataset quality', { method: 'GET', url: '/v1/datasets/:dataset/quality' }, 200],
  ['quality of an unknown dataset', { method: 'GET', url: '/v1/datasets/0123456789abcdef/quality' }, 404],
  ['source quality', { method: 'GET', url: '/v1/sources/gemeente-dijkstad/quality' }, 200],
  ['quality of an unknown source', { method: 'GET', url: '/v1/sources/nope/quality' }, 404],
  ['organisation quality', { method: 'GET', url: '/v1/organisations/quality' }, 200],
  ['data service listing', { method: 'GET', url: '/v1/dataservices' }, 200],
  ['data service as JSON-LD', { method: 'GET', url: '/v1/dataservices/:service', headers: { accept: 'application/ld+json' } }, 200],
  ['sources', { method: 'GET', url: '/v1/sources' }, 200],
  ['one source', { method: 'GET', url: '/v1/sources/gemeente-dijkstad' }, 200],
  ['unknown source', { method: 'GET', url: '/v1/sources/nope' }, 404],
  ['runs of a source', { method: 'GET', url: '/v1/sources/gemeente-dijkstad/runs' }, 200],
  ['runs of an unknown source', { method: 'GET', url: '/v1/sources/nope/runs' }, 404],
  ['validation report of a run', { method: 'GET', url: '/v1/sources/gemeente-dijkstad/runs/:run/report' }, 200],
  ['validation report of an unknown run', { method: 'GET', url: '/v1/sources/gemeente-dijkstad/runs/nope/report' }, 404],
  ['vocabulary labels', { method: 'GET', url: '/v1/labels' }, 200],
  ['running harvests', { method: 'GET', url: '/v1/harvests' }, 200],
  ['runs of all sources', { method: 'GET', url: '/v1/runs?pageSize=2' }, 200],
  ['runs with an unknown status', { method: 'GET', url: '/v1/runs?status=odd' }, 400],
  ['organisations', { method: 'GET', url: '/v1/organisations' }, 200],
  ['access conditions of a data service', { method: 'GET', url: '/v1/dataservices/:service/access-conditions' }, 200],
  ['access conditions of a dataset', { method: 'GET', url: '/v1/datasets/:dataset/access-conditions' }, 200],
  ['access conditions of an unknown data service', { method: 'GET', url: '/v1/dataservices/0123456789abcdef/access-conditions' }, 404],
  ['resolve a data service', { method: 'GET', url: '/v1/resolve?service=:service' }, 200],
  ['resolve an unknown data service', { method: 'GET', url: '/v1/resolve?service=https://nowhere.example/api' }, 404],
  ['resolve without a service', { method: 'GET', url: '/v1/resolve' }, 400],
  ['try an API the console is not offered for', { method: 'POST', url: '/v1/dataservices/:service/try', payload: { method: 'GET', url: 'https://nowhere.example/api' } }, 403],
  ['try with a field that is not allowed', { method: 'POST', url: '/v1/dataservices/:service/try', payload: { verb: 'GET' } }, 400],
  ['try an unknown data service', { method: 'POST', url: '/v1/dataservices/0123456789abcdef/try', payload: { method: 'GET', url: 'https://nowhere.example/api' } }, 404],
  ['OpenAPI document of a service fedcat holds none of', { method: 'GET', url: '/v1/dataservices/:service/openapi' }, 404],
  ['OpenAPI document in a format there is not', { method: 'GET', url: '/v1/dataservices/:service/openapi?format=xml' }, 400],
  ['Postman collection of a service fedcat holds no document of', { method: 'GET', url: '/v1/dataservices/:service/postman' }, 404],
  ['API register listing', { method: 'GET', url: '/v1/api-register/apis?perPage=5' }, 200],
  ['change events', { method: 'GET', url: '/v1/events?after=0&limit=5' }, 200],
  ['change events of a type there is not', { method: 'GET', url: '/v1/events?type=nl.fds.catalogus.iets.v1' }, 400],
  ['change events as Atom', { method: 'GET', url: '/v1/events.atom' }, 200],
  ['subscribe without a token', { method: 'POST', url: '/v1/subscriptions', payload: { sink: 'https://hooks.example.org/fedcat', protocol: 'HTTP' } }, 401],
  ['subscribe a sink at a loopback address', { method: 'POST', url: '/v1/subscriptions', headers: admin, payload: { sink: 'http://127.0.0.1:9/hook', protocol: 'HTTP' } }, 400],
  ['subscriptions of a token', { method: 'GET', url: '/v1/subscriptions', headers: admin }, 200],
  ['an unknown subscription', { method: 'GET', url: '/v1/subscriptions/00000000-0000-4000-8000-000000000000', headers: admin }, 404],
  ['end an unknown subscription', { method: 'DELETE', url: '/v1/subscriptions/00000000-0000-4000-8000-000000000000', headers: admin }, 404],
  ['API register listing with a status it does not know', { method: 'GET', url: '/v1/api-register/apis?status=actief' }, 400],
  ['API register: an unknown API', { method: 'GET', url: '/v1/api-register/apis/0123456789abcdef' }, 404],
  ['FSC groups', { method: 'GET', url: '/v1/fsc/groups' }, 200],
  ['FSC services of an unknown group', { method: 'GET', url: '/v1/fsc/groups/nope/services' }, 404],
  ['FSC services with a bad limit', { method: 'GET', url: '/v1/fsc/groups/nope/services?limit=5000' }, 400],
  ['FSC peers of an unknown group', { method: 'GET', url: '/v1/fsc/groups/nope/peers' }, 404],
  ['FSC resolve of an unlisted service', { method: 'GET', url: '/v1/fsc/resolve?peer_id=00000001001234567000&service_name=nope' }, 404],
  ['FSC resolve without a peer', { method: 'GET', url: '/v1/fsc/resolve?service_name=nope' }, 400],
  ['changes', { method: 'GET', url: '/v1/changes?since=0&limit=5' }, 200],
  ['change stream with a bad since', { method: 'GET', url: '/v1/changes/stream?since=-1' }, 400],
  ['SPARQL SELECT by GET', { method: 'GET', url: `/sparql?query=${encodeURIComponent('SELECT * { ?s ?p ?o } LIMIT 2')}` }, 200],
  ['SPARQL CONSTRUCT as N-Triples', { method: 'GET', url: `/sparql?format=ntriples&query=${encodeURIComponent('CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2')}` }, 200],
  ['SPARQL by POST body', { method: 'POST', url: '/sparql', payload: 'ASK { ?s ?p ?o }', headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+xml' } }, 200],
  ['SPARQL by POST form', { method: 'POST', url: '/sparql', payload: 'query=ASK%20%7B%7D', headers: { ...form, accept: 'text/csv' } }, 200],
  ['SPARQL syntax error', { method: 'GET', url: '/sparql?query=SELEKT' }, 400],
  ['validation profiles', { method: 'GET', url: '/v1/validate/profiles' }, 200],
  ['dry-run validation', { method: 'POST', url: '/v1/validate', payload: '<https://ex.org/d> a <http://www.w3.org/ns/dcat#Dataset>.', headers: { 'content-type': 'text/turtle' } }, 200],
  ['dry-run validation as Turtle', { method: 'POST', url: '/v1/validate?profile=dcat-ap-3.0.1', payload: '<https://ex.org/d> a <http://www.w3.org/ns/dcat#Dataset>.', headers: { 'content-type': 'text/turtle', accept: 'text/turtle' } }, 200],
  ['dry-run validation of non-RDF', { method: 'POST', url: '/v1/validate', payload: 'not rdf at all', headers: { 'content-type': 'text/turtle' } }, 422],
  ['dry-run validation of an unsupported type', { method: 'POST', url: '/v1/validate', payload: '<p>x</p>', headers: { 'content-type': 'text/html' } }, 415],
  ['SPARQL repeated query', { method: 'GET', url: '/sparql?query=ASK%7B%7D&query=ASK%7B%7D' }, 400],
  ['SPARQL update', { method: 'POST', url: '/sparql', payload: 'update=DROP%20ALL', headers: form }, 403],
  ['SPARQL unservable Accept', { method: 'GET', url: '/sparql?query=ASK%7B%7D', headers: { accept: 'image/png' } }, 406],
  ['SPARQL body not UTF-8', { method: 'POST', url: '/sparql', payload: 'ASK {}', headers: { 'content-type': 'application/sparql-query; charset=latin1' } }, 415],
  ['DCAT feed as Turtle', { method: 'GET', url: '/catalog?pageSize=3' }, 200],
  ['DCAT feed as RDF/XML', { method: 'GET', url: '/catalog?format=rdfxml' }, 200],
  ['DCAT feed with a bad page size', { method: 'GET', url: '/catalog?pageSize=0' }, 400],
  ['DCAT feed of a source', { method: 'GET', url: '/catalog/sources/gemeente-dijkstad', headers: { accept: 'application/ld+json' } }, 200],
  ['DCAT feed of an unknown source', { method: 'GET', url: '/catalog/sources/nope' }, 404],
  ['DCAT feed as an unservable type', { method: 'GET', url: '/catalog', headers: { accept: 'image/png' } }, 406],
  ['sitemap', { method: 'GET', url: '/sitemap.xml' }, 200],
  ['a sitemap file there is not', { method: 'GET', url: '/sitemaps/9.xml' }, 404],
  ['federated SPARQL naming FROM', { method: 'GET', url: `/sparql/federated?query=${encodeURIComponent('SELECT * FROM <https://x.example/> { ?s ?p ?o }')}` }, 400],
  ['federated SPARQL update', { method: 'POST', url: '/sparql/federated', payload: 'update=DROP%20ALL', headers: form }, 403],
  ['metrics', { method: 'GET', url: '/metrics' }, 200],
  ['a minted IRI', { method: 'GET', url: ':genid', headers: { accept: 'application/ld+json' } }, 200],
  ['an unknown minted IRI', { method: 'GET', url: '/.well-known/genid/gemeente-dijkstad/AAAAAAAAAAAAAAAAAAAAAA' }, 404],
  ['a malformed minted IRI', { method: 'GET', url: '/.well-known/genid/gemeente-dijkstad/x' }, 400],
  // The owner API, in order: register, refuse, change, read, harvest, delete (`:admin` / `:other` stand for tokens).
  ['register a source', { method: 'POST', url: '/v1/sources', headers: admin, payload: { url: 'https://data.example.nl/extra.ttl', id: 'extra', org: 'https://example.org/own' } }, 201],
  ['register a taken id', { method: 'POST', url: '/v1/sources', headers: admin, payload: { url: 'https://data.example.nl/extra.ttl', id: 'extra' } }, 409],
  ['register without a token', { method: 'POST', url: '/v1/sources', payload: { url: 'https://data.example.nl/x.ttl' } }, 401],
  ['register for another organisation', { method: 'POST', url: '/v1/sources', headers: other, payload: { url: 'https://data.example.nl/x.ttl', org: 'https://example.org/own' } }, 403],
  ['register an FTP source', { method: 'POST', url: '/v1/sources', headers: admin, payload: { url: 'ftp://data.example.nl/x.ttl' } }, 400],
  ['pause a source', { method: 'PATCH', url: '/v1/sources/extra', headers: { ...admin, 'content-type': 'application/merge-patch+json' }, payload: JSON.stringify({ paused: true, interval: '6h' }) }, 200],
  ['patch with an unknown field', { method: 'PATCH', url: '/v1/sources/extra', headers: admin, payload: { colour: 'red' } }, 400],
  ['patch another organisation\'s source', { method: 'PATCH', url: '/v1/sources/extra', headers: other, payload: { paused: false } }, 403],
  ['patch an unknown source', { method: 'PATCH', url: '/v1/sources/nope', headers: admin, payload: { paused: false } }, 404],
  ['harvest a paused source', { method: 'POST', url: '/v1/sources/extra/harvests', headers: admin }, 409],
  ['settings of a source', { method: 'GET', url: '/v1/sources/extra/settings', headers: admin }, 200],
  ['settings with a forged token', { method: 'GET', url: '/v1/sources/extra/settings', headers: { authorization: 'Bearer fedcat_000000000000_forged' } }, 401],
  ['settings of another organisation\'s source', { method: 'GET', url: '/v1/sources/extra/settings', headers: other }, 403],
  ['harvest a source now', { method: 'POST', url: '/v1/sources/gemeente-dijkstad/harvests', headers: admin }, 202],
  ['delete another organisation\'s source', { method: 'DELETE', url: '/v1/sources/extra', headers: other }, 403],
  ['delete a source', { method: 'DELETE', url: '/v1/sources/extra', headers: admin }, 204],
  ['delete an unknown source', { method: 'DELETE', url: '/v1/sources/extra', headers: admin }, 404],
  ['audit log', { method: 'GET', url: '/v1/audit-log?limit=5', headers: admin }, 200],
  ['audit log of another organisation', { method: 'GET', url: '/v1/audit-log', headers: other }, 200],
  ['audit log without a token', { method: 'GET', url: '/v1/audit-log' }, 401],
];

/** The documented operation a request reaches: its path template and method. */
function operationOf(method: string, url: string): { template: string; op: Operation } | null {
  const path = url.split('?')[0]!;
  for (const [template, ops] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const op = ops[method.toLowerCase()];
    if (pattern.test(path) && op) return { template, op };
  }
  return null;
}

const JSON_TYPES = /^application\/(json|problem\+json|sparql-results\+json)$/;

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists paths as clients call them, without trailing slashes', () => {
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/v1/search', '/v1/datasets', '/v1/datasets/{id}', '/sparql', '/catalog', '/catalog/sources/{id}']));
    expect(Object.keys(doc.paths).filter((p) => p.endsWith('/'))).toEqual([]);
  });

  it('is exercised by this test for every operation it documents', () => {
    const reached = new Set(requests().map(([, r]) => { const o = operationOf(r.method as string, r.url as string); return o ? `${r.method} ${o.template}` : ''; }));
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.filter((d) => !reached.has(d))).toEqual([]);
  });
});

describe('every response matches the OpenAPI document', () => {
  it.each(requests().map(([name, req, status]) => [name, req, status] as const))('%s', async (_name, template, status) => {
    const headers = Object.fromEntries(Object.entries(template.headers ?? {}).map(([k, v]) => [k, k === 'authorization' ? String(v).replace(':admin', tokens.admin).replace(':other', tokens.other) : v]));
    const req = { ...template, headers, url: (template.url as string).replace(':dataset', datasetId).replace(':service', serviceId).replace(':genid', genidPath).replace(':run', encodeURIComponent(runId)) };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(doc, 'openapi.json');
    const res = await app.inject(req);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    const found = operationOf(req.method as string, req.url as string);
    expect(found, `${req.method} ${req.url} is documented`).not.toBeNull();
    const response = found!.op.responses[String(status)];
    expect(response, `status ${status} of ${found!.template} is documented`).toBeDefined();
    const content = response!.content ?? {};
    if (status === 204) {
      expect(res.body).toBe('');
      expect(Object.keys(content)).toEqual([]);
      return;
    }
    const mediaType = (res.headers['content-type'] as string).split(';')[0]!.trim();
    expect(Object.keys(content), `${mediaType} is documented for ${status}`).toContain(mediaType);
    expect(res.headers['api-version']).toBeDefined();
    if (JSON_TYPES.test(mediaType)) {
      const pointer = ['paths', found!.template, (req.method as string).toLowerCase(), 'responses', String(status), 'content', mediaType, 'schema']
        .map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
      const validate = ajv.getSchema(`openapi.json#/${pointer}`)!;
      const schema = content[mediaType]!.schema as { type?: string };
      const body = schema.type === 'string' ? res.body : JSON.parse(res.body);
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});
