import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { genidBase, harvestAll, loadConfig, openRuntime } from '@fedcat/catalogue-api';
import { generateDocuments, toNTriples } from './generate.js';

// Usage: node bench/dist/harvest.js [--docs 100000]
// Harvests a generated catalogue from loopback end to end (fetch, parse, normalise, skolemise, split, hash,
// validate, store, index), then re-harvests it unchanged, and times n3's parse alone on the same bytes.

const args = process.argv.slice(2);
const n = Number(args[args.indexOf('--docs') + 1] ?? 100_000) || 100_000;
const mb = (kb: number) => Math.round(kb / 1024);

const docs = generateDocuments(n);
const body = Buffer.from(`@prefix dcat: <http://www.w3.org/ns/dcat#> .\n${docs.map(toNTriples).join('')}`);
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/turtle' }).end(body));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/catalog.ttl`;
console.error(`harvest benchmark: ${n} records, ${(body.length / 2 ** 20).toFixed(0)} MB of Turtle; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);

let t = performance.now();
const parsed = new Parser({ format: 'text/turtle' }).parse(body.toString('utf8'));
const parseS = (performance.now() - t) / 1000;
const triples = parsed.length;
parsed.length = 0;

const dir = await mkdtemp(join(tmpdir(), 'fedcat-bench-harvest-'));
try {
  const config = loadConfig({ FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: 'true', FEDCAT_HARVEST_MAX_BYTES: String(2 ** 31), FEDCAT_HARVEST_TIMEOUT_MS: '3600000' });
  const runtime = openRuntime(config, { lazyStore: true });
  await runtime.sources.upsert({ id: 'bench', url });
  const deps = { ...runtime, validator: await runtime.validator(), fetchPolicy: config.fetchPolicy, genidBase: genidBase(config) };
  t = performance.now();
  const [first] = await harvestAll(await runtime.sources.list(), deps);
  const firstS = (performance.now() - t) / 1000;
  if (first?.kind !== 'harvested') throw new Error(`harvest failed: ${JSON.stringify(first)}`);
  t = performance.now();
  const [again] = await harvestAll(await runtime.sources.list(), deps);
  const againS = (performance.now() - t) / 1000;
  if (again?.kind !== 'harvested') throw new Error(`re-harvest failed: ${JSON.stringify(again)}`);
  await runtime.close();
  console.table([{
    records: n, triples, parseOnlyS: +parseS.toFixed(1), endToEndS: +firstS.toFixed(1), ratio: +(firstS / parseS).toFixed(1),
    triplesPerS: Math.round(triples / firstS), reharvestUnchangedS: +againS.toFixed(1), reharvestRatio: +(againS / firstS).toFixed(2),
    unchanged: again.stats.records.unchanged, peakRssMB: mb(process.resourceUsage().maxRSS),
  }]);
} finally {
  server.close();
  await rm(dir, { recursive: true, force: true });
}
