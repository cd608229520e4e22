import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { Parser } from 'n3';
import { parse as parseYaml } from 'yaml';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadValidator, profileById } from '@fedcat/shapes';
import { recordId } from '@fedcat/catalogue';
import { localServer } from '@fedcat/harvester/testing';
import { harvestedApp } from './support.js';

// Acceptance of the service directory: a demo organisation serves, from loopback, its DCAT catalogue with two data
// services, their OpenAPI documents (one breaking several design rules), an FSC Directory and a PDP's metadata.
// fedcat harvests it all; access conditions, lifecycle, design rules, FSC links and resolutions are then exactly these.

const FIXTURES = new URL('../../test/fixtures/service-directory/', import.meta.url);
const FSC_SPEC = new URL('../../../shared/reference/specs/fsc/fsc-core-manager.yaml', import.meta.url);
const fixture = (name: string) => readFile(new URL(name, FIXTURES), 'utf8');
const PARKEREN = 'https://data.voorbeeldstad.example.nl/id/api/parkeren';
const VERGUNNINGEN = 'https://data.voorbeeldstad.example.nl/id/api/vergunningen';
const DATASET = 'https://data.voorbeeldstad.example.nl/id/dataset/parkeerzones';
const ORG = 'https://identifier.overheid.nl/tooi/id/gemeente/gm9999';
const OIN = '00000001001234567000';

let org: Awaited<ReturnType<typeof localServer>>;
let harvested: Awaited<ReturnType<typeof harvestedApp>>;
let app: FastifyInstance;
let base: string;
let adminToken: string;
let parkerenPath = '/api/parkeren/v1';
const served: Record<string, string> = {};

const withOrigin = (text: string) => text.replaceAll('{{origin}}', org.origin);

beforeAll(async () => {
  org = await localServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => void res.writeHead(status, { 'content-type': type, ...headers }).end(body);
    switch (url.pathname) {
      case '/catalogue.ttl': return send(200, 'text/turtle', withOrigin(await fixture('catalogue.ttl')).replaceAll('/api/parkeren/v1', parkerenPath));
      case `${parkerenPath}/openapi.json`: return send(200, 'application/json', served.parkeren = withOrigin(await fixture('parkeren-openapi.json')).replaceAll('/api/parkeren/v1', parkerenPath), { 'access-control-allow-origin': '*' });
      case '/docs/vergunningen.yaml': return send(200, 'application/yaml', served.vergunningen = withOrigin(await fixture('vergunningen-openapi.yaml')));
      case '/pdp/.well-known/authzen-configuration': return send(200, 'application/json', withOrigin(await fixture('authzen-configuration.json')));
      case '/fsc/v1/peers': return send(200, 'application/json', await fixture('fsc-peers.json'));
      case '/fsc/v1/services': return send(200, 'application/json', await fixture(url.searchParams.get('cursor') === 'page-2' ? 'fsc-services-2.json' : 'fsc-services-1.json'));
      default: return send(404, 'text/plain', 'not here');
    }
  });
  harvested = await harvestedApp([], { FEDCAT_HARVEST_ALLOW_PRIVATE: org.hostPort, FEDCAT_SERVICE_CHECK: 'true' });
  const { runtime } = harvested;
  await runtime.sources.upsert({ id: 'voorbeeldstad', url: `${org.origin}/catalogue.ttl`, org: ORG });
  await runtime.sources.upsert({ id: 'fsc-demo-directory', url: `${org.origin}/fsc/v1`, kind: 'fsc-directory', fscGroup: 'fsc-demo' });
  adminToken = runtime.tokens.create({ role: 'admin', name: 'operators' }, { kind: 'cli', user: 'test' }).token;
  app = harvested.app;
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  for (const id of ['voorbeeldstad', 'fsc-demo-directory']) await harvestNow(id);
  // The directory rebuilds a moment after the store changed: wait until it holds both harvests.
  await waitUntil('the directory holds the FSC listings and the API descriptions', async () => {
    const services = await fetch(`${base}/v1/fsc/groups/fsc-demo/services`);
    const api = (await (await fetch(`${base}/v1/dataservices/${recordId(VERGUNNINGEN)}`)).json() as { api?: unknown }).api;
    return services.status === 200 && Boolean(api);
  });
}, 60_000);
afterAll(async () => {
  await harvested?.close();
  await org?.close();
});

