import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { CloudEvent } from 'cloudevents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localServer } from '@fedcat/harvester/testing';
import { harvestAll, loadConfig, runnerDeps } from '../src/index.js';
import { harvestedApp } from './support.js';

// Webhook subscriptions to the change events, delivered to receivers on loopback (another organisation's server):
// the handshake, a signed delivery the SDK accepts in strict mode within a second, a retry after 503 with
// Retry-After, a subscription ended by 410, and a sink at an address fedcat must not reach refused.

const ORG = 'https://identifier.overheid.nl/tooi/id/gemeente/gm9999';
let version = 0;
const catalogue = () => `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
<https://data.proef.example.nl/id/dataset/bomen> a dcat:Dataset ; dct:title "Bomen, versie ${version}"@nl ; dct:description "Bomen."@nl .`;

interface Received { method: string; headers: IncomingHttpHeaders; body: string; at: number }
let org: Awaited<ReturnType<typeof localServer>>;
let receiver: Awaited<ReturnType<typeof localServer>>;
let closed: Awaited<ReturnType<typeof localServer>>;
let harvested: Awaited<ReturnType<typeof harvestedApp>>;
let app: FastifyInstance;
let token: string;
/** What the receiver answers a POST with next, by path. */
const answers: Record<string, { status: number; headers?: Record<string, string> }[]> = {};
const received: Record<string, Received[]> = {};

beforeAll(async () => {
  org = await localServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/turtle' }).end(catalogue()));
  receiver = await localServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = req.url ?? '/';
    (received[path] ??= []).push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString(), at: Date.now() });
    if (req.method === 'OPTIONS') {
      return void res.writeHead(200, path === '/geen-handdruk' ? {} : { 'webhook-allowed-origin': String(req.headers['webhook-request-origin']) }).end();
    }
    const next = answers[path]?.shift() ?? { status: 200 };
    res.writeHead(next.status, next.headers ?? {}).end();
  });
  closed = await localServer((_req, res) => void res.writeHead(200).end());
  harvested = await harvestedApp([{ id: 'proef', url: `${org.origin}/catalogue.ttl`, profile: 'dcat-ap-3.0.1' }],
    { FEDCAT_HARVEST_ALLOW_PRIVATE: `${org.hostPort},${receiver.hostPort}`, FEDCAT_OPERATOR_OIN: '00000001001234567000' }, { baseUrl: 'https://catalogus.fedcat.test' });
  app = harvested.app;
  await app.ready();
  token = harvested.runtime.tokens.create({ role: 'organisation', org: ORG, name: 'abonnee' }, { kind: 'cli', user: 'test' }).token;
}, 60_000);
afterAll(async () => {
  await harvested?.close();
  for (const s of [org, receiver, closed]) await s?.close();
});

