import { createHash } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Validator } from '@fedcat/shapes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runnerDeps, genidBase, harvestAll, loadConfig, openRuntime, type Runtime } from '../src/index.js';

const dataset = (n: number, title = `Dataset ${n}`) => `<https://x.nl/d${n}> a dcat:Dataset; dct:title "${title}"@nl; dct:description "Beschrijving ${n}"@nl;
  dcat:distribution [ a dcat:Distribution; dcat:accessURL <https://x.nl/${n}.csv> ].`;
const catalogue = (body: string) => `@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>.\n${body}`;

let body = catalogue([1, 2, 3].map((n) => dataset(n)).join('\n'));
let useEtag = true;
let requests = 0;
let dir: string;
let runtime: Runtime;
let validations = 0;
const server = createServer((req, res) => {
  requests++;
  const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
  if (useEtag && req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
  res.writeHead(200, { 'content-type': 'text/turtle', ...(useEtag ? { etag } : {}) }).end(body);
});

async function harvest() {
  const real = await runtime.validators.profile(null);
  // The real validator, counted: every record (dataset node in focus) is validation work the harvest chose to do.
  const validator: Validator = { profile: real.profile, validate: (d, o) => {
    validations += [...(o?.focus ?? [])].filter((f) => /^https:\/\/x\.nl\/d\d$/.test(f)).length;
    return real.validate(d, o);
  } };
  const config = loadConfig({ FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: 'true' });
  const [outcome] = await harvestAll(await runtime.sources.list(), await runnerDeps(runtime, config, { enrich: false, validators: { profile: async () => validator } }));
  return outcome!;
}
const titles = async () => (await runtime.search.search({ sort: 'title:asc' })).hits.map((h) => h.document.title);

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  dir = await mkdtemp(join(tmpdir(), 'fedcat-incremental-'));
  // The records here are plain DCAT-AP, not DCAT-AP-NL: gated by DCAT-AP's base scenario.
  runtime = openRuntime(loadConfig({ FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_PROFILE: 'dcat-ap-3.0.1' }));
  await runtime.sources.upsert({ id: 'x', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/catalog.ttl` });
});
afterAll(async () => {
  await runtime?.close();
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('incremental harvesting', () => {
  it('harvests every record the first time', async () => {
    const o = await harvest();
    expect(o.kind === 'harvested' && o.stats.records).toEqual({ added: 3, updated: 0, unchanged: 0, removed: 0, invalid: 0 });
    expect(validations).toBe(3);
    expect(await titles()).toEqual(['Dataset 1', 'Dataset 2', 'Dataset 3']);
  });

  it('does no work when the server answers 304 Not Modified', async () => {
    validations = 0;
    const o = await harvest();
    expect(o.kind).toBe('not-modified');
    expect(validations).toBe(0);
  });

  it('stops after reading when the server sends no validators but the very same bytes', async () => {
    useEtag = false;
    validations = 0;
    const o = await harvest();
    expect(o.kind === 'not-modified' && o.by).toBe('content');
    expect(validations).toBe(0);
  });

  it('validates and indexes nothing when the bytes differ but every record hashes unchanged', async () => {
    body = `# regenerated on every request\n${body}`;
    validations = 0;
    const before = (await runtime.search.search({})).hits.map((h) => h.document.harvestedAt);
    const graphFile = join(dir, 'store', 'graphs', `${Buffer.from('urn:fedcat:source:x').toString('base64url')}.nq`);
    const written = (await stat(graphFile)).mtimeMs;
    const o = await harvest();
    expect(o.kind === 'harvested' && o.stats.records).toEqual({ added: 0, updated: 0, unchanged: 3, removed: 0, invalid: 0 });
    expect(o.kind === 'harvested' && o.changed).toBe(false);
    expect(validations).toBe(0);
    // Nothing to write: the source graph keeps the content (and provenance) of the run that produced it.
    expect((await stat(graphFile)).mtimeMs).toBe(written);
    expect((await runtime.search.search({})).hits.map((h) => h.document.harvestedAt)).toEqual(before);
  });

  it('updates exactly the record that changed', async () => {
    body = catalogue([dataset(1), dataset(2, 'Dataset twee'), dataset(3)].join('\n'));
    validations = 0;
    const o = await harvest();
    expect(o.kind === 'harvested' && o.stats.records).toEqual({ added: 0, updated: 1, unchanged: 2, removed: 0, invalid: 0 });
    expect(validations).toBe(1);
    expect(await titles()).toEqual(['Dataset 1', 'Dataset 3', 'Dataset twee']);
  });

  it('removes a record gone from the source from store and index', async () => {
    body = catalogue([dataset(1), dataset(2, 'Dataset twee')].join('\n'));
    const o = await harvest();
    expect(o.kind === 'harvested' && o.stats.records).toEqual({ added: 0, updated: 0, unchanged: 2, removed: 1, invalid: 0 });
    expect(await titles()).toEqual(['Dataset 1', 'Dataset twee']);
    await runtime.store.ready();
    const ask = await runtime.store.query('ASK { <https://x.nl/d3> ?p ?o }', { solutions: 'application/sparql-results+json', graph: 'text/turtle' });
    expect(JSON.parse(ask.body).boolean).toBe(false);
  });

  it('quarantines a record that starts failing a gating shape, and says why', async () => {
    body = catalogue(`${dataset(1)}\n<https://x.nl/d2> a dcat:Dataset; dct:description "zonder titel"@nl.`);
    const o = await harvest();
    expect(o.kind === 'harvested' && o.stats.records).toMatchObject({ invalid: 1, unchanged: 1 });
    expect(o.kind === 'harvested' && o.stats.problems[0]).toMatchObject({ record: 'https://x.nl/d2', results: [expect.objectContaining({ path: 'http://purl.org/dc/terms/title' })] });
    expect(await titles()).toEqual(['Dataset 1']);
    const inQuarantine = await runtime.store.query('ASK { GRAPH <urn:fedcat:quarantine:x> { <https://x.nl/d2> ?p ?o } }', { solutions: 'application/sparql-results+json', graph: 'text/turtle' });
    expect(JSON.parse(inQuarantine.body).boolean).toBe(true);
    const inUnion = await runtime.store.query('ASK { <https://x.nl/d2> ?p ?o }', { solutions: 'application/sparql-results+json', graph: 'text/turtle' });
    expect(JSON.parse(inUnion.body).boolean).toBe(false);
  });

  it('keeps the run history, newest first', async () => {
    const history = await runtime.runs.history('x');
    expect(history.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded', 'unchanged', 'unchanged', 'succeeded']);
    expect(requests).toBeGreaterThanOrEqual(7);
  });

  it('answers "what changed since" in SPARQL, from the source\'s catalogue records and runs graphs', async () => {
    const runs = await runtime.runs.history('x');
    const [removedD2At, removedD3At, updatedAt, , , , firstAt] = runs.map((r) => r.startedAt);
    const changedSince = async (since: string) => {
      const answer = await runtime.store.query(`PREFIX dct: <http://purl.org/dc/terms/> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        PREFIX adms: <http://www.w3.org/ns/adms#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        SELECT ?record ?change ?at WHERE { GRAPH <urn:fedcat:history:x> { ?cr foaf:primaryTopic ?record; adms:status ?change; dct:modified ?at } FILTER(?at >= "${since}"^^xsd:dateTime) } ORDER BY ?record`,
        { solutions: 'application/sparql-results+json', graph: 'text/turtle' });
      return (JSON.parse(answer.body) as { results: { bindings: Record<string, { value: string }>[] } }).results.bindings
        .map((b) => [b.record!.value.slice(-2), b.change!.value.split('/').pop(), new Date(b.at!.value).toISOString()]);
    };
    expect(await changedSince(firstAt!)).toEqual([['d1', 'created', firstAt], ['d2', 'deleted', removedD2At], ['d3', 'deleted', removedD3At]]);
    expect(await changedSince(updatedAt!)).toEqual([['d2', 'deleted', removedD2At], ['d3', 'deleted', removedD3At]]);
    const count = await runtime.store.query('SELECT (COUNT(?r) AS ?n) WHERE { GRAPH <urn:fedcat:runs:x> { ?r a <https://w3id.org/fedcat/ns#HarvestRun>; <https://w3id.org/fedcat/ns#outcome> ?o } }',
      { solutions: 'application/sparql-results+json', graph: 'text/turtle' });
    expect(JSON.parse(count.body).results.bindings[0].n.value).toBe(String(runs.length));
  });

  it('keeps the history out of the default graph that listings and searches use', async () => {
    const ask = await runtime.store.query('ASK { ?cr a <http://www.w3.org/ns/dcat#CatalogRecord> }', { solutions: 'application/sparql-results+json', graph: 'text/turtle' });
    expect(JSON.parse(ask.body).boolean).toBe(false);
  });
});
