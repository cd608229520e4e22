import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { CATALOGUE_HEADER, generateDocuments, toCatalogueNTriples } from './generate.js';

// Usage: node bench/dist/harvest.js [--docs 100000]
// Harvests a generated catalogue from loopback end to end with the real CLI in its own process (`fedcat harvest`:
// fetch, parse, normalise, skolemise, split, hash, validate, store, index), then re-harvests it unchanged (the same
// bytes, no validators), then with one record changed (every other record hash-unchanged), and times n3's parse
// alone on the same bytes in this process. Peak RSS is the harvest process's own.

const args = process.argv.slice(2);
const n = Number(args[args.indexOf('--docs') + 1] ?? 100_000) || 100_000;

const docs = generateDocuments(n);
const records = docs.map(toCatalogueNTriples);
const body = Buffer.from(`${CATALOGUE_HEADER}${records.join('')}`);
// The same catalogue with one record's title changed: the per-record path (every other record hash-unchanged).
const oneChanged = Buffer.from(`${CATALOGUE_HEADER}${toCatalogueNTriples({ ...docs[0]!, title: `${docs[0]!.title} (bijgewerkt)` })}${records.slice(1).join('')}`);
records.length = 0;
let serving = body;
// No ETag or Last-Modified: every re-harvest reads the whole document, as from most CKAN-style DCAT endpoints.
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/turtle' }).end(serving));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/catalog.ttl`;
console.error(`harvest benchmark: ${n} records, ${(body.length / 2 ** 20).toFixed(0)} MB of Turtle; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);

let t = performance.now();
const parsed = new Parser({ format: 'text/turtle' }).parse(body.toString('utf8'));
const parseS = (performance.now() - t) / 1000;
const triples = parsed.length;
parsed.length = 0;

const dir = await mkdtemp(join(tmpdir(), 'fedcat-bench-harvest-'));
const FEDCAT = fileURLToPath(new URL('../../catalogue-api/bin/fedcat.js', import.meta.url));
// Links are not checked: the generated ones name hosts that do not exist, and checking is bounded per run anyway.
const env = { ...process.env, FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: 'true', FEDCAT_HARVEST_MAX_BYTES: String(2 ** 31), FEDCAT_HARVEST_TIMEOUT_MS: '3600000', FEDCAT_LINK_CHECK: 'false' };

/** Runs the real `fedcat harvest` in its own process: wall time and peak RSS (VmHWM, polled) of that process alone. */
async function cliHarvest(): Promise<{ seconds: number; peakRssMB: number; output: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [FEDCAT, 'harvest', '--source', 'bench'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  let peakKB = 0;
  const poll = setInterval(() => {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSyncSafe(`/proc/${child.pid}/status`))?.[1];
    if (hwm) peakKB = Math.max(peakKB, Number(hwm));
  }, 50);
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  clearInterval(poll);
  if (code !== 0) throw new Error(`fedcat harvest exited with ${code}:\n${output}`);
  return { seconds: (performance.now() - started) / 1000, peakRssMB: Math.round(peakKB / 1024), output };
}

function readFileSyncSafe(path: string): string {
  try { return readFileSync(path, 'utf8'); } catch { return ''; }
}

try {
  const add = spawnSync(process.execPath, [FEDCAT, 'sources', 'add', url, '--id', 'bench'], { env });
  if (add.status !== 0) throw new Error(String(add.stderr));
  const first = await cliHarvest();
  const again = await cliHarvest();
  if (process.env.BENCH_VERBOSE) console.error(first.output);
  if (!again.output.includes('the same bytes as the last harvest')) console.error(`the re-harvest did not see the same bytes:\n${again.output}`);
  serving = oneChanged;
  const changed = await cliHarvest();
  if (!changed.output.includes(`~1 =${n - 1} -0`)) console.error(`the re-harvest with one record changed did not update exactly one:\n${changed.output}`);
  console.table([{
    records: n, triples, parseOnlyS: +parseS.toFixed(1), endToEndS: +first.seconds.toFixed(1), ratio: +(first.seconds / parseS).toFixed(1),
    triplesPerS: Math.round(triples / first.seconds), reharvestUnchangedS: +again.seconds.toFixed(1), reharvestRatio: +(again.seconds / first.seconds).toFixed(2),
    oneChangedS: +changed.seconds.toFixed(1), oneChangedRatio: +(changed.seconds / first.seconds).toFixed(2),
    peakRssMB: first.peakRssMB, reharvestPeakRssMB: Math.max(again.peakRssMB, changed.peakRssMB),
  }]);
} finally {
  server.close();
  await rm(dir, { recursive: true, force: true });
}
