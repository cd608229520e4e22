import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoPublisher, type DemoPublisher } from '@fedcat/catalogue-api/testing';
import { Parser, Writer } from 'n3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fedcat, freePort, startFedcat, type RunningFedcat } from '../support/processes.js';
import { describeWithVirtuoso, emptyStore, storeEnv } from '../support/virtuoso.js';

const dirs: string[] = [];
const servers: RunningFedcat[] = [];
let publisher: DemoPublisher;

/** A data directory with the four demo organisations registered as sources. */
async function registered(env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const dir = await mkdtemp(join(tmpdir(), 'fedcat-virtuoso-'));
  dirs.push(dir);
  // One public base for every process on the data (as behind a load balancer): links do not follow each one's port.
  const withDir = { ...env, FEDCAT_BASE_URL: 'https://catalogus.fedcat.test', FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: publisher.origin.slice('http://'.length), FEDCAT_LINK_CHECK: 'false', FEDCAT_SERVICE_CHECK: 'false' };
  for (const file of publisher.files) {
    const added = await fedcat(['sources', 'add', `${publisher.origin}/${file}`, '--id', file.replace(/\.ttl$/, '')], withDir);
    expect(added.code, added.stderr).toBe(0);
  }
  return withDir;
}

async function serve(env: NodeJS.ProcessEnv): Promise<RunningFedcat> {
  const server = await startFedcat('serve', await freePort(), env);
  servers.push(server);
  return server;
}

