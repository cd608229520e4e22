import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runnerDeps, genidBase, harvestAll, loadConfig, openRuntime, type RunnerEvent } from '@fedcat/catalogue-api';

// Usage: node --heap-growing-percent=30 bench/dist/phases.js [--docs 100000] (the heap growth fedcat harvest runs with)
// Where a harvest's time goes: seconds per phase (reading, splitting, validating, publishing, recording),
// for a first harvest and an unchanged re-harvest of a generated catalogue from loopback, and the highest
// resident memory (MB, sampled every 50 ms) seen in each phase.

const args = process.argv.slice(2);
const n = Number(args[args.indexOf('--docs') + 1] ?? 100_000) || 100_000;
// The catalogue is served by another process, so this one's memory is the harvest's alone.
const server = fork(new URL('./serve-catalogue.js', import.meta.url), ['--docs', String(n)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const [line] = (await once(server.stdout!, 'data')) as [Buffer];
const [url] = line.toString().trim().split(' ');
const dir = await mkdtemp(join(tmpdir(), 'fedcat-bench-phases-'));
try {
  const config = loadConfig({ FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: 'true', FEDCAT_HARVEST_MAX_BYTES: String(2 ** 31), FEDCAT_HARVEST_TIMEOUT_MS: '3600000' });
  const runtime = openRuntime(config, { lazyStore: true });
  await runtime.sources.upsert({ id: 'bench', url: url! });
  const rows: Record<string, number | string>[] = [];
  for (const label of ['first', 'unchanged']) {
    const marks: [string, number][] = [];
    const peaks = new Map<string, number>();
    const sample = () => {
      const phase = marks.at(-1)?.[0];
      if (phase) peaks.set(phase, Math.max(peaks.get(phase) ?? 0, process.memoryUsage.rss()));
    };
    const sampler = setInterval(sample, 50);
    const onEvent = (e: RunnerEvent) => {
      const phase = e.phase === 'progress' ? e.progress.phase : e.phase;
      sample();
      if (marks.at(-1)?.[0] !== phase) marks.push([phase, performance.now()]);
    };
    const started = performance.now();
    await harvestAll(await runtime.sources.list(), await runnerDeps(runtime, config, { enrich: false, onEvent }));
    const end = performance.now();
    clearInterval(sampler);
    const row: Record<string, number | string> = { run: label };
    marks.forEach(([phase, at], i) => {
      const name = phase === 'ended' ? 'recording' : phase;
      row[name] = `${(((marks[i + 1]?.[1] ?? end) - at) / 1000).toFixed(2)} s, ${Math.round((peaks.get(phase) ?? 0) / 2 ** 20)} MB`;
    });
    row.total = +((end - started) / 1000).toFixed(2);
    rows.push(row);
  }
  await runtime.close();
  console.table(rows);
} finally {
  server.kill();
  await rm(dir, { recursive: true, force: true });
}
