import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordId } from '@fedcat/catalogue';
import { localServer } from '@fedcat/harvester/testing';
import { harvestedApp } from './support.js';

// An organisation as the demo publishes it: no OIN in its own description, but FSC coordinates on its API (so the
// directory takes it for that peer), and an OpenAPI description that cannot be fetched. Every answer a gateway or a
// page reads must then say the same: the OIN the directory knows, and a lifecycle nobody knows.
const ORG = 'https://identifier.overheid.nl/tooi/id/waterschap/ws0999';
const API = 'https://data.ws0999.example.nl/id/api/peilen';
const PEER = '00000001009999999000';

let org: Awaited<ReturnType<typeof localServer>>;
let harvested: Awaited<ReturnType<typeof harvestedApp>>;

const catalogue = (origin: string) => `
@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>. @prefix foaf: <http://xmlns.com/foaf/0.1/>.
@prefix fedcat: <https://w3id.org/fedcat/ns#>.
<${ORG}> a foaf:Organization; foaf:name "Waterschap Voorbeeld"@nl.
<${API}> a dcat:DataService; dct:title "Peilen API"@nl; dct:description "Waterpeilen per meetpunt."@nl; dct:publisher <${ORG}>;
  dcat:endpointURL <${origin}/api/peilen/v1>; dcat:endpointDescription <${origin}/api/peilen/v1/openapi.json>;
  fedcat:fscService [ a fedcat:FscService; fedcat:fscGroup "fsc-demo"; fedcat:peerId "${PEER}"; fedcat:serviceName "peilen" ].`;

beforeAll(async () => {
  org = await localServer((req, res) => {
    if (req.url === '/catalogue.ttl') return void res.writeHead(200, { 'content-type': 'text/turtle' }).end(catalogue(org.origin));
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  harvested = await harvestedApp([{ id: 'ws0999', url: `${org.origin}/catalogue.ttl`, profile: 'dcat-ap-3.0.1' }], { FEDCAT_HARVEST_ALLOW_PRIVATE: org.hostPort, FEDCAT_SERVICE_CHECK: 'true' });
}, 60_000);
afterAll(async () => {
  await harvested?.close();
  await org?.close();
});

const json = async (url: string) => {
  const res = await harvested.app.inject({ method: 'GET', url });
  expect(res.statusCode, url).toBe(200);
  return res.json() as any;
};

describe('what a gateway reads about one organisation and its API', () => {
  it('names the same OINs in /v1/resolve as /v1/organisations, and in the record', async () => {
    const organisation = (await json('/v1/organisations')).organisations.find((o: { iri: string }) => o.iri === ORG);
    expect(organisation.oins).toEqual([PEER]);
    const resolved = await json(`/v1/resolve?service=${encodeURIComponent(API)}`);
    expect(resolved.service.publisher).toEqual({ uri: ORG, name: 'Waterschap Voorbeeld', oins: organisation.oins });
  });

  it('calls the lifecycle of an API whose description could not be fetched unknown everywhere, not active', async () => {
    const resolved = await json(`/v1/resolve?service=${encodeURIComponent(API)}`);
    expect(resolved.openapi).toMatchObject({ status: 'unreachable' });
    expect(resolved.lifecycle).toBeNull();
    const record = await json(`/v1/dataservices/${recordId(API)}`);
    expect(record.api).toMatchObject({ status: 'unreachable', lifecycle: null });
  });
});
