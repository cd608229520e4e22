import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { catalogueSink, loadConfig, openRuntime, runIri } from '@fedcat/catalogue-api';
import { sourceGraph, quarantineGraph } from '@fedcat/catalogue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fedcat, freePort, spawnFedcat, startFedcat, type RunningFedcat } from '../support/processes.js';
import { samplePublisher } from '../support/publisher.js';

let dir: string;
let env: NodeJS.ProcessEnv;
let publisher: Awaited<ReturnType<typeof samplePublisher>>;
let server: RunningFedcat | undefined;
const search = async (base: string, q: string) => ((await (await fetch(`${base}/v1/search?q=${encodeURIComponent(q)}`)).json()) as { total: number; hits: { document: { title: string } }[] });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fedcat-crash-'));
  publisher = await samplePublisher({
    '/bremen.rdf': { file: 'govdata-bremen-portal-dump.rdf', type: 'application/rdf+xml' },
    '/geonovum.ttl': { file: 'geonovum-dcat-ap-nl-example.ttl', type: 'text/turtle' },
  });
  env = { FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: publisher.hostPort };
  await fedcat(['sources', 'add', `${publisher.origin}/geonovum.ttl`, '--id', 'geonovum'], env);
  // A German portal, written for DCAT-AP rather than DCAT-AP-NL: registered with that profile.
  await fedcat(['sources', 'add', `${publisher.origin}/bremen.rdf`, '--id', 'bremen', '--profile', 'dcat-ap-3.0.1'], env);
  const first = await fedcat(['harvest', '--all'], env);
  expect(first.code, first.stdout).toBe(0);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await publisher?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a harvest killed with SIGKILL', () => {
  it('leaves every source serving its last complete state after a restart', async () => {
    publisher.set('/bremen.rdf', 'hang');
    const run = spawnFedcat(['harvest', '--all', '--full'], env);
    const deadline = Date.now() + 20_000;
    while (!run.output().includes('harvesting bremen') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    run.child.kill('SIGKILL');
    await new Promise((r) => run.child.once('exit', r));

    server = await startFedcat('serve', await freePort(), env);
    expect((await search(server.base, 'Naam van de dataset')).total).toBe(1);
    const bremen = await search(server.base, 'Bremen');
    expect(bremen.total).toBeGreaterThan(20);
    const sources = (await (await fetch(`${server.base}/v1/sources`)).json()) as { sources: { id: string; lastRun: { status: string } }[] };
    expect(sources.sources.map((s) => s.lastRun.status)).toEqual(['succeeded', 'succeeded']);

    publisher.set('/bremen.rdf', 'serve');
    const again = await fedcat(['harvest', '--all'], env);
    expect(again.code, again.stdout).toBe(0);
    await server.stop();
    server = undefined;
  }, 60_000);

  it('repairs the index at start when the process died between writing the store and the index', async () => {
    // What a harvest leaves when killed right after its store write: a graph from a run the index never saw.
    const config = loadConfig(env);
    const runtime = openRuntime(config, { lazyStore: true });
    const source = (await runtime.sources.get('geonovum'))!;
    const quads = new Parser().parse(`@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>.
      <https://example.org/crash-survivor> a dcat:Dataset; dct:title "Overlevende na een crash"@nl; dct:description "d"@nl.`);
    const startedAt = new Date().toISOString();
    const sink = catalogueSink(runtime.store, { ...runtime.search, applyChanges: async () => { throw new Error('killed'); } }, { id: runIri('geonovum', startedAt), startedAt });
    await expect(sink.publish(source, { graph: sourceGraph('geonovum'), quads, quarantineGraph: quarantineGraph('geonovum'), quarantined: [], upsert: [], remove: [], changed: true })).rejects.toThrow('killed');
    await runtime.close();

    server = await startFedcat('serve', await freePort(), env);
    await expect.poll(async () => (await search(server!.base, 'Overlevende')).total, { timeout: 20_000 }).toBe(1);
    expect((await search(server.base, 'Naam van de dataset')).total).toBe(0);
  }, 60_000);
});
