import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidSource, openControlPlane, RunningHarvests, type ControlPlane } from '../src/index.js';

let dir: string;
let control: ControlPlane;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fedcat-registry-'));
  control = openControlPlane(dir);
});
afterAll(async () => {
  control.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the source registry', () => {
  it('keeps kind, schedule and limits when a source is updated without them', async () => {
    const { sources } = control;
    await sources.upsert({ url: 'https://data.example.nl/sparql', id: 'ep', kind: 'sparql', interval: '6h', limits: { maxPages: 10 } });
    const updated = await sources.upsert({ url: 'https://data.example.nl/sparql', id: 'ep', org: 'https://example.nl/org' });
    expect(updated).toMatchObject({ kind: 'sparql', interval: '6h', limits: { maxPages: 10 }, org: 'https://example.nl/org' });
    expect((await sources.upsert({ url: 'https://data.example.nl/sparql', id: 'ep', interval: null })).interval).toBeUndefined();
  });

  it('makes a files source of a path, and refuses mismatched kinds, bad schedules and limits', async () => {
    const { sources } = control;
    expect((await sources.upsert({ url: '/srv/dcat', id: 'local' })).kind).toBe('files');
    await expect(sources.upsert({ url: 'https://x.nl/c.ttl', kind: 'files' })).rejects.toThrow(InvalidSource);
    await expect(sources.upsert({ url: 'ftp://x.nl/c.ttl' })).rejects.toThrow(/not an http\(s\) URL, file: URL or path/);
    await expect(sources.upsert({ url: 'https://x.nl/c.ttl', interval: '1m' })).rejects.toThrow(/at least 5m/);
    await expect(sources.upsert({ url: 'https://x.nl/c.ttl', limits: { maxBytes: 0 } })).rejects.toThrow(/positive integer/);
  });
});

describe('running harvests', () => {
  it('lets one claim per source, in this process and across processes, and takes over a dead process\'s lock', async () => {
    const running = new RunningHarvests(dir);
    expect(await running.claim('a', '2026-11-22T00:00:00Z')).toBe(true);
    expect(await running.claim('a', '2026-11-22T00:00:01Z')).toBe(false);
    expect(await new RunningHarvests(dir).claim('a', '2026-11-22T00:00:01Z')).toBe(true); // same pid: a restarted process
    await running.release('a');
    // A lock left by a process that no longer exists.
    await mkdir(join(dir, 'runs'), { recursive: true });
    await writeFile(join(dir, 'runs', 'b.running.json'), JSON.stringify({ source: 'b', pid: 2 ** 22 + 7, startedAt: 'x', updatedAt: 'x', progress: {} }));
    expect(await running.list()).toEqual([]);
    expect(await running.claim('b', '2026-11-22T00:00:02Z')).toBe(true);
    expect((await running.list()).map((r) => r.source)).toEqual(['b']);
    await running.release('b');
    expect(await running.list()).toEqual([]);
  });
});
