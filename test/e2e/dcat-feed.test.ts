import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { parseRdf } from '@fedcat/harvester';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fedcat, freePort, startFedcat, type RunningFedcat } from '../support/processes.js';
import { samplePublisher } from '../support/publisher.js';

// The DCAT feed other catalogues harvest: a real `fedcat serve` with five organisations' catalogues harvested,
// paged through over HTTP the way a harvester does it (following hydra:next).

const DCAT = 'http://www.w3.org/ns/dcat#';
const HYDRA = 'http://www.w3.org/ns/hydra/core#';
const DEMO = new URL('../../catalogue-api/demo/', import.meta.url);
const NL_SHAPES = new URL('../../../shared/reference/shapes/dcat-ap-nl-3.0.0/dcat-ap-nl-SHACL.ttl', import.meta.url);
const AP_BASE_SHAPES = new URL('../../shapes/shapes/dcat-ap-3.0.1/shapes.ttl', import.meta.url);

let dir: string;
let publisher: Awaited<ReturnType<typeof samplePublisher>>;
let server: RunningFedcat;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fedcat-feed-'));
  const demo = ['gemeente-dijkstad', 'dienst-uitkeringen', 'registratiebureau-gebouwen', 'waterschap-lage-landen'];
  publisher = await samplePublisher({
    '/geonovum.ttl': { file: 'geonovum-dcat-ap-nl-example.ttl', type: 'text/turtle' },
    ...Object.fromEntries(demo.map((d) => [`/${d}.ttl`, { file: new URL(`${d}.ttl`, DEMO).href, type: 'text/turtle' }])),
  });
  const port = await freePort();
  env = { FEDCAT_DATA_DIR: join(dir, 'a'), FEDCAT_HARVEST_ALLOW_PRIVATE: publisher.hostPort, FEDCAT_BASE_URL: `http://127.0.0.1:${port}` };
  for (const id of ['geonovum', ...demo]) {
    const added = await fedcat(['sources', 'add', `${publisher.origin}/${id}.ttl`, '--id', id, '--org', `https://example.org/org/${id}`], env);
    expect(added.code, added.stderr).toBe(0);
  }
  const harvest = await fedcat(['harvest', '--all'], env);
  expect(harvest.code, harvest.stdout + harvest.stderr).toBe(0);
  server = await startFedcat('serve', port, env);
  for (let i = 0; i < 300 && (await fetch(`${server.base}/health`).then((r) => r.json()) as { status: string }).status !== 'ok'; i++) await new Promise((r) => setTimeout(r, 100));
});
afterAll(async () => {
  await server?.stop();
  await publisher?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, accept: string) => fetch(url, { headers: { accept } });
const objects = (quads: readonly Quad[], s: string, p: string) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);

/** Reads a page as a harvester would: parse by media type, with the page's URL as base. */
async function parsePage(url: string, mediaType: string): Promise<Quad[]> {
  const res = await get(url, mediaType);
  expect(res.status, url).toBe(200);
  expect(res.headers.get('content-type')).toContain(mediaType);
  const text = await res.text();
  const syntax = ({ 'text/turtle': 'turtle', 'application/n-triples': 'n-triples', 'application/ld+json': 'json-ld', 'application/rdf+xml': 'rdf-xml' } as const)[mediaType as 'text/turtle'];
  return parseRdf(text, syntax, url, 'feed');
}

/** Every record the search index holds, as IRIs. */
async function allRecordIris(): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const res = await (await fetch(`${server.base}/v1/search?pageSize=100&page=${page}`)).json() as { hits: { document: { iri: string } }[]; total: number };
    out.push(...res.hits.map((h) => h.document.iri));
    if (out.length >= res.total) return out;
  }
}

