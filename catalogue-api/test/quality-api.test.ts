import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordId } from '@fedcat/catalogue';
import { harvestedApp } from './support.js';

let server: Server;
let origin = '';
let api: Awaited<ReturnType<typeof harvestedApp>>;
const headsFor: string[] = [];

/** A municipality's catalogue: two datasets whose links are on the same (loopback) server, one of them broken. */
const catalogue = (o: string) => `@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>. @prefix foaf: <http://xmlns.com/foaf/0.1/>.
@prefix ft: <http://publications.europa.eu/resource/authority/file-type/>.
<https://dijkstad.example.nl/org> a foaf:Agent, foaf:Organization; foaf:name "Gemeente Dijkstad".
<https://dijkstad.example.nl/bomen> a dcat:Dataset; dct:title "Bomen"@nl; dct:description "Bomen in de stad"@nl;
  dcat:keyword "bomen"@nl; dct:publisher <https://dijkstad.example.nl/org>;
  dcat:distribution <https://dijkstad.example.nl/bomen/csv>.
<https://dijkstad.example.nl/bomen/csv> a dcat:Distribution; dcat:accessURL <${o}/bomen>; dcat:downloadURL <${o}/bomen.csv>;
  dct:format ft:CSV; dct:license <http://publications.europa.eu/resource/authority/licence/CC0>.
<https://dijkstad.example.nl/afval> a dcat:Dataset; dct:title "Afval"@nl; dct:description "Afvalinzameling"@nl;
  dct:publisher <https://dijkstad.example.nl/org>;
  dcat:distribution <https://dijkstad.example.nl/afval/pdf>.
<https://dijkstad.example.nl/afval/pdf> a dcat:Distribution; dcat:accessURL <${o}/weg>; dct:format ft:PDF.`;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/catalogue.ttl') return void res.writeHead(200, { 'content-type': 'text/turtle' }).end(catalogue(origin));
    if (req.method === 'HEAD') headsFor.push(req.url ?? '');
    res.writeHead(req.url === '/weg' ? 404 : 200).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = await harvestedApp([{ id: 'dijkstad', url: `${origin}/catalogue.ttl` }],
    // The catalogue is plain DCAT-AP: its compliance indicator is computed by hand against DCAT-AP 3.0.1.
    { FEDCAT_HARVEST_ALLOW_PRIVATE: origin.slice('http://'.length), FEDCAT_LINK_CHECK: 'true', FEDCAT_HARVEST_PROFILE: 'dcat-ap-3.0.1' });
});
afterAll(async () => {
  await api.close();
  await new Promise((r) => server.close(r));
});

describe('GET /v1/datasets/{id}/quality', () => {
  it('scores a dataset per indicator from the DQV stored at harvest, links checked over HTTP', async () => {
    expect(headsFor.sort()).toEqual(['/bomen', '/bomen.csv', '/weg']);
    const res = await api.app.inject({ method: 'GET', url: `/v1/datasets/${recordId('https://dijkstad.example.nl/bomen')}/quality` });
    expect(res.statusCode).toBe(200);
    const q = res.json();
    // keywords 30 + access 50 + download 20 + download answers 30 + format 20 + vocabulary 10 + open 20 + machine-readable 20
    // + DCAT-AP compliant 30 + licence 20 + EU licence 10 + publisher 10.
    expect(q).toMatchObject({ dataset: 'https://dijkstad.example.nl/bomen', score: 270, max: 405, rating: 'good', ratingLabel: { nl: 'Goed', en: 'Good' } });
    const access = q.indicators.find((i: { id: string }) => i.id === 'accessUrlStatusCode');
    expect(access).toMatchObject({ points: 50, value: 200, measuredOn: 'https://dijkstad.example.nl/bomen/csv', explanation: { en: `met (HTTP 200 <${origin}/bomen>)` } });
    expect(q.indicators).toHaveLength(23);
  });

  it('says why a broken link costs points', async () => {
    const q = (await api.app.inject({ method: 'GET', url: `/v1/datasets/${recordId('https://dijkstad.example.nl/afval')}/quality` })).json();
    const access = q.indicators.find((i: { id: string }) => i.id === 'accessUrlStatusCode');
    expect(access).toMatchObject({ points: 0, value: 404, explanation: { nl: `niet voldaan (HTTP 404 <${origin}/weg>)` } });
    expect(q.score).toBe(20 + 10 + 20 + 30 + 10);
  });

  it('agrees with the score a SPARQL query reads from the same DQV', async () => {
    const query = `PREFIX dqv: <http://www.w3.org/ns/dqv#> SELECT ?score WHERE {
      <https://dijkstad.example.nl/bomen> dqv:hasQualityMeasurement ?m . ?m dqv:isMeasurementOf <https://piveau.eu/ns/voc#score>; dqv:value ?score }`;
    const res = await api.app.inject({ method: 'GET', url: '/sparql', query: { query }, headers: { accept: 'application/sparql-results+json' } });
    expect(res.json().results.bindings.map((b: { score: { value: string } }) => Number(b.score.value))).toEqual([270]);
  });

  it('answers 404 problem+json for an unknown dataset', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/datasets/0000000000000000/quality' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});

describe('GET /v1/sources/{id}/quality and /v1/organisations/quality', () => {
  it('gives the source’s average and how many of its datasets meet each indicator', async () => {
    const q = (await api.app.inject({ method: 'GET', url: '/v1/sources/dijkstad/quality' })).json();
    expect(q).toMatchObject({ records: 2, score: 180, rating: 'sufficient' });
    const met = Object.fromEntries(q.indicators.map((i: { id: string; met: number }) => [i.id, i.met]));
    expect(met).toMatchObject({ keywordAvailability: 1, accessUrlStatusCode: 1, formatAvailability: 2, publisherAvailability: 2, temporalAvailability: 0 });
    // Every theme, format and licence it uses is in the EU tables.
    expect(q.unmappedValues).toEqual([]);
  });

  it('gives each publisher’s average over its datasets', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/organisations/quality' });
    expect(res.json().organisations).toEqual([
      { iri: 'https://dijkstad.example.nl/org', name: 'Gemeente Dijkstad', datasets: 2, score: 180, rating: 'sufficient' }]);
  });

  it('answers 404 problem+json for an unknown source', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/sources/nope/quality' });
    expect(res.statusCode).toBe(404);
  });
});
