import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordId } from '@fedcat/catalogue';
import { localServer } from '@fedcat/harvester/testing';
import { harvestedApp } from './support.js';

// The try-it proxy (POST /v1/dataservices/{id}/try) against an organisation's APIs on loopback. The organisation's
// server counts every request its API gets, so each refusal can show the API saw nothing.

const ORG = 'https://identifier.overheid.nl/tooi/id/gemeente/gm9999';
const OPEN = 'https://data.proef.example.nl/id/api/open';
const CLOSED = 'https://data.proef.example.nl/id/api/gesloten';
const ELSEWHERE = 'https://data.proef.example.nl/id/api/elders';
const KEYED = 'https://data.proef.example.nl/id/api/sleutel';
const SWITCHED = 'https://data.proef.example.nl/id/api/uit';
const SEARCHING = 'https://data.proef.example.nl/id/api/zoeken';

/** A data service of the test catalogue: public or restricted, its endpoint and OpenAPI document on the organisation's server. */
const service = (iri: string, access: 'PUBLIC' | 'RESTRICTED', endpoint: string, description: string, extra = '') => `
<${iri}> a dcat:DataService ;
  dct:title "API ${iri.split('/').pop()}"@nl ; dct:description "Een API om te proberen."@nl ; dct:identifier "${iri}" ;
  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/GOVE> ;
  dct:publisher <${ORG}> ; dcat:contactPoint <https://data.proef.example.nl/id/contact> ;
  dct:accessRights <http://publications.europa.eu/resource/authority/access-right/${access}> ;
  dct:license <http://publications.europa.eu/resource/authority/licence/CC0> ;
  dcat:endpointURL <${endpoint}> ; dcat:endpointDescription <${description}> ${extra}.`;

