import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentTag, FAILPOINTS, loadConfig, openRuntime } from '@fedcat/catalogue-api';
import { recordId } from '@fedcat/catalogue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { fedcat, freePort, spawnFedcat, startFedcat } from '../support/processes.js';

// kill -9 of a harvest at random moments of its publishing, 24 times over: the event log must say every change the
// catalogue holds exactly once, in consecutive sequence numbers, and never a change the catalogue does not hold.

const DATASETS = 120;
const RUNS = 24;
let dir: string;
let env: NodeJS.ProcessEnv;
let server: Server;
let version = 0;
const NATS = process.env.FEDCAT_TEST_NATS_URL;
if (!NATS && process.env.FEDCAT_REQUIRE_NATS === '1') throw new Error('FEDCAT_REQUIRE_NATS=1 but no FEDCAT_TEST_NATS_URL');
/** Event ids the webhook receiver got, with how often. */
const hooked = new Map<string, number>();
let receiver: Server;
let receiverHostPort = '';

const catalogue = () => `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
${Array.from({ length: DATASETS }, (_, i) => `<https://data.proef.example.nl/id/dataset/${i}> a dcat:Dataset ;
  dct:title "Dataset ${i}, versie ${version}"@nl ; dct:description "Een dataset die elke oogst verandert."@nl .`).join('\n')}`;

