import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { genidBase, harvestAll, loadConfig, openRuntime, type RunnerEvent } from '@fedcat/catalogue-api';
import { generateDocuments, toNTriples } from './generate.js';

// Usage: node bench/dist/phases.js [--docs 20000]
// Where a harvest's time goes: seconds per phase (reading, splitting, validating, publishing, recording),
// for a first harvest and an unchanged re-harvest of a generated catalogue from loopback.

const args = process.argv.slice(2);
const n = Number(args[args.indexOf('--docs') + 1] ?? 20_000) || 20_000;
const body = Buffer.from(`@prefix dcat: <http://www.w3.org/ns/dcat#> .\n${generateDocuments(n).map(toNTriples).join('')}`);
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/turtle' }).end(body));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const dir = await mkdtemp(join(tmpdir(), 'fedcat-bench-phases-'));
try {
  const config = loadConfig({ FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: 'true', FEDCAT_HARVEST_MAX_BYTES: String(2 ** 31), FEDCAT_HARVEST_TIMEOUT_MS: '3600000' });
  const runtime = openRuntime(config, { lazyStore: true });
  await runtime.sources.upsert({ id: 'bench', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/catalog.ttl` });
  const rows: Record<string, number | string>[] = [];
  for (const label of ['first', 'unchanged']) {
    const marks: [string, number][] = [];
    const onEvent = (e: RunnerEvent) => {
      const phase = e.phase === 'progress' ? e.progress.phase : e.phase;
      if (marks.at(-1)?.[0] !== phase) marks.push([phase, performance.now()]);
    };
    const started = performance.now();
    await harvestAll(await runtime.sources.list(), { ...runtime, validator: await runtime.validator(), fetchPolicy: config.fetchPolicy, genidBase: genidBase(config), onEvent });
    const end = performance.now();
    const row: Record<string, number | string> = { run: label };
    marks.forEach(([phase, at], i) => { row[phase === 'ended' ? 'recording' : phase] = +(((marks[i + 1]?.[1] ?? end) - at) / 1000).toFixed(2); });
    row.total = +((end - started) / 1000).toFixed(2);
    rows.push(row);
  }
  await runtime.close();
  console.table(rows);
} finally {
  server.close();
  await rm(dir, { recursive: true, force: true });
}
