import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordId } from '@fedcat/catalogue';
import type { Runtime } from '../src/index.js';
import { harvestedApp } from './support.js';

const PREFIXES = '@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>. @prefix adms: <http://www.w3.org/ns/adms#>. @prefix skos: <http://www.w3.org/2004/02/skos/core#>.\n';
const PARKING = `<https://dijkstad.nl/id/parkeren> a dcat:Dataset; dct:title "Parkeerzones"@nl; dct:description "Zones en tarieven"@nl;
  dct:identifier "PZ-2026"; dcat:landingPage <https://dijkstad.nl/parkeren/>.`;
const CATALOGUES: Record<string, string> = {
  // The municipality publishes its dataset.
  '/dijkstad.ttl': PARKING,
  // A province re-publishes the same record, and registers a copy under its own IRI with the same identifier.
  '/provincie.ttl': `${PARKING}
<https://provincie.nl/id/parkeerzones-dijkstad> a dcat:Dataset; dct:title "Parkeerzones Dijkstad"@nl; dct:description "Overgenomen"@nl;
  adms:identifier [ a adms:Identifier; skos:notation "PZ-2026" ].
<https://provincie.nl/id/wegen> a dcat:Dataset; dct:title "Provinciale wegen"@nl; dct:description "Wegen"@nl; dcat:landingPage <https://provincie.nl/wegen>.`,
  // A third portal links to the municipality's landing page only.
  '/portaal.ttl': `<https://portaal.nl/d/1> a dcat:Dataset; dct:title "Parkeren"@nl; dct:description "Zie de gemeente"@nl; dcat:landingPage <https://dijkstad.nl/parkeren#top>.`,
};

let server: Server;
let harvested: Awaited<ReturnType<typeof harvestedApp>> | undefined;
let runtime: Runtime;
let app: FastifyInstance;

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = CATALOGUES[req.url ?? ''];
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/turtle' }).end(PREFIXES + body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  harvested = await harvestedApp(Object.keys(CATALOGUES).map((path) => ({ id: path.slice(1, -4), url: `${origin}${path}` })), { FEDCAT_HARVEST_ALLOW_PRIVATE: 'true', FEDCAT_HARVEST_PROFILE: 'dcat-ap-3.0.1' });
  ({ runtime, app } = harvested);
});
afterAll(async () => {
  await harvested?.close();
  server.close();
});

describe('the same or a similar record from several sources', () => {
  it('keeps a record published by two sources in both source graphs, each with its provenance', async () => {
    const answer = await runtime.store.query(`PREFIX prov: <http://www.w3.org/ns/prov#>
      SELECT ?g ?run WHERE { GRAPH ?g { <https://dijkstad.nl/id/parkeren> a ?t . ?g prov:wasGeneratedBy ?run } } ORDER BY ?g`,
      { solutions: 'application/sparql-results+json', graph: 'text/turtle' });
    const rows = (JSON.parse(answer.body) as { results: { bindings: { g: { value: string }; run: { value: string } }[] } }).results.bindings;
    expect(rows.map((r) => r.g.value)).toEqual(['urn:fedcat:source:dijkstad', 'urn:fedcat:source:provincie']);
    expect(rows.every((r) => r.run.value.startsWith('urn:fedcat:run:'))).toBe(true);
  });

  it('flags records of other sources sharing the IRI, an identifier or the landing page as possible duplicates', async () => {
    const res = await app.inject({ url: `/v1/datasets/${recordId('https://dijkstad.nl/id/parkeren')}` });
    expect(res.statusCode).toBe(200);
    const found = (res.json().possibleDuplicates as { iri: string; source: string; sharedKeys: string[] }[]).map((d) => [d.source, d.iri, d.sharedKeys]);
    expect(found).toEqual([
      ['portaal', 'https://portaal.nl/d/1', ['landingPage:https://dijkstad.nl/parkeren']],
      ['provincie', 'https://dijkstad.nl/id/parkeren', ['identifier:PZ-2026', 'identifier:https://dijkstad.nl/id/parkeren', 'landingPage:https://dijkstad.nl/parkeren']],
      ['provincie', 'https://provincie.nl/id/parkeerzones-dijkstad', ['identifier:PZ-2026']],
    ]);
  });

  it('flags nothing for a record no other source shares anything with', async () => {
    const res = await app.inject({ url: `/v1/datasets/${recordId('https://provincie.nl/id/wegen')}` });
    expect(res.json().possibleDuplicates).toEqual([]);
  });
});
