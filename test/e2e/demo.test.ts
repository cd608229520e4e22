import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startFedcat, type RunningFedcat } from '../support/processes.js';

// What `npm start` serves: a real `fedcat demo` process, its demo organisations harvested after it started.
let dir: string;
let fedcat: RunningFedcat;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fedcat-demo-'));
  fedcat = await startFedcat('demo', await freePort(), { FEDCAT_DATA_DIR: dir }, 'harvested');
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
