import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { generateDocuments, toNTriples } from './generate.js';

// Usage: node bench/dist/harvest.js [--docs 100000]
// Harvests a generated catalogue from loopback end to end with the real CLI in its own process (`fedcat harvest`:
// fetch, parse, normalise, skolemise, split, hash, validate, store, index), then re-harvests it unchanged, and
// times n3's parse alone on the same bytes in this process. Peak RSS is the harvest process's own.

const args = process.argv.slice(2);
const n = Number(args[args.indexOf('--docs') + 1] ?? 100_000) || 100_000;

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
const FEDCAT = fileURLToPath(new URL('../../catalogue-api/bin/fedcat.js', import.meta.url));
const env = { ...process.env, FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: 'true', FEDCAT_HARVEST_MAX_BYTES: String(2 ** 31), FEDCAT_HARVEST_TIMEOUT_MS: '3600000' };

/** Runs the real `fedcat harvest` in its own process: wall time and peak RSS (VmHWM, polled) of that process alone. */
async function cliHarvest(): Promise<{ seconds: number; peakRssMB: number; output: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--max-old-space-size=8192', FEDCAT, 'harvest', '--source', 'bench'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
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
  if (!again.output.includes(`=${n} -0`)) console.error(`the re-harvest did not find every record unchanged:\n${again.output}`);
  console.table([{
    records: n, triples, parseOnlyS: +parseS.toFixed(1), endToEndS: +first.seconds.toFixed(1), ratio: +(first.seconds / parseS).toFixed(1),
    triplesPerS: Math.round(triples / first.seconds), reharvestUnchangedS: +again.seconds.toFixed(1), reharvestRatio: +(again.seconds / first.seconds).toFixed(2),
    peakRssMB: first.peakRssMB, reharvestPeakRssMB: again.peakRssMB,
  }]);
} finally {
  server.close();
  await rm(dir, { recursive: true, force: true });
}
