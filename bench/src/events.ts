import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { harvestAll, loadConfig, NatsPublisher, openRuntime, runnerDeps, WebhookDelivery } from '@fedcat/catalogue-api';
import { numberArg } from './bench-process.js';

// Usage: node bench/dist/events.js [--changes 10000] [--nats nats://127.0.0.1:4222] [--rate 100 --seconds 10]
// One harvest that changes N records: time from its start until the last event is in the outbox, in NATS JetStream
// (a nats-server -js, --nats or FEDCAT_TEST_NATS_URL) and at a webhook on loopback, and events/s into each. Then
// events at a steady --rate a second for --seconds: p50/p99 latency from commit to the webhook receiving it.

const n = numberArg('--changes', 10_000);
const rate = numberArg('--rate', 100);
const seconds = numberArg('--seconds', 10);
const natsAt = process.argv.indexOf('--nats');
const natsUrl = natsAt > 0 ? process.argv[natsAt + 1] : process.env.FEDCAT_TEST_NATS_URL;
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))] ?? NaN;

let version = 0;
const catalogue = () => `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .\n${
  Array.from({ length: n }, (_, i) => `<https://data.bench.example.nl/id/dataset/${i}> a dcat:Dataset ; dct:title "Dataset ${i}, versie ${version}"@nl ; dct:description "d"@nl .`).join('\n')}`;
const received = new Map<string, number>();
const server: Server = createServer((req, res) => {
  if (req.method === 'OPTIONS') return void res.writeHead(200, { 'webhook-allowed-origin': String(req.headers['webhook-request-origin']) }).end();
  if (req.url === '/catalogue.ttl') return void res.writeHead(200, { 'content-type': 'text/turtle' }).end(catalogue());
  const id = String(req.headers['webhook-id']);
  req.resume().on('end', () => { received.set(id, performance.now()); res.writeHead(204).end(); });
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const hostPort = `127.0.0.1:${(server.address() as AddressInfo).port}`;
const dir = await mkdtemp(join(tmpdir(), 'fedcat-bench-events-'));
console.error(`events benchmark: ${n} changes in one harvest; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; NATS ${natsUrl ?? 'none'}`);
const stream = `FEDCAT_BENCH_${process.pid}`;
const config = loadConfig({ FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: hostPort, FEDCAT_LINK_CHECK: 'false', FEDCAT_SERVICE_CHECK: 'false', FEDCAT_HARVEST_PROFILE: 'dcat-ap-3.0.1' });
const runtime = openRuntime(config);
try {
  await runtime.sources.upsert({ id: 'bench', url: `http://${hostPort}/catalogue.ttl` });
  const deps = await runnerDeps(runtime, config, { enrich: false });
  await harvestAll(await runtime.sources.list(), deps);
  const origin = { source: config.events.source, baseUrl: config.baseUrl };
  const sub = runtime.subscriptions.create(null, { types: [], filters: [], sink: `http://${hostPort}/hook` }, runtime.events.bounds().newest);
  const webhook = new WebhookDelivery({ events: runtime.events, subscriptions: runtime.subscriptions, origin, policy: config.fetchPolicy, intervalMs: 20 });
  const nats = natsUrl ? new NatsPublisher({ url: natsUrl, stream }, runtime.events, origin, (m) => console.error(m), 20) : null;
  if (nats) runtime.events.advance(`nats:${stream}`, runtime.events.bounds().newest);
  webhook.start();
  await nats?.start();

  // The harvest that changes every record.
  version++;
  const target = runtime.events.bounds().newest + n;
  const t0 = performance.now();
  const marks: Record<string, number> = {};
  const watch = setInterval(() => {
    const now = performance.now();
    if (!marks.outbox && runtime.events.bounds().newest >= target) marks.outbox = now;
    if (nats && !marks.nats && runtime.events.cursor(`nats:${stream}`) >= target) marks.nats = now;
    if (!marks.webhook && (runtime.subscriptions.get(sub.id)?.delivered ?? 0) >= target) marks.webhook = now;
  }, 5);
  await harvestAll(await runtime.sources.list(), deps);
  const harvestEnd = performance.now();
  while (!marks.webhook || (nats && !marks.nats)) await new Promise((r) => setTimeout(r, 20));
  clearInterval(watch);
  const firstCommit = runtime.events.read({ after: target - n, limit: 1 })[0]!;
  const rows: Record<string, string>[] = [
    { what: 'harvest of the changes (fetch, validate, publish)', seconds: ((harvestEnd - t0) / 1000).toFixed(2), 'events/s': '' },
    { what: 'last event in the outbox (from the harvest start)', seconds: ((marks.outbox! - t0) / 1000).toFixed(2), 'events/s': '' },
    ...(nats ? [{ what: 'last event acknowledged by NATS JetStream', seconds: ((marks.nats! - t0) / 1000).toFixed(2), 'events/s': (n / ((marks.nats! - marks.outbox!) / 1000 + 1e-9)).toFixed(0) + ' (after the outbox)' }] : []),
    { what: 'last event received by the webhook', seconds: ((marks.webhook! - t0) / 1000).toFixed(2), 'events/s': (n / ((marks.webhook! - marks.outbox!) / 1000 + 1e-9)).toFixed(0) + ' (after the outbox)' },
  ];
  // Into the outbox alone: what the sink's two transactions take for N events (measured on the log itself).
  const pending = Array.from({ length: n }, (_, i) => ({ ...firstCommit, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
  const o0 = performance.now();
  runtime.events.addPending('bench-run', pending);
  runtime.events.commit('bench-run');
  const outboxS = (performance.now() - o0) / 1000;
  rows.push({ what: `${n} events written pending and committed (the outbox's own cost)`, seconds: outboxS.toFixed(3), 'events/s': (n / outboxS).toFixed(0) });
  while ((runtime.subscriptions.get(sub.id)?.delivered ?? 0) < runtime.events.bounds().newest) await new Promise((r) => setTimeout(r, 20));

  // Steady load: one event committed every 1/rate s; latency from commit to the webhook's receipt.
  const committedAt = new Map<string, number>();
  for (let i = 0; i < rate * seconds; i++) {
    const e = { ...firstCommit, id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}` };
    runtime.events.addPending(`steady-${i}`, [e]);
    runtime.events.commit(`steady-${i}`);
    committedAt.set(e.id, performance.now());
    await new Promise((r) => setTimeout(r, 1000 / rate));
  }
  while ([...committedAt.keys()].some((id) => !received.has(id))) await new Promise((r) => setTimeout(r, 20));
  const latencies = [...committedAt].map(([id, at]) => received.get(id)! - at);
  rows.push({ what: `webhook latency at ${rate} events/s for ${seconds} s: p50 / p99 / max (ms)`, seconds: `${q(latencies, 0.5).toFixed(0)} / ${q(latencies, 0.99).toFixed(0)} / ${Math.max(...latencies).toFixed(0)}`, 'events/s': '' });
  console.table(rows);
  await webhook.stop();
  await nats?.stop();
  if (natsUrl) {
    // The stream is the benchmark's own: leave the server as it was.
    const { connect } = await import('@nats-io/transport-node');
    const { jetstreamManager } = await import('@nats-io/jetstream');
    const nc = await connect({ servers: natsUrl });
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => undefined);
    await nc.close();
  }
} finally {
  await runtime.close();
  server.close();
  await rm(dir, { recursive: true, force: true });
}