const json = async (base: string, path: string) => {
  const res = await fetch(`${base}${path}`);
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return res.json() as Promise<any>;
};
const sparql = async (base: string, query: string) => {
  const res = await fetch(`${base}/sparql`, { method: 'POST', headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' }, body: query });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json() as any).results.bindings as Record<string, { value: string }>[];
};

beforeAll(async () => { publisher = await startDemoPublisher(); });
afterAll(async () => {
  for (const s of servers) await s.stop();
  await publisher?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describeWithVirtuoso('fedcat on a SPARQL 1.1 store (Virtuoso): harvest, search, SPARQL, migrate', (v) => {
  it('harvests into the store with the CLI while a server on the same store runs; search, records and SPARQL answer from it', async () => {
    await emptyStore(v);
    const env = await registered(storeEnv(v));
    const server = await serve(env);
    const harvest = await fedcat(['harvest', '--all'], env);
    expect(harvest.code, harvest.stdout + harvest.stderr).toBe(0);
    expect(harvest.stdout).toMatch(/✓ gemeente-dijkstad: 4 datasets, 1 data service/);

    const found = await json(server.base, '/v1/search?q=parkeerzones');
    expect(found.hits[0].document).toMatchObject({ title: 'Parkeerzones en tarieven', source: 'gemeente-dijkstad' });
    // The record's page is built from the store (SPARQL to Virtuoso), not from the search index.
    const id = found.hits[0].document.id as string;
    await expect.poll(async () => (await fetch(`${server.base}/v1/datasets/${id}/access-conditions`)).status, { timeout: 10_000 }).toBe(200);
    const turtle = await (await fetch(`${server.base}/v1/datasets/${id}`, { headers: { accept: 'text/turtle' } })).text();
    expect(turtle).toContain('Parkeerzones en tarieven');

    // The server learns of graphs another process wrote by polling the store's registry (each second), as the
    // embedded store polls its files: until then, SPARQL's default graph lacks the newest sources.
    const inIndex = String((await json(server.base, '/v1/datasets?pageSize=1')).total);
    await expect.poll(async () => (await sparql(server.base, 'SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> }'))[0]!.n!.value, { timeout: 10_000 }).toBe(inIndex);
    await expect.poll(async () => (await json(server.base, '/health')).store, { timeout: 10_000 }).toMatchObject({ status: 'ready', backend: 'sparql', endpoint: v.queryUrl, graphsTotal: 12 });

    // What fedcat stored is in Virtuoso itself, in one named graph per source.
    const direct = await fetch(`${v.queryUrl}?query=${encodeURIComponent('ASK { GRAPH <urn:fedcat:source:gemeente-dijkstad> { ?s a <http://www.w3.org/ns/dcat#Dataset> } }')}`, { headers: { accept: 'application/sparql-results+json' } });
    expect((await direct.json() as any).boolean).toBe(true);
  });

  it('migrates an embedded catalogue to the store with progress, and serves the same answers from it', async () => {
    await emptyStore(v);
    const embedded = await registered({});
    const harvest = await fedcat(['harvest', '--all'], embedded);
    expect(harvest.code, harvest.stdout + harvest.stderr).toBe(0);

    const migrate = await fedcat(['migrate', '--to', 'sparql'], { ...embedded, ...storeEnv(v), FEDCAT_STORE: 'oxigraph' });
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stderr).toMatch(/Migrating oxigraph → sparql at http:\/\/127\.0\.0\.1:\d+\/sparql/);
    expect(migrate.stderr).toMatch(/… 12\/12 urn:fedcat:/);
    expect(migrate.stderr).toMatch(/✓ 12 graphs, [\d,]+ quads copied/);
    expect(migrate.stderr).toMatch(/✓ search index rebuilt: 18 documents of 4 sources/);

    const before = await serve(embedded);
    const after = await serve({ ...embedded, ...storeEnv(v) });
    const ids = (await json(before.base, '/v1/search?limit=50')).hits.map((h: any) => [h.document.type, h.document.id]) as [string, string][];
    expect(ids).toHaveLength(18);
    const paths = [
      '/v1/sources', '/v1/organisations', '/v1/dataservices', '/v1/runs', '/v1/sources/gemeente-dijkstad/quality',
      '/catalog', '/catalog?format=nt', '/catalog/sources/waterschap-lage-landen', '/v1/fsc/groups/demo/services',
      ...ids.flatMap(([type, id]) => {
        const base = `/v1/${type === 'Dataset' ? 'datasets' : 'dataservices'}/${id}`;
        return [base, `${base}/access-conditions`, `${base}/quality`, `${base}?format=turtle`];
      }),
    ];
    const answer = async (s: RunningFedcat, path: string) => {
      const r = await fetch(`${s.base}${path}`);
      const text = await r.text();
      const type = r.headers.get('content-type') ?? '';
      // Search listings say how long the index took: the one thing allowed to differ. A graph is a set: its
      // triples may come in another order from another store, so graphs are compared as sorted N-Triples.
      const body = type.includes('json') ? JSON.parse(text, (k, v: unknown) => (k === 'processingTimeMs' ? 0 : v)) as unknown
        : /turtle|n-triples/.test(type) ? new Parser().parse(text).map((q) => new Writer({ format: 'N-Triples' }).quadToString(q.subject, q.predicate, q.object).replace(/_:\S+/g, '_:b')).sort()
        : text;
      return { status: r.status, body };
    };
    for (const path of paths) {
      const a = await answer(before, path);
      // Views built in the background after start (the service directory, organisations) may need a moment more.
      await expect.poll(() => answer(after, path), { timeout: 15_000, message: path }).toEqual(a);
    }
    const queries = [
      'SELECT ?d ?t WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/title> ?t } ORDER BY ?d ?t',
      'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g',
      'SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p',
      'SELECT ?s ?theme WHERE { ?s <http://www.w3.org/ns/dcat#theme> ?theme } ORDER BY ?s ?theme',
    ];
    // SPARQL leaves the order of differently tagged literals to the store: solutions are compared as sets.
    const solutions = async (base: string, q: string) => (await sparql(base, q)).map((row) => JSON.stringify(row)).sort();
    for (const q of queries) expect(await solutions(after.base, q), q).toEqual(await solutions(before.base, q));
  });
});
