import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runnerDeps, genidBase, harvestAll, loadConfig, openRuntime, type RunnerEvent, type Runtime } from '../src/index.js';
import { type QuadStore } from '@fedcat/catalogue';

const body = `@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>.
<https://x.nl/d1> a dcat:Dataset; dct:title "Dataset"@nl; dct:description "Beschrijving"@nl.`;
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/turtle' }).end(body));
let dir: string;
let runtime: Runtime;

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  dir = await mkdtemp(join(tmpdir(), 'fedcat-runner-'));
  runtime = openRuntime(loadConfig({ FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_PROFILE: 'dcat-ap-3.0.1' }));
  await runtime.sources.upsert({ id: 'x', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/catalog.ttl` });
});
afterAll(async () => {
  await runtime?.close();
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the harvest runner', () => {
  it('keeps a published run when the store refuses its history afterwards, and warns that the next run writes it', async () => {
    // The real store, refusing the history graphs only: as a store going away right after the publish.
    const store: QuadStore = Object.create(runtime.store, {
      replaceGraph: { value: (graph: string, quads: readonly Quad[]) => (graph.startsWith('urn:fedcat:history:')
        ? Promise.reject(new Error('connection refused')) : runtime.store.replaceGraph(graph, quads)) },
    }) as QuadStore;
    const events: RunnerEvent[] = [];
    const config = loadConfig({ FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: 'true' });
    const [outcome] = await harvestAll(await runtime.sources.list(), await runnerDeps(runtime, config, { enrich: false, store, onEvent: (e) => void events.push(e) }));
    expect(outcome?.kind).toBe('harvested');
    expect(events.find((e) => e.phase === 'warning')).toMatchObject({ message: expect.stringMatching(/could not be written to the store \(connection refused\); the next run/) });
    expect((await runtime.search.search({})).hits.map((h) => h.document.iri)).toEqual(['https://x.nl/d1']);
    expect((await runtime.runs.history('x')).map((r) => r.status)).toEqual(['succeeded']);
  });
});