/** Waits until `check` holds (checked every 50 ms), or fails after `timeoutMs`. */
async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Asks for a harvest through the API and waits until its run is recorded. */
async function harvestNow(id: string): Promise<void> {
  const lastRun = async () => (await (await fetch(`${base}/v1/sources/${id}`)).json() as { lastRun: { id: string } | null }).lastRun?.id ?? null;
  const before = await lastRun();
  const res = await fetch(`${base}/v1/sources/${id}/harvests`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } });
  if (res.status !== 202) throw new Error(`harvest of ${id} not started: ${res.status} ${await res.text()}`);
  await waitUntil(`${id} is harvested`, async () => (await lastRun()) !== before);
}

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}${path}`, { headers });
  return { status: res.status, headers: res.headers, body: res.status === 304 ? null : await res.json() as any };
};

describe('after harvesting a demo organisation, its FSC Directory and its PDP', () => {
  it('lists both data services with their OpenAPI summary, lifecycle and design-rule findings', async () => {
    await expect.poll(async () => (await get(`/v1/dataservices/${recordId(VERGUNNINGEN)}`)).body?.api?.status, { timeout: 5000 }).toBe('valid');
    const parkeren = (await get(`/v1/dataservices/${recordId(PARKEREN)}`)).body;
    expect(parkeren.api).toMatchObject({
      descriptionUrl: `${org.origin}/api/parkeren/v1/openapi.json`, status: 'valid', httpStatus: 200, openapiVersion: '3.0.3', title: 'Parkeren API', version: '1.2.0',
      servers: [{ url: `${org.origin}/api/parkeren/v1`, description: 'productie' }], authTypes: ['oauth2'],
      lifecycle: { status: 'active', deprecated: null, sunset: null }, designRules: { score: 100 },
      sha256: createHash('sha256').update(served.parkeren!).digest('hex'),
    });
    expect(parkeren.api.designRules.findings.every((f: { passed: boolean }) => f.passed)).toBe(true);
    const vergunningen = (await get(`/v1/dataservices/${recordId(VERGUNNINGEN)}`)).body;
    expect(vergunningen.api).toMatchObject({
      status: 'valid', version: 'v2', authTypes: ['api_key', 'basic'], lifecycle: { status: 'sunset', deprecated: '2026-01-01', sunset: '2099-12-31' },
      designRules: { score: 9 },
    });
    expect(vergunningen.api.designRules.findings.filter((f: { passed: boolean }) => !f.passed).map((f: { rule: string }) => f.rule)).toEqual([
      '/core/doc-openapi-contact', '/core/error-handling/problem-details', '/core/http-methods', '/core/no-trailing-slash',
      '/core/path-segments-kebab-case', '/core/publish-openapi', '/core/query-keys-camel-case', '/core/semver', '/core/uri-version', '/core/version-header',
    ]);
    expect(vergunningen.policyDecisionPoints).toEqual([{
      metadataUrl: `${org.origin}/pdp/.well-known/authzen-configuration`, profile: 'NLGov AuthZEN 1.0', status: 'valid',
      policyDecisionPoint: `${org.origin}/pdp`, accessEvaluationEndpoint: `${org.origin}/pdp/access/v1/evaluation`, problems: [],
    }]);
  });

  it('assembles the access conditions of a restricted API from what the publisher wrote and what fedcat checked', async () => {
    const { status, body } = await get(`/v1/dataservices/${recordId(VERGUNNINGEN)}/access-conditions`);
    expect(status).toBe(200);
    expect(body).toEqual({
      resource: { id: recordId(VERGUNNINGEN), iri: VERGUNNINGEN, type: 'DataService', title: 'Vergunningen API' },
      accessRights: 'http://publications.europa.eu/resource/authority/access-right/RESTRICTED',
      licenses: ['http://standaarden.overheid.nl/owms/terms/geslotenlicentie'],
      rights: [{ label: 'Gebruik alleen voor de vergunningverlening (Omgevingswet, art. 16.1)' }],
      applicableLegislation: ['https://wetten.overheid.nl/jci1.3:c:BWBR0037885'],
      legalBasis: ['https://w3id.org/dpv#PublicInterest'],
      purposes: ['https://w3id.org/dpv#ServiceProvision'],
      processingActivities: ['https://rvva.voorbeeldstad.example.nl/processing_activities/vergunningverlening/versions/3'],
      connectivity: { fsc: [{
        groupId: 'fsc-demo', peerId: OIN, serviceName: 'vergunningen', regulatedArea: 'omgevingswet', membershipAdministrator: '00000001005555555000',
        publishedInDirectory: true, providerManagerAddress: 'https://fsc.voorbeeldstad.example.nl:8443',
        resolve: `/v1/fsc/resolve?group_id=fsc-demo&peer_id=${OIN}&service_name=vergunningen`,
      }] },
      authorization: [{
        profile: 'NLGov AuthZEN 1.0', metadataUrl: `${org.origin}/pdp/.well-known/authzen-configuration`,
        metadata: { policy_decision_point: `${org.origin}/pdp`, access_evaluation_endpoint: `${org.origin}/pdp/access/v1/evaluation` },
        check: { status: 'valid', checkedAt: expect.any(String) },
        subjectTypes: ['https://voorbeeldstad.example.nl/mim#Peer'], resourceTypes: ['https://voorbeeldstad.example.nl/mim#Vergunning'], actions: ['GET'],
        requiredActionProperties: ['processing_activity_id'], requiredContext: ['time', 'traceparent'],
        informationModel: 'https://voorbeeldstad.example.nl/mim/vergunningen',
      }],
      contact: { name: 'Team Parkeren', email: 'parkeren-api@voorbeeldstad.example.nl', url: 'https://voorbeeldstad.example.nl/api/parkeren' },
      publisher: { uri: ORG, name: 'Gemeente Voorbeeldstad' },
    });
  });

  it('leaves out what a source does not give, and gives a dataset its distributions and the APIs they are reached through', async () => {
    const parkeren = (await get(`/v1/dataservices/${recordId(PARKEREN)}/access-conditions`)).body;
    for (const absent of ['legalBasis', 'purposes', 'processingActivities', 'policies', 'authorization', 'rights', 'applicableLegislation']) expect(parkeren).not.toHaveProperty(absent);
    expect(parkeren.accessRights).toBe('http://publications.europa.eu/resource/authority/access-right/PUBLIC');
    const dataset = (await get(`/v1/datasets/${recordId(DATASET)}/access-conditions`)).body;
    expect(dataset.distributions).toEqual([{
      iri: 'https://data.voorbeeldstad.example.nl/id/distributie/parkeerzones-api', title: 'Parkeerzones via de Parkeren API',
      licenses: ['http://creativecommons.org/publicdomain/zero/1.0/deed.nl'], policies: ['https://voorbeeldstad.example.nl/beleid/parkeerzones-hergebruik'],
      accessUrls: [`${org.origin}/api/parkeren/v1`],
      accessServices: [{ id: recordId(PARKEREN), iri: PARKEREN, title: 'Parkeren API', accessRights: 'http://publications.europa.eu/resource/authority/access-right/PUBLIC', accessConditions: `/v1/dataservices/${recordId(PARKEREN)}/access-conditions` }],
    }]);
    expect((await get('/v1/dataservices/0123456789abcdef/access-conditions')).status).toBe(404);
  });

  it('links FSC Directory listings to the data services that describe them, and the organisation to its OIN and peer', async () => {
    const { body } = await get('/v1/fsc/groups/fsc-demo/services?sort_order=SORT_ORDER_ASCENDING');
    expect(body.services.map((s: any) => [s.data.peer.id, s.data.name, s.catalogue?.dataservice_uri ?? null])).toEqual([
      [OIN, 'parkeren', PARKEREN], [OIN, 'vergunningen', VERGUNNINGEN], ['00000001009876543000', 'adressen', null],
    ]);
    expect(body.services[2].data.delegator).toEqual({ peer_id: OIN, peer_name: 'Gemeente Voorbeeldstad' });
    expect(body.pagination).toEqual({ next_cursor: '' });
    const paged = (await get('/v1/fsc/groups/fsc-demo/services?limit=2')).body;
    expect(paged.services.map((s: any) => s.data.name)).toEqual(['adressen', 'vergunningen']);
    const rest = (await get(`/v1/fsc/groups/fsc-demo/services?limit=2&cursor=${paged.pagination.next_cursor}`)).body;
    expect(rest).toMatchObject({ services: [{ data: { name: 'parkeren' } }], pagination: { next_cursor: '' } });
    expect((await get('/v1/fsc/groups/fsc-demo/peers?peer_name=voorbeeld&sort_order=SORT_ORDER_ASCENDING')).body.peers).toEqual([
      { id: OIN, name: 'Gemeente Voorbeeldstad', manager_address: 'https://fsc.voorbeeldstad.example.nl:8443', catalogue: { tooi_uri: [ORG] } },
      { id: '00000001005555555000', name: 'Directory Voorbeeldgroep', manager_address: 'https://directory.fsc-demo.example.nl:8443' },
    ]);
    const orgs = (await get('/v1/organisations')).body.organisations;
    expect(orgs.find((o: any) => o.iri === ORG)).toMatchObject({
      name: 'Gemeente Voorbeeldstad', dataServices: 2, datasets: 1, oins: [OIN],
      fscPeers: [{ groupId: 'fsc-demo', peerId: OIN, name: 'Gemeente Voorbeeldstad', managerAddress: 'https://fsc.voorbeeldstad.example.nl:8443' }],
    });
    expect((await get('/v1/fsc/groups/no-such-group/services')).status).toBe(404);
  });

  it('resolves an FSC service for an Outway: Manager, token and contract endpoints, grant properties, OAS and its hash; never a grant hash, token or Inway', async () => {
    const res = await get(`/v1/fsc/resolve?group_id=fsc-demo&peer_id=${OIN}&service_name=vergunningen`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      group_id: 'fsc-demo',
      service: { peer_id: OIN, name: 'vergunningen', protocol: 'PROTOCOL_TCP_HTTP_2', type: 'SERVICE_TYPE_SERVICE', delegator: null },
      provider_manager_address: 'https://fsc.voorbeeldstad.example.nl:8443',
      token_endpoint: 'https://fsc.voorbeeldstad.example.nl:8443/v1/token',
      contract_endpoint: 'https://fsc.voorbeeldstad.example.nl:8443/v1/contracts',
      connection_grant_types: ['GRANT_TYPE_SERVICE_CONNECTION', 'GRANT_TYPE_DELEGATED_SERVICE_CONNECTION'],
      required_grant_properties: { regulated_area_name: 'omgevingswet', membership_administrator_peer_id: '00000001005555555000' },
      regulated_area: { name: 'omgevingswet', members_url: 'https://directory.fsc-demo.example.nl:8443/v1/regulated-areas/omgevingswet/members' },
      oas_url: `${org.origin}/docs/vergunningen.yaml`,
      oas_sha256: createHash('sha256').update(served.vergunningen!).digest('hex'),
      access: { href: `/v1/dataservices/${recordId(VERGUNNINGEN)}/access-conditions` },
      catalogue: {
        dataservice_id: recordId(VERGUNNINGEN), dataservice_uri: VERGUNNINGEN, publisher_tooi: ORG,
        access_rights: 'http://publications.europa.eu/resource/authority/access-right/RESTRICTED', oas_url: `${org.origin}/docs/vergunningen.yaml`,
        lifecycle_status: 'sunset', access_conditions: `/v1/dataservices/${recordId(VERGUNNINGEN)}/access-conditions`,
      },
      source: { listed_at: expect.any(String) },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/inway|grant_hash|access_token/i);
    // Without a group: one group lists it, so it resolves; unknown services are 404 problems.
    expect((await get(`/v1/fsc/resolve?peer_id=${OIN}&service_name=parkeren`)).body.group_id).toBe('fsc-demo');
    const missing = await fetch(`${base}/v1/fsc/resolve?peer_id=${OIN}&service_name=onbekend`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('resolves a data service for a gateway without FSC: endpoints, servers per environment, OAS, auth, lifecycle, health', async () => {
    const res = await get(`/v1/resolve?service=${encodeURIComponent(PARKEREN)}`);
    expect(res.body).toEqual({
      service: { id: recordId(PARKEREN), iri: PARKEREN, title: 'Parkeren API', publisher: { uri: ORG, name: 'Gemeente Voorbeeldstad', oins: [OIN] } },
      endpoints: [`${org.origin}/api/parkeren/v1`],
      servers: [{ url: `${org.origin}/api/parkeren/v1`, description: 'productie' }],
      openapi: { url: `${org.origin}/api/parkeren/v1/openapi.json`, sha256: createHash('sha256').update(served.parkeren!).digest('hex'), status: 'valid', openapiVersion: '3.0.3', version: '1.2.0', docsUrl: 'https://voorbeeldstad.example.nl/api/parkeren/docs' },
      auth: ['oauth2'],
      lifecycle: { status: 'active', deprecated: null, sunset: null },
      health: { description: 'reachable', httpStatus: 200, checkedAt: expect.any(String) },
      accessRights: 'http://publications.europa.eu/resource/authority/access-right/PUBLIC',
      fsc: [{ groupId: 'fsc-demo', peerId: OIN, serviceName: 'parkeren', publishedInDirectory: true, resolve: `/v1/fsc/resolve?group_id=fsc-demo&peer_id=${OIN}&service_name=parkeren` }],
      accessConditions: `/v1/dataservices/${recordId(PARKEREN)}/access-conditions`,
      record: `/v1/dataservices/${recordId(PARKEREN)}`,
    });
    expect(res.headers.get('etag')).toBeTruthy();
    expect(res.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    expect((await get(`/v1/resolve?service=${recordId(PARKEREN)}&environment=test`)).body.servers).toEqual([]);
    expect((await get('/v1/resolve?service=https://nowhere.example/api')).status).toBe(404);
  });
});

describe('FSC-shaped answers', () => {
  it('validate against the schemas of fsc-core-manager.yaml', async () => {
    const spec = parseYaml(await readFile(FSC_SPEC, 'utf8')) as { paths: Record<string, any>; components: { schemas: Record<string, unknown> } };
    // Ajv supports no discriminator `mapping`; FSC's maps a listing's data.type to its schema, which is what this does.
    const listing = spec.components.schemas.serviceListing as { properties: { data: unknown } };
    listing.properties.data = {
      if: { properties: { type: { const: 'SERVICE_TYPE_DELEGATED_SERVICE' } } },
      then: { $ref: '#/components/schemas/serviceListingDelegatedService' }, else: { $ref: '#/components/schemas/serviceListingService' },
    };
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addFormat('uint32', /^\d+$/);
    ajv.addSchema({ $id: 'fsc', components: spec.components });
    const responseSchema = (path: string) => JSON.parse(JSON.stringify(spec.paths[path].get.responses['200'].content['application/json'].schema).replaceAll('"#/components/', '"fsc#/components/'));
    const services = ajv.compile(responseSchema('/services'));
    const peers = ajv.compile(responseSchema('/peers'));
    for (const path of ['/v1/fsc/groups/fsc-demo/services', '/v1/fsc/groups/fsc-demo/services?limit=1', '/v1/fsc/groups/fsc-demo/services?peer_id=00000001009876543000']) {
      const body = (await get(path)).body;
      expect(services(body), `${path}: ${JSON.stringify(services.errors)}`).toBe(true);
    }
    for (const path of ['/v1/fsc/groups/fsc-demo/peers', `/v1/fsc/groups/fsc-demo/peers?peer_id=${OIN}`]) {
      const body = (await get(path)).body;
      expect(peers(body), `${path}: ${JSON.stringify(peers.errors)}`).toBe(true);
    }
    // The schemas have teeth: a listing without its peer fails them.
    expect(services({ services: [{ type: 'SERVICE_TYPE_SERVICE', data: { type: 'SERVICE_TYPE_SERVICE', name: 'x1x', protocol: 'PROTOCOL_TCP_HTTP_1.1' } }], pagination: { next_cursor: '' } })).toBe(false);
  });
});

describe('the data service as RDF', () => {
  it('passes the DCAT-AP-NL 3.0 shapes as Turtle, and JSON-LD says the same', async () => {
    const validator = await loadValidator(profileById('dcat-ap-nl-3.0')!);
    for (const iri of [PARKEREN, VERGUNNINGEN]) {
      const res = await fetch(`${base}/v1/dataservices/${recordId(iri)}`, { headers: { accept: 'text/turtle' } });
      expect(res.headers.get('content-type')).toMatch(/^text\/turtle/);
      const quads = new Parser({ baseIRI: base }).parse(await res.text());
      const summary = await validator.validate(quads);
      // Gating shapes (cardinalities, literals, node kinds) find nothing; ranges on resources described elsewhere
      // (the served dataset, licence documents) only advise.
      expect(summary.results.filter((r) => r.severity === 'violation').map((r) => `${r.focusNode} ${r.path} ${r.message}`)).toEqual([]);
      expect(summary.violations).toBe(0);
      expect(summary.accepted).toBe(true);
      const jsonld = await fetch(`${base}/v1/dataservices/${recordId(iri)}`, { headers: { accept: 'application/ld+json' } });
      expect(jsonld.headers.get('content-type')).toMatch(/^application\/ld\+json/);
      const { parseRdf } = await import('@fedcat/harvester');
      expect((await parseRdf(await jsonld.text(), 'json-ld', base, 'test')).length).toBe(quads.length);
    }
  });
});

describe('gateway caches', () => {
  it('see a changed endpoint within one harvest run, by polling and on the event stream, and get 304 for an unchanged resolution', async () => {
    const vergunningen = await get(`/v1/resolve?service=${recordId(VERGUNNINGEN)}`);
    const etag = vergunningen.headers.get('etag')!;
    expect((await get(`/v1/resolve?service=${recordId(VERGUNNINGEN)}`, { 'if-none-match': etag })).status).toBe(304);
    const since = (await get('/v1/changes')).body.next;
    // A listener on the event stream, from now on.
    const controller = new AbortController();
    const stream = await fetch(`${base}/v1/changes/stream?since=${since}`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events: string[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) events.push(decoder.decode(chunk));
    })().catch(() => undefined);

    parkerenPath = '/api/parkeren/v2';
    await harvestNow('voorbeeldstad');
    await expect.poll(async () => (await get(`/v1/changes?since=${since}`)).body.changes.map((c: any) => [c.service, c.change]), { timeout: 5000 })
      .toEqual([[recordId(PARKEREN), 'changed']]);
    const resolved = await get(`/v1/resolve?service=${recordId(PARKEREN)}`);
    expect(resolved.body.endpoints).toEqual([`${org.origin}/api/parkeren/v2`]);
    const change = (await get(`/v1/changes?since=${since}`)).body.changes[0];
    expect(change.etag).toBe(resolved.headers.get('etag'));
    await expect.poll(() => events.join(''), { timeout: 5000 }).toContain(`"service":"${recordId(PARKEREN)}"`);
    expect(events.join('')).toMatch(/event: changed\n/);
    controller.abort();
    await reading;
    // The other service did not change: its ETag still holds.
    expect((await get(`/v1/resolve?service=${recordId(VERGUNNINGEN)}`, { 'if-none-match': etag })).status).toBe(304);
    parkerenPath = '/api/parkeren/v1';
  }, 40_000);
});
