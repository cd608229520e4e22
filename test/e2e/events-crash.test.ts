import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentTag, FAILPOINTS, loadConfig, openRuntime } from '@fedcat/catalogue-api';
import { recordId } from '@fedcat/catalogue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fedcat, spawnFedcat } from '../support/processes.js';

// kill -9 of a harvest at random moments of its publishing, 24 times over: the event log must say every change the
// catalogue holds exactly once, in consecutive sequence numbers, and never a change the catalogue does not hold.

const DATASETS = 120;
const RUNS = 24;
let dir: string;
let env: NodeJS.ProcessEnv;
let server: Server;
let version = 0;

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
  env = { FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: hostPort, FEDCAT_LINK_CHECK: 'false', FEDCAT_SERVICE_CHECK: 'false' };
  // dcat-ap-3.0.1 takes these short descriptions as they are: every record is accepted, every harvest changes them all.
  await fedcat(['sources', 'add', `http://${hostPort}/catalogue.ttl`, '--id', 'proef', '--profile', 'dcat-ap-3.0.1'], env);
}, 60_000);
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe('change events when harvests are killed', () => {
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
});
