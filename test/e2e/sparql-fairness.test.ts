import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort, startFedcat, type RunningFedcat } from '../support/processes.js';

// Fairness of the public SPARQL endpoint between clients, on a real `fedcat demo` process (two query workers, the
// default). Each client is a different loopback address (127.0.0.2, 127.0.0.3…): what the endpoint tells clients by.
const TIMEOUT_MS = 2500;
let dir: string;
let fedcat: RunningFedcat;
let port: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fedcat-sparql-fair-'));
  port = await freePort();
  fedcat = await startFedcat('demo', port, { FEDCAT_DATA_DIR: dir, FEDCAT_SPARQL_TIMEOUT_MS: String(TIMEOUT_MS) }, 'harvested');
  // Both query workers have loaded: two clients' queries run at once.
}, 120_000);
// Both query workers loaded (one cut off by the test before has reloaded): two clients' queries can run at once.
beforeEach(async () => {
  await expect.poll(async () => ((await (await fetch(`${fedcat.base}/health`)).json()) as { sparql: { workersReady?: number } }).sparql.workersReady, { timeout: 60_000 }).toBe(2);
});
afterAll(async () => {
  await fedcat?.stop();
  await rm(dir, { recursive: true, force: true });
});

interface Answer { readonly status: number; readonly headers: Record<string, string | string[] | undefined>; readonly body: string; readonly at: number }

/** A GET /sparql from the given local address. */
function ask(from: string, query: string, headers: Record<string, string> = { accept: 'application/sparql-results+json' }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, localAddress: from, path: query === "" ? '/sparql' : `/sparql?query=${encodeURIComponent(query)}`, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, at: performance.now() }));
    });
    req.on('error', reject);
    req.end();
  });
}

const HEAVY = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }';
const POINT = 'ASK { <https://data.example.org/nothing> ?p ?o }';

describe("one client's heavy query", () => {
  it("leaves a worker for another client: that client's point lookups are answered while the heavy query still runs", async () => {
    const heavy = ask('127.0.0.2', HEAVY);
    const answers: Answer[] = [];
    for (let i = 0; i < 20; i++) answers.push(await ask('127.0.0.3', POINT));
    const cut = await heavy;
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    // Every lookup was answered before the heavy query came back (cut off at its time limit).
    expect(Math.max(...answers.map((a) => a.at))).toBeLessThan(cut.at);
    expect(cut.status).toBe(504);
    expect(cut.headers['retry-after']).toBeUndefined();
  });

  it('holds up only that client: its own next query waits for it, another client does not', async () => {
    const heavy = ask('127.0.0.4', HEAVY);
    await new Promise((r) => setTimeout(r, 200));
    const ownNext = ask('127.0.0.4', POINT);
    const other = await ask('127.0.0.7', POINT);
    const own = await ownNext;
    const cut = await heavy;
    expect(other.status).toBe(200);
    expect(other.at).toBeLessThan(cut.at);
    // The client's own lookup ran only after its heavy query was cut off.
    expect(own.status).toBe(200);
    expect(own.at).toBeGreaterThanOrEqual(cut.at);
  });
});

describe('a client that keeps sending heavy queries', () => {
  it('gets 429 with Retry-After for its own next ones, while others are still answered', async () => {
    // Its share is twice the time limit per minute: two queries cut off at the limit use it up.
    expect((await ask('127.0.0.8', HEAVY)).status).toBe(504);
    expect((await ask('127.0.0.8', HEAVY)).status).toBe(504);
    const refused = await ask('127.0.0.8', POINT);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'CAT_SPARQL_TOO_MANY_REQUESTS', status: 429 });
    expect((await ask('127.0.0.9', POINT)).status).toBe(200);
  });
});

describe('a browser asking for the endpoint itself', () => {
  it('is sent to the query page', async () => {
    const res = await ask('127.0.0.10', '', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/query');
  });
});
