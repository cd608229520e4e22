import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberArg, rssMB, sleep } from './bench-process.js';
import { prepareDataDir } from './data-dir.js';

// Usage: node bench/dist/restart.js [--docs 100000]
// Writes a data directory with N datasets (graph files + search index), starts `fedcat serve` on it and
// measures how soon search answers after process start, and whether the RDF store was still loading then.

const FEDCAT = fileURLToPath(new URL('../../catalogue-api/bin/fedcat.js', import.meta.url));
const n = numberArg('--docs', 100_000);
const port = 18_000 + Math.floor(Math.random() * 1000);

const dir = await mkdtemp(join(tmpdir(), 'fedcat-restart-'));
try {
  console.error(`restart benchmark: ${n} datasets; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  const { quads, graphs, seconds } = await prepareDataDir(dir, n);
  console.error(`prepared ${quads} quads in ${graphs} graphs and the search index in ${seconds.toFixed(1)} s`);

  const started = Date.now();
  const child = spawn(process.execPath, [FEDCAT, 'serve', '--port', String(port), '--data', dir], { env: { ...process.env, FEDCAT_LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  let searchMs = -1;
  let storeAtSearch = '';
  let total = 0;
  while (Date.now() - started < 120_000) {
    const res = await fetch(`${base}/v1/search?q=waterstanden&filter=theme:http://publications.europa.eu/resource/authority/data-theme/ENVI`).catch(() => null);
    if (res?.ok) {
      total = ((await res.json()) as { total: number }).total;
      searchMs = Date.now() - started;
      storeAtSearch = ((await (await fetch(`${base}/health`)).json()) as { store: { status: string } }).store.status;
      break;
    }
    await sleep(20);
  }
  let readyMs = -1;
  while (Date.now() - started < 600_000) {
    const h = (await (await fetch(`${base}/health`)).json()) as { store: { status: string } };
    if (h.store.status === 'ready') { readyMs = Date.now() - started; break; }
    await sleep(200);
  }
  const serverRss = rssMB(child.pid!);
  child.kill('SIGTERM');
  console.table([{ datasets: n, quads, firstSearchAnswerS: +(searchMs / 1000).toFixed(2), hits: total, storeWhenSearchAnswered: storeAtSearch,
    storeReadyS: +(readyMs / 1000).toFixed(1), serverRssMB: serverRss }]);
  if (searchMs < 0 || searchMs > 2000) process.exitCode = 1;
} finally {
  await sleep(500);
  await rm(dir, { recursive: true, force: true });
}
