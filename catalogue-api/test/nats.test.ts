import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { CloudEvent } from 'cloudevents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localServer } from '@fedcat/harvester/testing';
import { NatsPublisher } from '../src/index.js';
import { harvestedApp } from './support.js';

// Change events on a real nats-server (Debian's, started by .ci/run; FEDCAT_TEST_NATS_URL): JetStream holds the same
// events as the pull feed, in binary mode (ce-* headers), and drops a second publish of one event (Nats-Msg-Id).
const NATS = process.env.FEDCAT_TEST_NATS_URL;
if (!NATS && process.env.FEDCAT_REQUIRE_NATS === '1') throw new Error('FEDCAT_REQUIRE_NATS=1 but no FEDCAT_TEST_NATS_URL: start nats-server -js and export its URL');
const describeWithNats = NATS ? describe : describe.skip;

const catalogue = `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
${['bomen', 'afval', 'parkeren'].map((n) => `<https://data.proef.example.nl/id/dataset/${n}> a dcat:Dataset ; dct:title "${n}"@nl ; dct:description "${n}."@nl .`).join('\n')}`;
const STREAM = `FEDCAT_TEST_${process.pid}_${Date.now()}`;

let org: Awaited<ReturnType<typeof localServer>>;
let harvested: Awaited<ReturnType<typeof harvestedApp>>;
let nc: NatsConnection;
let jsm: JetStreamManager;

describeWithNats('change events on NATS JetStream', () => {
  beforeAll(async () => {
    org = await localServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/turtle' }).end(catalogue));
    harvested = await harvestedApp([{ id: 'proef', url: `${org.origin}/catalogue.ttl`, profile: 'dcat-ap-3.0.1' }],
      { FEDCAT_HARVEST_ALLOW_PRIVATE: org.hostPort, FEDCAT_NATS_URL: NATS!, FEDCAT_NATS_STREAM: STREAM, FEDCAT_OPERATOR_OIN: '00000001001234567000' },
      { baseUrl: 'https://catalogus.fedcat.test' });
    await harvested.app.ready();
    nc = await connect({ servers: NATS! });
    jsm = await jetstreamManager(nc);
  }, 60_000);
  afterAll(async () => {
    await jsm?.streams.delete(STREAM).catch(() => undefined);
    await nc?.close();
    await harvested?.close();
    await org?.close();
  });

  it('publishes every event of the log to JetStream in binary mode, once, and JetStream drops a second publish of one', async () => {
    const pulled = JSON.parse((await harvested.app.inject({ method: 'GET', url: '/v1/events?after=0' })).body) as { id: string; sequence: string }[];
    expect(pulled).toHaveLength(3);
    for (const end = Date.now() + 10_000; ;) {
      const messages = await jsm.streams.info(STREAM).then((i) => i.state.messages, () => 0);
      if (messages >= 3) break;
      if (Date.now() > end) throw new Error('the stream did not get the events');
      await new Promise((r) => setTimeout(r, 50));
    }
    const consumer = await jetstream(nc).consumers.get(STREAM);
    const seen: CloudEvent<unknown>[] = [];
    for (let i = 0; i < 3; i++) {
      const m = (await consumer.next({ expires: 5000 }))!;
      expect(m.subject).toMatch(/^fedcat\.nl\.fds\.catalogus\.dataset\.aangemaakt\.v1$/);
      const attributes = Object.fromEntries([...m.headers!.keys()].filter((k) => k.startsWith('ce-')).map((k) => [k.slice(3), m.headers!.get(k)]));
      expect(m.headers!.get('Nats-Msg-Id')).toBe(attributes.id);
      seen.push(new CloudEvent({ ...attributes, datacontenttype: m.headers!.get('content-type'), data: m.json() }, true));
    }
    expect(seen.map((e) => e.id)).toEqual(pulled.map((e) => e.id));
    expect(seen.every((e) => e.validate() && /^urn:nld:oin:\d{20}:systeem:/.test(e.source))).toBe(true);
    // A retry of a publish whose acknowledgement was lost: the same event id, dropped by JetStream.
    const again = new NatsPublisher({ url: NATS!, stream: STREAM }, harvested.runtime.events, { source: seen[0]!.source, baseUrl: 'https://catalogus.fedcat.test' });
    expect(await again.republish(Number(pulled[0]!.sequence))).toBe(false);
    await again.stop();
    expect((await jsm.streams.info(STREAM)).state.messages).toBe(3);
  });
});
