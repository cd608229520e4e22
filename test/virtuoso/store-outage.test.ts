import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fedcat, freePort, spawnFedcat, startFedcat, type RunningFedcat } from '../support/processes.js';
import { startPrivateVirtuoso, storeEnv, virtuosoInstalled, type PrivateVirtuoso } from '../support/virtuoso.js';

/** A publisher whose catalogue the test rewrites, answering after `delayMs` (long enough to stop the store meanwhile). */
function catalogue(version: number): string {
  return `@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>.
<https://org.example/catalogus> a dcat:Catalog ; dct:title "Catalogus"@nl ; dct:description "Catalogus"@nl ;
  dct:publisher <https://org.example/org> ; dcat:dataset <https://org.example/id/dataset/grondwater> .
<https://org.example/id/dataset/grondwater> a dcat:Dataset ; dct:title "Grondwaterstanden versie ${version}"@nl ;
  dct:description "Metingen van grondwaterstanden, uitgave ${version}."@nl ; dct:publisher <https://org.example/org> .`;
}

let server: Server;
let origin: string;
const publisher = { version: 1, delayMs: 0 };
let dir: string;
let virtuoso: PrivateVirtuoso;
let env: NodeJS.ProcessEnv;
let api: RunningFedcat | undefined;

const get = async (path: string) => {
  const res = await fetch(`${api!.base}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.json() as any };
};

const suite = virtuosoInstalled() || process.env.FEDCAT_REQUIRE_VIRTUOSO === '1' ? describe : describe.skip;

beforeAll(async () => {
  if (!virtuosoInstalled() && process.env.FEDCAT_REQUIRE_VIRTUOSO !== '1') return;
  server = createServer((_req, res) => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/turtle' }).end(catalogue(publisher.version)), publisher.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'fedcat-outage-'));
  // A Virtuoso of this test's own: it is stopped and started again, which the shared one must never be.
  virtuoso = await startPrivateVirtuoso(join(dir, 'virtuoso'));
  env = {
    ...storeEnv(virtuoso), FEDCAT_DATA_DIR: join(dir, 'data'), FEDCAT_HARVEST_ALLOW_PRIVATE: origin,
    FEDCAT_LINK_CHECK: 'false', FEDCAT_SERVICE_CHECK: 'false', FEDCAT_STORE_RETRIES: '2', FEDCAT_STORE_TIMEOUT_MS: '5000',
    // The catalogue above is minimal DCAT-AP, not DCAT-AP-NL.
    FEDCAT_HARVEST_PROFILE: 'dcat-ap-3.0.1',
  };
  expect((await fedcat(['sources', 'add', `http://${origin}/catalogus.ttl`, '--id', 'grondwater'], env)).code).toBe(0);
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await virtuoso?.stop();
  server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

suite('the SPARQL store going down mid-harvest', () => {
  let id: string;

  it('serves the first harvest from the store', async () => {
    const first = await fedcat(['harvest', '--all'], env);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    api = await startFedcat('serve', await freePort(), env);
    const found = await get('/v1/search?q=grondwaterstanden');
    expect(found.body.hits[0].document.title).toBe('Grondwaterstanden versie 1');
    id = found.body.hits[0].document.id;
    expect((await get(`/v1/datasets/${id}/access-conditions`)).status).toBe(200);
  });

  it('fails the run that loses the store with a clear error, and keeps the last good state', async () => {
    publisher.version = 2;
    publisher.delayMs = 4000;
    const run = spawnFedcat(['harvest', '--source', 'grondwater'], env);
    const deadline = Date.now() + 20_000;
    while (!run.output().includes('harvesting grondwater') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await virtuoso.stop();
    const code = await new Promise<number | null>((resolve) => run.child.once('exit', resolve));
    expect(code, run.output()).toBe(1);
    expect(run.output()).toMatch(/✗ grondwater: .*The RDF store is not available: .*(ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET)/);
    expect(run.output()).not.toMatch(/^\s+at /m);

    // While the store is down: store-backed routes answer 503 problem+json, search answers from its own index.
    await expect.poll(async () => (await get('/health')).body.store.status, { timeout: 10_000 }).toBe('failed');
    const record = await get(`/v1/datasets/${id}/access-conditions`);
    expect(record).toMatchObject({ status: 503, type: expect.stringContaining('application/problem+json'), body: { status: 503, code: 'CAT_STORE_UNAVAILABLE' } });
    expect(record.body.detail).toMatch(/store/i);
    const sparql = await fetch(`${api!.base}/sparql?query=${encodeURIComponent('ASK {}')}`);
    expect(sparql.status).toBe(503);
    expect(sparql.headers.get('content-type')).toContain('application/problem+json');
    const search = await get('/v1/search?q=grondwaterstanden');
    expect(search.status).toBe(200);
    expect(search.body.hits[0].document.title).toBe('Grondwaterstanden versie 1');
    const runs = await get('/v1/sources/grondwater/runs');
    expect(runs.body.runs[0]).toMatchObject({ status: 'failed' });
    expect(runs.body.runs[0].error.message).toMatch(/RDF store is not available/);
  });

  it('answers from the store again once it is back, with the last good state, and the next run succeeds', async () => {
    await virtuoso.start();
    await expect.poll(async () => (await get('/health')).body.store.status, { timeout: 15_000 }).toBe('ready');
    const kept = await fetch(`${api!.base}/v1/datasets/${id}`, { headers: { accept: 'application/n-triples' } });
    expect(kept.status).toBe(200);
    expect(await kept.text()).toContain('Grondwaterstanden versie 1');

    publisher.delayMs = 0;
    const next = await fedcat(['harvest', '--source', 'grondwater'], env);
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect((await get('/v1/search?q=grondwaterstanden')).body.hits[0].document.title).toBe('Grondwaterstanden versie 2');
    await expect.poll(async () => (await (await fetch(`${api!.base}/v1/datasets/${id}`, { headers: { accept: 'application/n-triples' } })).text()), { timeout: 10_000 })
      .toContain('Grondwaterstanden versie 2');
  });
});