const subscribe = (sink: string, extra: Record<string, unknown> = {}) => app.inject({
  method: 'POST', url: '/v1/subscriptions', headers: { authorization: `Bearer ${token}` }, payload: { sink, protocol: 'HTTP', ...extra },
});
/** Changes the dataset and harvests it in this process; resolves with when the harvest ended. */
async function change(): Promise<number> {
  version++;
  const config = loadConfig({ FEDCAT_DATA_DIR: harvested.dataDir, FEDCAT_HARVEST_ALLOW_PRIVATE: org.hostPort, FEDCAT_LINK_CHECK: 'false', FEDCAT_SERVICE_CHECK: 'false' });
  await harvestAll(await harvested.runtime.sources.list(), await runnerDeps(harvested.runtime, config, { enrich: false }));
  return Date.now();
}
const posts = (path: string) => (received[path] ?? []).filter((r) => r.method === 'POST');
async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !check();) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('webhook subscriptions', () => {
  it('shakes hands, then delivers a change within a second, signed, as a CloudEvent the SDK accepts in strict mode', async () => {
    const res = await subscribe(`${receiver.origin}/ontvanger`, { types: ['nl.fds.catalogus.dataset.gewijzigd.v1'] });
    expect(res.statusCode).toBe(201);
    const { id, secret } = res.json<{ id: string; secret: string }>();
    expect(secret).toMatch(/^whsec_/);
    const published = await change();
    await until('the receiver has the event', () => posts('/ontvanger').length === 1);
    const options = received['/ontvanger']!.find((r) => r.method === 'OPTIONS')!;
    expect(options.headers['webhook-request-origin']).toBe('catalogus.fedcat.test');
    const post = posts('/ontvanger')[0]!;
    expect(post.at - published).toBeLessThan(1000);
    expect(post.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
    const event = new CloudEvent(JSON.parse(post.body) as Record<string, unknown>, true);
    expect(event.validate()).toBe(true);
    expect(event.source).toMatch(/^urn:nld:oin:\d{20}:systeem:/);
    expect(event.type).toBe('nl.fds.catalogus.dataset.gewijzigd.v1');
    // The Standard Webhooks signature over id, timestamp and body, with the secret the subscriber got.
    const signed = `${String(post.headers['webhook-id'])}.${String(post.headers['webhook-timestamp'])}.${post.body}`;
    const expected = createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64')).update(signed).digest('base64');
    expect(post.headers['webhook-signature']).toBe(`v1,${expected}`);
    expect(post.headers['webhook-id']).toBe(event.id);
    const state = (await app.inject({ method: 'GET', url: `/v1/subscriptions/${id}`, headers: { authorization: `Bearer ${token}` } })).json<{ delivery: { delivered: number; handshake: boolean } }>();
    expect(state.delivery).toMatchObject({ delivered: Number(event.sequence), handshake: true });
    expect(JSON.stringify(state)).not.toContain(secret);
  });

  it('tries again after a 503 with Retry-After, with the same event id, and ends the subscription at a 410', async () => {
    answers['/druk'] = [{ status: 503, headers: { 'retry-after': '1' } }];
    answers['/weg'] = [{ status: 410 }];
    const busy = (await subscribe(`${receiver.origin}/druk`)).json<{ id: string }>();
    const gone = (await subscribe(`${receiver.origin}/weg`)).json<{ id: string }>();
    await change();
    await until('the busy receiver got the event twice', () => posts('/druk').length >= 2, 15_000);
    const [first, again] = posts('/druk');
    expect(again!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(again!.at - first!.at).toBeGreaterThanOrEqual(950);
    await until('the 410 ended it', () => harvested.runtime.subscriptions.get(gone.id)?.state === 'ended');
    expect(harvested.runtime.subscriptions.get(gone.id)!.lastError).toBe('the sink answered 410 Gone');
    expect(harvested.runtime.subscriptions.get(busy.id)!.state).toBe('active');
    await change();
    await new Promise((r) => setTimeout(r, 500));
    expect(posts('/weg')).toHaveLength(1);
  });

  it('delivers nothing before a handshake passes, and refuses a sink at an address fedcat must not reach', async () => {
    const shy = (await subscribe(`${receiver.origin}/geen-handdruk`)).json<{ id: string }>();
    await change();
    await until('the handshake failed', () => harvested.runtime.subscriptions.get(shy.id)?.lastError !== null);
    expect(harvested.runtime.subscriptions.get(shy.id)!.lastError).toMatch(/did not allow delivery in the webhook handshake/);
    expect(posts('/geen-handdruk')).toEqual([]);
    for (const sink of [`${closed.origin}/intern`, 'http://169.254.169.254/latest/meta-data/']) {
      const refused = await subscribe(sink);
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ detail: string }>().detail).toMatch(/resolves to the non-public address .* which fedcat does not deliver to/);
    }
    expect((await app.inject({ method: 'POST', url: '/v1/subscriptions', payload: { sink: `${receiver.origin}/x`, protocol: 'HTTP' } })).statusCode).toBe(401);
  });
});