describe('the DCAT feed at /catalog', () => {
  it('reaches every record exactly once when a client follows hydra:next, and each page reads the same in all four syntaxes', async () => {
    const catalogue = `${server.base}/catalog`;
    const seen: string[] = [];
    let url: string | undefined = `${catalogue}?pageSize=4`;
    let pages = 0;
    let total = -1;
    while (url) {
      const turtle = await parsePage(url, 'text/turtle');
      const listed = [...objects(turtle, catalogue, `${DCAT}dataset`), ...objects(turtle, catalogue, `${DCAT}service`)].sort();
      for (const mediaType of ['application/n-triples', 'application/ld+json', 'application/rdf+xml']) {
        const other = await parsePage(url, mediaType);
        expect([...objects(other, catalogue, `${DCAT}dataset`), ...objects(other, catalogue, `${DCAT}service`)].sort(), `${url} as ${mediaType}`).toEqual(listed);
        expect(other.length, `${url} as ${mediaType}`).toBe(turtle.length);
      }
      // Every record listed comes with its description.
      for (const iri of listed) expect(turtle.filter((q) => q.subject.value === iri).length, iri).toBeGreaterThan(3);
      total = Number(objects(turtle, catalogue, `${HYDRA}totalItems`)[0]);
      seen.push(...listed);
      const view = objects(turtle, catalogue, `${HYDRA}view`)[0]!;
      url = objects(turtle, view, `${HYDRA}next`)[0];
      pages++;
    }
    const all = await allRecordIris();
    expect(all.length).toBe(19);
    expect(total).toBe(all.length);
    expect(pages).toBe(Math.ceil(all.length / 4));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual([...all].sort());
  });

  it('names one dct:hasPart sub-catalogue per source on a page, listing that source\'s records', async () => {
    const quads = await parsePage(`${server.base}/catalog?pageSize=100`, 'text/turtle');
    const parts = objects(quads, `${server.base}/catalog`, 'http://purl.org/dc/terms/hasPart').sort();
    expect(parts).toEqual(['dienst-uitkeringen', 'gemeente-dijkstad', 'geonovum', 'registratiebureau-gebouwen', 'waterschap-lage-landen'].map((id) => `${server.base}/catalog/sources/${id}`));
    const geonovum = `${server.base}/catalog/sources/geonovum`;
    expect(objects(quads, geonovum, 'http://purl.org/dc/terms/publisher')).toEqual(['https://example.org/org/geonovum']);
    expect(objects(quads, geonovum, `${DCAT}dataset`).length).toBeGreaterThan(0);
  });

  it('serves a source\'s page that passes the DCAT-AP-NL 3.0 shapes and the DCAT-AP 3.0.1 base shapes', async () => {
    const quads = await parsePage(`${server.base}/catalog/sources/geonovum`, 'text/turtle');
    expect(objects(quads, `${server.base}/catalog/sources/geonovum`, `${DCAT}dataset`).length).toBeGreaterThan(0);
    for (const shapesFile of [NL_SHAPES, AP_BASE_SHAPES]) {
      const shapes = new Store(new Parser().parse(await readFile(shapesFile, 'utf8')));
      const report = await new SHACLValidator(shapes).validate(new Store(quads));
      const violations = report.results.filter((r) => r.severity?.value.endsWith('#Violation'))
        .map((r) => `${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join('; ')}`);
      expect(violations, shapesFile.pathname).toEqual([]);
    }
  });

  it('keeps only records modified since a date, and only one organisation\'s records', async () => {
    const since = await parsePage(`${server.base}/catalog?modified-since=2026-10-01`, 'application/n-triples');
    const listed = [...objects(since, `${server.base}/catalog`, `${DCAT}dataset`), ...objects(since, `${server.base}/catalog`, `${DCAT}service`)];
    expect(listed.length).toBeGreaterThan(0);
    for (const iri of listed) {
      const modified = objects(since, iri, 'http://purl.org/dc/terms/modified');
      expect(modified.length, iri).toBeGreaterThan(0);
      expect(modified.some((m) => m >= '2026-10-01'), `${iri} ${modified.join()}`).toBe(true);
    }
    const org = await parsePage(`${server.base}/catalog?publisher=${encodeURIComponent('https://identifier.overheid.nl/tooi/id/gemeente/gm9991')}`, 'text/turtle');
    expect(org.filter((q) => q.predicate.value === `${DCAT}dataset` && q.subject.value === `${server.base}/catalog`).length).toBe(4);
  });

  it('answers an unknown source with 404 and an unservable Accept with 406, as problem+json', async () => {
    const missing = await get(`${server.base}/catalog/sources/nope`, 'text/turtle');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const png = await get(`${server.base}/catalog`, 'image/png');
    expect(png.status).toBe(406);
  });

  it('can be harvested by another fedcat, which finds the same records', async () => {
    const other = { FEDCAT_DATA_DIR: join(dir, 'b'), FEDCAT_HARVEST_ALLOW_PRIVATE: new URL(server.base).host };
    expect((await fedcat(['sources', 'add', `${server.base}/catalog?pageSize=5`, '--id', 'federation'], other)).code).toBe(0);
    const run = await fedcat(['harvest', '--source', 'federation'], other);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/✓ federation: 13 datasets, 6 data services.*4 pages.*records \+19 /);
  });
});
