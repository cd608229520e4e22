import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fedcat as fedcatCli, freePort, startFedcat, type RunningFedcat } from '../support/processes.js';

const HYDRA_NEXT = 'http://www.w3.org/ns/hydra/core#next';

// What `npm start` serves: a real `fedcat demo` process, its demo organisations harvested after it started.
let dir: string;
let fedcat: RunningFedcat;
let port: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fedcat-demo-'));
  port = await freePort();
  // A data directory that already holds a source of its own: the demo must leave it alone.
  const added = await fedcatCli(['sources', 'add', 'http://127.0.0.1:9/elders.ttl', '--id', 'elders'], { FEDCAT_DATA_DIR: dir });
  if (added.code !== 0) throw new Error(`sources add failed: ${added.stderr}`);
  // As a user changes it: FEDCAT_PORT, no FEDCAT_BASE_URL (whatever the shell running the tests has).
  fedcat = await startFedcat('demo', port, { FEDCAT_DATA_DIR: dir, FEDCAT_PORT: String(port), FEDCAT_BASE_URL: '' }, 'harvested');
});
afterAll(async () => {
  await fedcat?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the demo', () => {
  it('counts in /health the graphs its harvest wrote after start, as /metrics does', async () => {
    const health = await (await fetch(`${fedcat.base}/health`)).json() as { store: { graphsLoaded: number; graphsTotal: number } };
    const metrics = await (await fetch(`${fedcat.base}/metrics`)).text();
    const graphs = Number(/^fedcat_store_graphs (\d+)$/m.exec(metrics)?.[1]);
    expect(graphs).toBeGreaterThan(0);
    expect(health.store).toMatchObject({ graphsLoaded: graphs, graphsTotal: graphs });
  });
});

describe('the demo for a data owner', () => {
  const DIJKSTAD = 'https://identifier.overheid.nl/tooi/id/gemeente/gm9991';
  it('prints how to get a token of the organisation that owns a demo source, and that token manages it', async () => {
    expect(fedcat.output()).toContain(`npx fedcat tokens create --org ${DIJKSTAD} --name demo`);
    const created = await fedcatCli(['tokens', 'create', '--org', DIJKSTAD, '--name', 'demo'], { FEDCAT_DATA_DIR: dir });
    expect(created.code, created.stderr).toBe(0);
    const auth = { authorization: `Bearer ${created.stdout.trim()}` };
    const own = await fetch(`${fedcat.base}/v1/sources/gemeente-dijkstad`, { headers: auth });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ id: 'gemeente-dijkstad', org: DIJKSTAD, lastRun: { status: 'succeeded' } });
    const paused = await fetch(`${fedcat.base}/v1/sources/gemeente-dijkstad`, { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ paused: false }) });
    expect(paused.status).toBe(200);
    // Another organisation's source is not this token's to change (reading sources is open to everyone).
    const others = await fetch(`${fedcat.base}/v1/sources/dienst-uitkeringen`, { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ paused: false }) });
    expect(others.status).toBe(403);
  });

  it('harvests only its own sources in a data directory that has others', async () => {
    const created = await fedcatCli(['tokens', 'create', '--admin', '--name', 'demo-admin'], { FEDCAT_DATA_DIR: dir });
    const elders = await (await fetch(`${fedcat.base}/v1/sources/elders`, { headers: { authorization: `Bearer ${created.stdout.trim()}` } })).json() as { lastRun: unknown };
    expect(elders.lastRun).toBeNull();
    expect(fedcat.output()).not.toContain('harvesting elders');
  });
});

describe('the demo on another port (FEDCAT_PORT)', () => {
  it('serves a feed whose every link to fedcat names the port served, and resolves there', async () => {
    const own = new Set<string>();
    const elsewhere = new Set<string>();
    let pages = 0;
    let next: string | undefined = `${fedcat.base}/catalog?pageSize=10`;
    while (next) {
      const res = await fetch(next, { headers: { accept: 'application/n-triples' } });
      expect(res.status, next).toBe(200);
      const quads = new Parser({ format: 'N-Triples' }).parse(await res.text());
      pages++;
      for (const q of quads) {
        for (const t of [q.subject, q.object]) {
          if (t.termType !== 'NamedNode' || !t.value.startsWith('http://localhost:')) continue;
          (t.value.startsWith(`http://localhost:${port}/`) ? own : elsewhere).add(t.value);
        }
      }
      // Followed as a harvester would: the link as written, on the loopback address the server listens on.
      next = quads.find((q) => q.predicate.value === HYDRA_NEXT)?.object.value.replace('http://localhost:', 'http://127.0.0.1:');
    }
    expect(pages).toBeGreaterThan(1);
    expect([...elsewhere]).toEqual([]);
    expect([...own].some((iri) => iri.includes('/.well-known/genid/'))).toBe(true);
    const unresolved: string[] = [];
    for (const iri of new Set([...own].map((i) => i.replace(/#.*$/, '')))) {
      const res = await fetch(iri.replace('http://localhost:', 'http://127.0.0.1:'), { headers: { accept: 'text/turtle' } });
      if (res.status >= 400) unresolved.push(`${iri}: ${res.status}`);
    }
    expect(unresolved).toEqual([]);
  });
});
