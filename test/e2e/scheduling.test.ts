import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fedcat, freePort, startFedcat, type RunningFedcat } from '../support/processes.js';
import { samplePublisher } from '../support/publisher.js';

let publisher: Awaited<ReturnType<typeof samplePublisher>>;
const dirs: string[] = [];
let server: RunningFedcat | undefined;

const FILES = {
  '/a.ttl': { file: 'geonovum-dcat-ap-nl-example.ttl', type: 'text/turtle' },
  '/b.rdf': { file: 'ckanext-dcat-catalog-multi-dataset.rdf', type: 'application/rdf+xml' },
  '/c.jsonld': { file: 'ckanext-dcat-catalog-at-graph.jsonld', type: 'application/ld+json' },
  '/d.ttl': { file: 'dcat2don-cbs-dataset-with-dataservice-dcat-ap-nl3.ttl', type: 'text/turtle' },
};

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fedcat-schedule-'));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  publisher = await samplePublisher(FILES);
});
afterAll(async () => {
  await server?.stop();
  await publisher?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('fedcat harvest --all', () => {
  it('harvests sources concurrently, never more than the per-host limit against one publisher, with progress', async () => {
    const env = { FEDCAT_DATA_DIR: await dataDir(), FEDCAT_HARVEST_ALLOW_PRIVATE: publisher.hostPort, FEDCAT_HARVEST_CONCURRENCY: '4', FEDCAT_HARVEST_PER_HOST: '2' };
    for (const path of Object.keys(FILES)) {
      expect((await fedcat(['sources', 'add', `${publisher.origin}${path}`, '--id', path.slice(1, 2)], env)).code).toBe(0);
      publisher.set(path, 'slow');
    }
    publisher.resetPeak();
    const run = await fedcat(['harvest', '--all'], env);
    for (const path of Object.keys(FILES)) publisher.set(path, 'serve');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toContain('4 of 4 sources harvested.');
    // Four sources at once, but the publisher saw two requests at a time.
    expect(publisher.peakInFlight()).toBe(2);
    const started = [...run.stderr.matchAll(/… harvesting (\w)/g)].map((m) => m[1]);
    expect(started).toHaveLength(4);
    expect(run.stdout.match(/✓/g)).toHaveLength(4);
    // Not a terminal: a progress line per phase change, with rates.
    expect(run.stderr).toMatch(/… a: validating · 1 page · \d+ kB · \d+ triples · \d+ records · validated \d+\/\d+ · \d+ records\/s/);
  });
});

describe('fedcat serve', () => {
  it('harvests scheduled sources, shows running harvests over the API, and leaves unscheduled ones alone', async () => {
    const env = { FEDCAT_DATA_DIR: await dataDir(), FEDCAT_HARVEST_ALLOW_PRIVATE: publisher.hostPort, FEDCAT_HARVEST_TIMEOUT_MS: '4000' };
    expect((await fedcat(['sources', 'add', `${publisher.origin}/a.ttl`, '--id', 'hourly', '--every', '1h'], env)).code).toBe(0);
    expect((await fedcat(['sources', 'add', `${publisher.origin}/d.ttl`, '--id', 'stuck', '--every', '6h'], env)).code).toBe(0);
    expect((await fedcat(['sources', 'add', `${publisher.origin}/b.rdf`, '--id', 'manual'], env)).code).toBe(0);
    const bad = await fedcat(['sources', 'add', `${publisher.origin}/c.jsonld`, '--every', '5s'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid interval '5s'/);
    publisher.set('/d.ttl', 'hang');

    server = await startFedcat('serve', await freePort(), env);
    const get = async (path: string) => {
      const res = await fetch(`${server!.base}${path}`).catch((err: unknown) => { throw new Error(`${String(err)}; server output:\n${server!.output()}`); });
      return res.json() as Promise<any>;
    };

    // The stuck source's harvest is visible while it runs, in the list and on the source.
    await expect.poll(async () => (await get('/v1/harvests')).harvests.map((h: { source: string }) => h.source), { timeout: 10_000 }).toContain('stuck');
    const running = (await get('/v1/harvests')).harvests.find((h: { source: string }) => h.source === 'stuck');
    expect(running).toMatchObject({ source: 'stuck', progress: { phase: 'reading' } });
    expect(running.pid).toBeGreaterThan(0);
    expect((await get('/v1/sources/stuck')).running).toMatchObject({ pid: running.pid });

    // Another process asking for the same source is told it is busy, and changes nothing.
    const busy = await fedcat(['harvest', '--source', 'stuck'], env);
    expect(busy.stderr).toContain('stuck: skipped, another fedcat process is harvesting it');

    await expect.poll(async () => (await get('/v1/sources/hourly')).lastRun?.status, { timeout: 15_000 }).toBe('succeeded');
    await expect.poll(async () => (await get('/v1/sources/stuck')).lastRun?.status, { timeout: 15_000 }).toBe('failed');
    const hourly = await get('/v1/sources/hourly');
    expect(Date.parse(hourly.nextHarvestAt) - Date.parse(hourly.lastRun.startedAt)).toBe(3_600_000);
    expect((await get('/v1/sources/stuck')).running).toBeNull();
    expect((await get('/v1/harvests')).harvests).toEqual([]);
    const manual = await get('/v1/sources/manual');
    expect(manual).toMatchObject({ interval: null, nextHarvestAt: null, lastRun: null, kind: 'catalogue' });
    await expect.poll(async () => (await get('/v1/search?q=Naam%20van%20de%20dataset')).total, { timeout: 5000 }).toBe(1);

    // The CLI shows the same history.
    const runs = await fedcat(['sources', 'runs', 'stuck'], env);
    expect(runs.stdout).toMatch(/^\S+\tfailed\tSOURCE_LIMIT_EXCEEDED: fetch took longer than 4000 ms/);
    expect((await fedcat(['sources', 'runs', 'hourly'], env)).stdout).toMatch(/\tsucceeded\t\+1 ~0 =0 -0, 1 page, \d+ bytes/);
    expect((await fedcat(['sources', 'add', `${publisher.origin}/b.rdf`, '--id', 'manual', '--invalid', 'drop'], env)).stderr).toMatch(/not 'drop'/);
    expect((await fedcat(['sources', 'add', `${publisher.origin}/b.rdf`, '--id', 'manual', '--profile', 'dcat-ap-9'], env)).stderr).toMatch(/unknown validation profile 'dcat-ap-9': use dcat-ap-nl-3.0, /);
    expect((await fedcat(['sources', 'add', `${publisher.origin}/b.rdf`, '--id', 'manual', '--profile', 'dcat-ap-hvd-3.0'], env)).stdout).toMatch(/validated with dcat-ap-hvd-3.0/);
    expect((await fedcat(['sources', 'list'], env)).stdout).toMatch(/^manual\t\S+ \[profile dcat-ap-hvd-3\.0\]\t/m);
    publisher.set('/d.ttl', 'serve');
  }, 60_000);
});