const openapi = (servers: readonly string[], security: boolean | 'key') => JSON.stringify({
  openapi: '3.0.3', info: { title: 'Proef', version: '1.0.0', contact: { email: 'api@proef.example.nl' } },
  servers: servers.map((url) => ({ url })),
  paths: { '/dingen': { get: { responses: { 200: { description: 'ok' } } } } },
  ...(security === 'key' ? { components: { securitySchemes: { sleutel: { type: 'apiKey', in: 'header', name: 'X-Proef-Sleutel' } } }, security: [{ sleutel: [] }] } : {}),
  ...(security === true ? { components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://x/token', scopes: {} } } } } }, security: [{ oauth: [] }] } : {}),
});

let org: Awaited<ReturnType<typeof localServer>>;
let other: Awaited<ReturnType<typeof localServer>>;
let harvested: Awaited<ReturnType<typeof harvestedApp>>;
let app: FastifyInstance;
/** What the organisation's API received (not its catalogue or OpenAPI documents). */
const seen: { path: string; headers: IncomingHttpHeaders; method: string; body: string }[] = [];
let otherSeen = 0;

beforeAll(async () => {
  other = await localServer((_req, res) => { otherSeen++; res.writeHead(200).end('elsewhere'); });
  org = await localServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const api = `${org.origin}/api/v1`;
    if (url.pathname === '/catalogue.ttl') {
      return void res.writeHead(200, { 'content-type': 'text/turtle' }).end(`@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
<https://data.proef.example.nl/id/catalogus> a dcat:Catalog ; dct:title "Proef"@nl ; dct:description "Proef"@nl ; dct:publisher <${ORG}> ;
  dcat:service <${OPEN}>, <${CLOSED}>, <${ELSEWHERE}>, <${KEYED}>, <${SWITCHED}>, <${SEARCHING}> .
<${ORG}> a foaf:Agent ; foaf:name "Gemeente Proef"@nl .
<https://data.proef.example.nl/id/contact> a vcard:Organization ; vcard:fn "Team API"@nl ; vcard:hasEmail <mailto:api@proef.example.nl> .
${service(OPEN, 'PUBLIC', api, `${org.origin}/docs/open.json`)}
${service(CLOSED, 'RESTRICTED', `${org.origin}/api/gesloten`, `${org.origin}/docs/gesloten.json`)}
${service(ELSEWHERE, 'PUBLIC', 'http://169.254.169.254/latest', `${org.origin}/docs/elders.json`)}
${service(KEYED, 'PUBLIC', `${org.origin}/api/sleutel/v1`, `${org.origin}/docs/sleutel.json`)}
${service(SWITCHED, 'PUBLIC', api, `${org.origin}/docs/open.json`, '; <https://w3id.org/fedcat/ns#tryConsole> false ')}
${service(SEARCHING, 'PUBLIC', api, `${org.origin}/docs/open.json`, '; <https://w3id.org/fedcat/ns#tryMethod> "POST" ')}`);
    }
    const json = (body: string) => void res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    if (url.pathname === '/docs/open.json') return json(openapi([api], false));
    if (url.pathname === '/docs/gesloten.json') return json(openapi([`${org.origin}/api/gesloten`], true));
    if (url.pathname === '/docs/sleutel.json') return json(openapi([`${org.origin}/api/sleutel/v1`], 'key'));
    if (url.pathname === '/docs/elders.json') return json(openapi(['http://169.254.169.254/latest', `${other.origin}/api`], false));
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    seen.push({ path: url.pathname + url.search, headers: req.headers, method: req.method ?? '', body: Buffer.concat(chunks).toString() });
    if (url.pathname === '/api/v1/dingen') return void res.writeHead(200, { 'content-type': 'application/json', 'api-version': '1.0.0', 'set-cookie': 'sessie=geheim' }).end('{"dingen":[1,2,3]}');
    if (url.pathname === '/api/sleutel/v1/dingen') return void res.writeHead(req.headers['x-proef-sleutel'] === 'geheim' ? 200 : 401, { 'content-type': 'application/json' }).end('{}');
    if (url.pathname === '/api/v1/weg') return void res.writeHead(302, { location: `${other.origin}/api/gevonden` }).end();
    if (url.pathname === '/api/v1/groot') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const mb = Buffer.alloc(1024 * 1024, 1);
      for (let i = 0; i < 20 && !res.destroyed; i++) await new Promise<void>((r) => res.write(mb, () => r()));
      return void res.end();
    }
    if (url.pathname === '/api/v1/traag') return void setTimeout(() => { if (!res.destroyed) res.writeHead(200).end('te laat'); }, 3000);
    res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"title":"niet gevonden","status":404}');
  });
  harvested = await harvestedApp([{ id: 'proef', url: `${org.origin}/catalogue.ttl` }],
    { FEDCAT_HARVEST_ALLOW_PRIVATE: org.hostPort, FEDCAT_SERVICE_CHECK: 'true' },
    { tryLimits: { timeoutMs: 500, maxBytes: 1024 * 1024, perClientPerMinute: 30, perApiPerMinute: 1000 } });
  app = harvested.app;
  // The service directory builds in the background: wait until it describes the open API.
  for (const until = Date.now() + 20_000; ;) {
    const detail = (await app.inject({ method: 'GET', url: `/v1/dataservices/${recordId(OPEN)}` })).json<{ api?: { status: string } }>();
    if (detail.api?.status === 'valid') break;
    if (Date.now() > until) throw new Error(`the open API was not described: ${JSON.stringify(detail)} ${(await app.inject({ method: 'GET', url: '/v1/sources/proef' })).body}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}, 60_000);
afterAll(async () => {
  await harvested?.close();
  await org?.close();
  await other?.close();
});

const tryIt = (iri: string, body: Record<string, unknown>) => app.inject({ method: 'POST', url: `/v1/dataservices/${recordId(iri)}/try`, payload: body, remoteAddress: '10.0.0.1' });
const apiUrl = (path: string) => `${org.origin}/api/v1${path}`;

describe('trying an API from its page', () => {
  it("sends a GET under the API's server and answers with what the API answered, without its cookies", async () => {
    const res = await tryIt(OPEN, { method: 'GET', url: apiUrl('/dingen?soort=alle'), headers: { Accept: 'application/json' } });
    expect(res.statusCode).toBe(200);
    const answer = res.json<{ status: number; headers: Record<string, string>; body: string; bodyEncoding: string; timeMs: number }>();
    expect(answer).toMatchObject({ status: 200, body: '{"dingen":[1,2,3]}', bodyEncoding: 'utf8', headers: { 'content-type': 'application/json', 'api-version': '1.0.0' } });
    expect(answer.headers).not.toHaveProperty('set-cookie');
    expect(answer.timeMs).toBeGreaterThanOrEqual(0);
    expect(seen.at(-1)).toMatchObject({ path: '/api/v1/dingen?soort=alle', headers: { accept: 'application/json' } });
    expect(seen.at(-1)!.headers).not.toHaveProperty('cookie');
  });

  it("serves the API's OpenAPI document for the console, read from its publisher (404 for a record fedcat does not hold)", async () => {
    const doc = await app.inject({ method: 'GET', url: `/v1/dataservices/${recordId(OPEN)}/openapi` });
    expect(doc.statusCode).toBe(200);
    expect(doc.json()).toMatchObject({ openapi: '3.0.3', servers: [{ url: `${org.origin}/api/v1` }], paths: { '/dingen': {} } });
    expect((await app.inject({ method: 'GET', url: '/v1/dataservices/0000000000000000/openapi' })).json()).toMatchObject({ status: 404, code: 'CAT_SERVICE_NOT_FOUND' });
  });

  it("passes an API key on in the header the API's security scheme names, and that header only for that API", async () => {
    const keyed = await tryIt(KEYED, { method: 'GET', url: `${org.origin}/api/sleutel/v1/dingen`, headers: { 'X-Proef-Sleutel': 'geheim' } });
    expect(keyed.json()).toMatchObject({ status: 200 });
    expect(seen.at(-1)!.headers['x-proef-sleutel']).toBe('geheim');
    const elsewhere = await tryIt(OPEN, { method: 'GET', url: apiUrl('/dingen'), headers: { 'X-Proef-Sleutel': 'geheim' } });
    expect(elsewhere.json()).toMatchObject({ status: 400, code: 'CAT_TRY_HEADER' });
  });

  it("follows its owner: nothing for an API whose owner switched trying off, a POST with its body where the owner allows it", async () => {
    const before = seen.length;
    const off = await tryIt(SWITCHED, { method: 'GET', url: apiUrl('/dingen') });
    expect(off.statusCode).toBe(403);
    expect(off.json()).toMatchObject({ code: 'CAT_TRY_NOT_OFFERED', detail: "this API's owner switched trying it from fedcat off" });
    expect(seen.length).toBe(before);
    const search = await tryIt(SEARCHING, { method: 'POST', url: apiUrl('/dingen'), headers: { 'Content-Type': 'application/json' }, body: '{"zoek":"bomen"}' });
    expect(search.json()).toMatchObject({ status: 200 });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', body: '{"zoek":"bomen"}', headers: { 'content-type': 'application/json' } });
    const getWithBody = await tryIt(SEARCHING, { method: 'GET', url: apiUrl('/dingen'), body: 'x' });
    expect(getWithBody.json()).toMatchObject({ status: 400, code: 'CAT_TRY_METHOD', detail: 'a GET request has no body' });
    const record = (await app.inject({ method: 'GET', url: `/v1/dataservices/${recordId(SEARCHING)}` })).json<{ tryIt: unknown }>();
    expect(record.tryIt).toEqual({ on: true, methods: ['POST'] });
  });

  it('offers the document as a YAML download and as a Postman collection of its operations', async () => {
    const yaml = await app.inject({ method: 'GET', url: `/v1/dataservices/${recordId(OPEN)}/openapi?format=yaml` });
    expect(yaml.headers['content-type']).toMatch(/^application\/yaml/);
    expect(yaml.headers['content-disposition']).toBe(`attachment; filename="${recordId(OPEN)}-openapi.yaml"`);
    expect(yaml.body).toMatch(/^openapi: 3\.0\.3$/m);
    const postman = (await app.inject({ method: 'GET', url: `/v1/dataservices/${recordId(KEYED)}/postman` })).json<{ info: { schema: string }; item: { request: { method: string; url: { raw: string }; header: { key: string; value: string }[] } }[] }>();
    expect(postman.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(postman.item.map((i) => `${i.request.method} ${i.request.url.raw}`)).toEqual([`GET ${org.origin}/api/sleutel/v1/dingen`]);
    expect(postman.item[0]!.request.header).toContainEqual({ key: 'X-Proef-Sleutel', value: '{{apiKey}}' });
  });

  it('refuses, with a problem saying why, what it must not send, and the API sees none of it', async () => {
    const before = seen.length;
    const refusals = [
      [await tryIt(OPEN, { method: 'GET', url: `${org.origin}/beheer/gebruikers` }), 400, 'CAT_TRY_URL', /url must lie under one of the API's servers: http:\/\/127\.0\.0\.1:\d+\/api\/v1/],
      [await tryIt(OPEN, { method: 'GET', url: apiUrl('/dingen'), headers: { Cookie: 'sessie=x' } }), 400, 'CAT_TRY_HEADER', /header Cookie is not sent; allowed: accept, /],
      [await tryIt(OPEN, { method: 'GET', url: apiUrl('/dingen'), headers: { Host: 'intern.example.nl' } }), 400, 'CAT_TRY_HEADER', /header Host is not sent/],
      [await tryIt(OPEN, { method: 'POST', url: apiUrl('/dingen') }), 400, 'CAT_TRY_METHOD', /method must be one of GET, HEAD/],
      [await tryIt(CLOSED, { method: 'GET', url: `${org.origin}/api/gesloten/dingen` }), 403, 'CAT_TRY_NOT_OFFERED', /only to public APIs .* RESTRICTED and security oauth2/],
    ] as const;
    for (const [res, status, code, detail] of refusals) {
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ code });
      expect(res.json<{ detail: string }>().detail).toMatch(detail);
    }
    expect(seen.length).toBe(before);
  });

  it('never connects to an address the harvest may not reach (link-local metadata, loopback not allowed)', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data/', `${other.origin}/api/dingen`]) {
      const res = await tryIt(ELSEWHERE, { method: 'GET', url });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'CAT_TRY_ADDRESS_REFUSED' });
    }
    expect(otherSeen).toBe(0);
  });

  it('does not follow a redirect to another host, cuts a 20 MB answer and a slow one', async () => {
    const redirect = await tryIt(OPEN, { method: 'GET', url: apiUrl('/weg') });
    expect(redirect.json()).toMatchObject({ status: 302, headers: { location: `${other.origin}/api/gevonden` } });
    expect(otherSeen).toBe(0);
    const big = await tryIt(OPEN, { method: 'GET', url: apiUrl('/groot') });
    expect(big.statusCode).toBe(502);
    expect(big.json()).toMatchObject({ code: 'CAT_TRY_TOO_LARGE' });
    const slow = await tryIt(OPEN, { method: 'GET', url: apiUrl('/traag') });
    expect(slow.statusCode).toBe(504);
    expect(slow.json()).toMatchObject({ code: 'CAT_TRY_TIMEOUT' });
  });

  it('lets one client try at most its share a minute: of 100 tries in a second, the API gets the first ones only', async () => {
    const before = seen.length;
    const answers = await Promise.all(Array.from({ length: 100 }, () => app.inject({
      method: 'POST', url: `/v1/dataservices/${recordId(OPEN)}/try`, payload: { method: 'GET', url: apiUrl('/dingen') }, remoteAddress: '10.0.0.99',
    })));
    const ok = answers.filter((a) => a.statusCode === 200).length;
    const limited = answers.filter((a) => a.statusCode === 429);
    expect(ok).toBe(30);
    expect(limited).toHaveLength(70);
    expect(Number(limited[0]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited[0]!.json()).toMatchObject({ code: 'CAT_TRY_RATE_LIMITED' });
    expect(seen.length - before).toBe(30);
  });
});
