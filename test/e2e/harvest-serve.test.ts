import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fedcat, freePort, startFedcat, type RunningFedcat } from '../support/processes.js';
import { samplePublisher } from '../support/publisher.js';

let dir: string;
let publisher: Awaited<ReturnType<typeof samplePublisher>>;
let server: RunningFedcat | undefined;
let env: NodeJS.ProcessEnv;

const getJson = async (base: string, path: string) => (await fetch(`${base}${path}`)).json() as Promise<any>;
const search = (base: string, q: string) => getJson(base, `/v1/search?q=${encodeURIComponent(q)}`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fedcat-e2e-'));
  publisher = await samplePublisher({
    '/geonovum.ttl': { file: 'geonovum-dcat-ap-nl-example.ttl', type: 'text/turtle' },
    '/ckan.rdf': { file: 'ckanext-dcat-catalog-multi-dataset.rdf', type: 'application/rdf+xml' },
    '/ckan.jsonld': { file: 'ckanext-dcat-catalog-at-graph.jsonld', type: 'application/ld+json' },
  });
  env = { FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: publisher.hostPort };
  for (const [id, path] of [['geonovum', '/geonovum.ttl'], ['ckan-rdf', '/ckan.rdf'], ['ckan-jsonld', '/ckan.jsonld']]) {
    // CKAN writes DCAT-AP, not DCAT-AP-NL: its sources are registered with that profile.
    const profile = id === 'geonovum' ? [] : ['--profile', 'dcat-ap-3.0.1'];
    const added = await fedcat(['sources', 'add', `${publisher.origin}${path!}`, '--id', id!, '--org', 'https://example.org/org', ...profile], env);
    expect(added.code).toBe(0);
  }
});
afterAll(async () => {
  await server?.stop();
  await publisher?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('fedcat end to end: harvest Turtle, RDF/XML and JSON-LD from a publisher, then serve them', () => {
  it('refuses to harvest from loopback unless FEDCAT_HARVEST_ALLOW_PRIVATE opens that origin', async () => {
    const refused = await fedcat(['harvest', '--source', 'geonovum'], { FEDCAT_DATA_DIR: dir });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('SOURCE_FORBIDDEN');
  });

  it('harvests with the CLI while a server runs, and the server finds the datasets without restart', async () => {
    server = await startFedcat('serve', await freePort(), env);
    const harvest = await fedcat(['harvest', '--all'], env);
    expect(harvest.code, harvest.stdout + harvest.stderr).toBe(0);
    expect(harvest.stdout).toMatch(/✓ geonovum: 1 dataset/);
    expect(harvest.stdout).toMatch(/✓ ckan-rdf: 2 datasets.*\(rdf-xml\)/);
    expect(harvest.stdout).toMatch(/✓ ckan-jsonld: 1 dataset.*\(json-ld\)/);

    const base = server.base;
    expect((await search(base, 'Naam van de dataset')).hits[0].document.source).toBe('geonovum');
    expect((await search(base, 'Example dataset')).total).toBe(2);
    const jsonld = (await search(base, 'Title dataset')).hits[0].document;
    expect(jsonld.source).toBe('ckan-jsonld');

    const record = await getJson(base, `/v1/datasets/${jsonld.id}`);
    expect(record).toMatchObject({ iri: jsonld.iri, title: 'Title dataset' });

    const query = `SELECT ?d WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> }`;
    await expect.poll(async () => {
      const res = await fetch(`${base}/sparql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/sparql-results+json' } });
      return res.ok ? ((await res.json()) as any).results.bindings.map((b: any) => b.d.value).sort() : [];
    }, { timeout: 10_000 }).toContain(jsonld.iri);
  });

  it('serves the same datasets after a restart on the same data directory, without re-harvesting', async () => {
    await server!.stop();
    server = await startFedcat('serve', await freePort(), env);
    expect((await search(server.base, 'Example dataset')).total).toBe(2);
    const sources = await getJson(server.base, '/v1/sources');
    expect(sources.sources.map((s: any) => s.lastRun.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const query = 'SELECT (COUNT(?d) AS ?n) WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> }';
    await expect.poll(async () => {
      const res = await fetch(`${server!.base}/sparql?query=${encodeURIComponent(query)}`, { headers: { accept: 'text/csv' } });
      return res.ok ? (await res.text()).trim().split(/\r?\n/)[1] : 'loading';
    }, { timeout: 20_000 }).toBe('4');
  });

  it.each([['fail-500', 'SOURCE_UNREACHABLE'], ['syntax-error', 'SOURCE_UNPARSABLE']] as const)(
    'keeps a source’s datasets searchable when it starts answering %s, and shows the failure',
    async (behaviour, code) => {
      publisher.set('/ckan.rdf', behaviour);
      const harvest = await fedcat(['harvest', '--source', 'ckan-rdf'], env);
      expect(harvest.code).toBe(1);
      expect(harvest.stdout).toContain(`✗ ckan-rdf: ${code}`);
      expect(harvest.stdout).toContain('kept the harvest of');

      expect((await search(server!.base, 'Example dataset')).total).toBe(2);
      const status = await getJson(server!.base, '/v1/sources/ckan-rdf');
      expect(status.lastRun).toMatchObject({ status: 'failed', error: { code } });
      expect(status.lastSuccess).toMatchObject({ status: 'succeeded' });
      const list = await fedcat(['sources', 'list'], env);
      expect(list.stdout).toMatch(/ckan-rdf\t.*FAILED/);
      publisher.set('/ckan.rdf', 'serve');
    },
  );
});
