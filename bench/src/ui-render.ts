import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { initialJavaScript } from '../../web/scripts/initial-javascript.mjs';
import { numberArg, percentile, sleep } from './bench-process.js';
import { prepareDataDir } from './data-dir.js';
import { WORDS } from './generate.js';

// Usage: node bench/dist/ui-render.js [--docs 100000] [--queries 60]
// Serves N generated datasets with the real `fedcat serve` and drives the search page in Debian's Chromium: types
// queries (plain and with a typo) into the search box as a reader would and measures, in the browser, the time from
// the end of the API's answer (Resource Timing responseEnd of /v1/search) to the results and facets being on screen
// (the search element's performance mark after its result list has rendered). Also prints the initial JavaScript of
// the search page (gzipped) and a cold page load to first results.

const FEDCAT = fileURLToPath(new URL('../../catalogue-api/bin/fedcat.js', import.meta.url));
const PUBLIC = fileURLToPath(new URL('../../web/public/', import.meta.url));
const n = numberArg('--docs', 100_000);
const queries = numberArg('--queries', 60);
const port = 19_000 + Math.floor(Math.random() * 1000);
const base = `http://127.0.0.1:${port}`;

const dir = await mkdtemp(join(tmpdir(), 'fedcat-bench-ui-'));
let server: ReturnType<typeof spawn> | undefined;
const browser = await chromium.launch({
  executablePath: process.env.FEDCAT_CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  console.error(`UI render benchmark: ${n} datasets; ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium ${browser.version()}`);
  await prepareDataDir(dir, n);
  server = spawn(process.execPath, [FEDCAT, 'serve', '--port', String(port), '--data', dir], { env: { ...process.env, FEDCAT_LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  for (;;) {
    const h = await fetch(`${base}/health`).then((r) => r.json() as Promise<{ status: string }>, () => null);
    if (h?.status === 'ok') break;
    await sleep(250);
  }

  const { files: initial, gzipBytes: jsGzip } = await initialJavaScript(PUBLIC, 'app.js');

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const coldStart = performance.now();
  await page.goto(`${base}/?q=${WORDS[0]}`);
  await page.locator('fedcat-result-list li').first().waitFor({ timeout: 60_000 });
  const coldMs = performance.now() - coldStart;

  const measure = async (q: string) => {
    await page.evaluate(`(() => {
      performance.clearMarks(); performance.clearResourceTimings();
      window.__rendered = new Promise((resolve) => document.addEventListener('fedcat-results', (e) => resolve(e.detail.total), { once: true }));
    })()`);
    await page.getByRole('searchbox').fill(q);
    const total = (await page.evaluate('window.__rendered')) as number;
    return { total, ...(await page.evaluate(`(() => {
      const rendered = performance.getEntriesByName('fedcat:search-rendered').pop();
      const answer = performance.getEntriesByName('fedcat:search-answer').pop();
      const res = performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/search')).pop();
      return { fromResponse: rendered.startTime - res.responseEnd, fromParsed: rendered.startTime - answer.startTime, request: res.responseEnd - res.startTime };
    })()`) as { fromResponse: number; fromParsed: number; request: number }) };
  };

  const rows: { q: string; total: number; fromResponse: number; fromParsed: number; request: number }[] = [];
  for (let i = 0; i < queries; i++) {
    const w = WORDS[(i * 7) % WORDS.length]!;
    const q = i % 3 === 2 && w.length >= 6 ? `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}` : i % 3 === 1 ? `${w} ${WORDS[(i * 11) % WORDS.length]}` : w;
    rows.push({ q, ...(await measure(q)) });
  }
  const from = rows.map((r) => r.fromResponse);
  const parsed = rows.map((r) => r.fromParsed);
  const req = rows.map((r) => r.request);
  console.log(`initial JavaScript of the search page: ${initial.length} files, ${(jsGzip / 1024).toFixed(1)} KB gzipped (budget 100 KB; SPARQL editor lazy)`);
  console.log(`cold page load to first results (${n} datasets): ${coldMs.toFixed(0)} ms`);
  console.log(`${rows.length} searches typed (20 hits + 6 facets each; median ${percentile(rows.map((r) => r.total), 50)} matches):`);
  console.log(`  API answer received → results on screen: p50 ${percentile(from, 50).toFixed(1)} ms, p95 ${percentile(from, 95).toFixed(1)} ms, max ${Math.max(...from).toFixed(1)} ms (target ≤ 100 ms)`);
  console.log(`  answer parsed → results on screen:       p50 ${percentile(parsed, 50).toFixed(1)} ms, p95 ${percentile(parsed, 95).toFixed(1)} ms`);
  console.log(`  the API request itself (browser view):   p50 ${percentile(req, 50).toFixed(1)} ms, p95 ${percentile(req, 95).toFixed(1)} ms`);
  if (Math.max(...from) > 100) process.exitCode = 1;
} finally {
  await browser.close();
  server?.kill();
  await rm(dir, { recursive: true, force: true });
}