/** A small deterministic generator, so a failing run can be repeated. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fedcat-events-crash-'));
  server = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/turtle' }).end(catalogue()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const hostPort = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver = createServer((req, res) => {
    if (req.method === 'OPTIONS') return void res.writeHead(200, { 'webhook-allowed-origin': '*' }).end();
    const id = String(req.headers['webhook-id']);
    req.resume().on('end', () => { hooked.set(id, (hooked.get(id) ?? 0) + 1); res.writeHead(204).end(); });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverHostPort = `127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  env = { FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: `${hostPort},${receiverHostPort}`, FEDCAT_LINK_CHECK: 'false', FEDCAT_SERVICE_CHECK: 'false' };
  // dcat-ap-3.0.1 takes these short descriptions as they are: every record is accepted, every harvest changes them all.
  await fedcat(['sources', 'add', `http://${hostPort}/catalogue.ttl`, '--id', 'proef', '--profile', 'dcat-ap-3.0.1'], env);
}, 60_000);
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await new Promise((r) => receiver?.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe('change events when harvests are killed', () => {
  it('subscribes a webhook before the harvests, from the first event on', () => {
    const runtime = openRuntime(loadConfig(env), { lazyStore: true });
    runtime.subscriptions.create(null, { types: [], filters: [], sink: `http://${receiverHostPort}/hook` }, 0);
    return runtime.close();
  });

  it('holds each change the catalogue holds exactly once, without gaps, after kills at random points', async () => {
    const first = Date.now();
    const done = await fedcat(['harvest', '--source', 'proef'], env);
    expect(done.code, done.stdout).toBe(0);
    const duration = Date.now() - first;
    const next = random(20261207);
    let killed = 0;
    for (let i = 0; i < RUNS; i++) {
      version++;
      // Every third run kills itself at one of the publishing moments (a failpoint: a real kill -9 at an exact point).
      const point = i % 3 === 2 ? FAILPOINTS[Math.floor(i / 3) % FAILPOINTS.length]! : null;
      const run = spawnFedcat(['harvest', '--source', 'proef'], point ? { ...env, FEDCAT_TEST_FAILPOINT: point } : env);
      const exited = new Promise<NodeJS.Signals | null>((r) => run.child.once('exit', (_code, signal) => r(signal)));
      const kill = () => { if (run.child.exitCode === null) run.child.kill('SIGKILL'); };
      if (point) {
        expect(await exited).toBe('SIGKILL');
        killed++;
        continue;
      }
      if (i % 3 === 0) {
        // Anywhere from the start to a little past a whole harvest: before, while or after it publishes.
        const timer = setTimeout(kill, Math.floor(next() * duration * 1.3));
        if ((await exited) === 'SIGKILL') killed++;
        clearTimeout(timer);
      } else {
        // While it publishes.
        while (!run.output().includes('publishing') && run.child.exitCode === null) await new Promise((r) => setTimeout(r, 2));
        await new Promise((r) => setTimeout(r, Math.floor(next() * 60)));
        kill();
        if ((await exited) === 'SIGKILL') killed++;
      }
    }
    // One last harvest that runs to its end settles what the killed ones left.
    version++;
    const last = await fedcat(['harvest', '--source', 'proef'], env);
    expect(last.code, last.stdout).toBe(0);
    expect(killed).toBeGreaterThanOrEqual(RUNS / 3);

    const runtime = openRuntime(loadConfig(env), { lazyStore: true });
    try {
      const events = runtime.events.read({ after: 0, limit: 1_000_000 });
      expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
      expect(runtime.events.pendingSources()).toEqual([]);
      const byRecord = new Map<string, typeof events>();
      for (const e of events) byRecord.set(e.iri, [...(byRecord.get(e.iri) ?? []), e]);
      expect(byRecord.size).toBe(DATASETS);
      for (const [iri, list] of byRecord) {
        expect(list[0]).toMatchObject({ change: 'created', previousEtag: null });
        // A chain: each event starts from the state the one before ended in. A lost event, or one for a change that
        // never reached the catalogue, breaks it; a change said twice repeats a state.
        for (let k = 1; k < list.length; k++) {
          expect(list[k]!.previousEtag).toBe(list[k - 1]!.etag);
          expect(list[k]!.etag).not.toBe(list[k - 1]!.etag);
        }
        // None lost at the end: the last event is the state the catalogue holds.
        const doc = await runtime.search.get(recordId(iri));
        expect(list.at(-1)!.etag).toBe(documentTag(doc!));
      }
    } finally {
      await runtime.close();
    }
  }, 300_000);

  it('delivers every event to the webhook and to NATS at least once (NATS keeps each once) though the server is killed while it delivers', async () => {
    const stream = `FEDCAT_CRASH_${process.pid}`;
    const serveEnv = { ...env, ...(NATS ? { FEDCAT_NATS_URL: NATS, FEDCAT_NATS_STREAM: stream } : {}) };
    const runtime = openRuntime(loadConfig(env), { lazyStore: true });
    const ids = runtime.events.read({ after: 0, limit: 1_000_000 }).map((e) => e.id);
    await runtime.close();
    const next = random(8);
    for (let k = 0; k < 4; k++) {
      const served = await startFedcat('serve', await freePort(), serveEnv);
      // Killed a moment after it starts delivering: some batches were sent, not all acknowledged or recorded.
      await new Promise((r) => setTimeout(r, 100 + Math.floor(next() * 400)));
      await served.kill();
    }
    const served = await startFedcat('serve', await freePort(), serveEnv);
    try {
      for (const end = Date.now() + 60_000; ids.some((id) => !hooked.has(id));) {
        if (Date.now() > end) throw new Error(`the webhook got ${ids.filter((id) => hooked.has(id)).length} of ${ids.length} events`);
        await new Promise((r) => setTimeout(r, 50));
      }
      if (NATS) {
        const nc = await connect({ servers: NATS });
        const jsm = await jetstreamManager(nc);
        for (const end = Date.now() + 30_000; (await jsm.streams.info(stream)).state.messages < ids.length;) {
          if (Date.now() > end) throw new Error('NATS did not get every event');
          await new Promise((r) => setTimeout(r, 50));
        }
        expect((await jsm.streams.info(stream)).state.messages).toBe(ids.length);
        const consumer = await jetstream(nc).consumers.get(stream);
        const inNats: string[] = [];
        for (let i = 0; i < ids.length; i++) inNats.push((await consumer.next({ expires: 5000 }))!.headers!.get('ce-id'));
        expect(inNats).toEqual(ids);
        await jsm.streams.delete(stream);
        await nc.close();
      }
    } finally {
      await served.stop();
    }
    expect([...hooked.keys()].sort()).toEqual([...ids].sort());
  }, 240_000);
});
