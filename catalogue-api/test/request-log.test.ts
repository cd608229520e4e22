import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalLine } from '../src/http/request-log.js';
import { harvestedApp } from './support.js';

const lines: string[] = [];
let harvested: Awaited<ReturnType<typeof harvestedApp>>;

beforeAll(async () => {
  const stream = new Writable({ write(chunk: Buffer, _e, done) { lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)); done(); } });
  harvested = await harvestedApp([], {}, { logger: { level: 'info', stream } });
}, 30_000);
afterAll(async () => { await harvested?.close(); });

describe('request logs', () => {
  it('write one line per answered request, with method, path (no query), status and time', async () => {
    lines.length = 0;
    await harvested.app.inject({ method: 'GET', url: '/v1/search?q=geheim' });
    await harvested.app.inject({ method: 'GET', url: '/nergens' });
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => [r.msg, r.method, r.url, r.status])).toEqual([['request', 'GET', '/v1/search', 200], ['request', 'GET', '/nergens', 404]]);
    expect(typeof records[0]!.ms).toBe('number');
    expect(lines.join('\n')).not.toContain('geheim');
  });

  it('read on a terminal as one short line', () => {
    const line = JSON.stringify({ level: 30, time: Date.UTC(2026, 11, 7, 18, 2, 11), msg: 'request', method: 'GET', url: '/v1/search', status: 200, ms: 4 });
    expect(terminalLine(line)).toMatch(/^\d\d:\d\d:\d\d GET \/v1\/search 200 4 ms$/);
    expect(terminalLine(JSON.stringify({ level: 40, time: 0, msg: 'FEDCAT_BASE_URL differs' }))).toMatch(/^\d\d:\d\d:\d\d warn: FEDCAT_BASE_URL differs$/);
  });
});
