import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { generateDocuments } from './generate.js';
import { benchQueries, type BenchQuery } from './queries.js';
import { fts5Engine, miniSearchEngine, type BenchEngine } from './search-engines.js';

// Usage: node bench/dist/search-candidates.js [--docs 100000]
// Each engine runs in its own process (node --expose-gc) so memory figures do not mix.

const ENGINES: Record<string, () => Promise<BenchEngine>> = { fts5: fts5Engine, minisearch: miniSearchEngine };

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!; };
const mb = (b: number) => Math.round(b / 1048576);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function runOne(engineName: string, n: number) {
  const docs = generateDocuments(n);
  const queries = benchQueries();
  gc();
  const before = process.memoryUsage();
  const engine = await ENGINES[engineName]!();
  const t0 = performance.now();
  await engine.build(docs);
  const buildMs = performance.now() - t0;
  gc();
  const after = process.memoryUsage();
  const times: Record<BenchQuery['kind'], number[]> = { plain: [], typo: [], facet: [] };
  let typoFound = 0;
  for (const q of queries) await engine.query(q); // warm-up pass
  for (const q of queries) {
    const s = performance.now();
    const r = await engine.query(q);
    times[q.kind].push(performance.now() - s);
    if (q.kind === 'typo' && r.top.some((t) => t.includes(q.expect!))) typoFound++;
  }
  const result = {
    engine: engineName, docs: n, buildS: +(buildMs / 1000).toFixed(1),
    rssMB: mb(after.rss - before.rss), heapMB: mb(after.heapUsed - before.heapUsed), persistedMB: mb(await engine.persistedBytes()),
    ...Object.fromEntries(Object.entries(times).flatMap(([k, xs]) => [[`${k}P50`, +pct(xs, 50).toFixed(1)], [`${k}P99`, +pct(xs, 99).toFixed(1)]])),
    typoFound: `${typoFound}/${times.typo.length}`,
  };
  await engine.close();
  return result;
}

const args = process.argv.slice(2);
const n = Number(args[args.indexOf('--docs') + 1] ?? 100_000) || 100_000;
const only = args.includes('--engine') ? args[args.indexOf('--engine') + 1]! : null;

if (only) {
  console.log(JSON.stringify(await runOne(only, n)));
} else {
  console.error(`search candidates at ${n} documents, 200 queries (100 plain, 30 typo, 70 facet); ${cpus().length} cores, ${mb(totalmem())} MB, Node ${process.version}`);
  const rows = [];
  for (const name of Object.keys(ENGINES)) {
    console.error(`… ${name}`);
    const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--engine', name, '--docs', String(n)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    rows.push(JSON.parse(out.trim().split('\n').pop()!));
  }
  console.table(rows);
}
