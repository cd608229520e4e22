import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { numberArg } from './bench-process.js';

// Usage: node bench/dist/suite-under-load.js [--runs 3] [--hogs 1]
// Runs the whole test suite (`vitest run`, after one build) `--runs` times in a row while `--hogs` processes each keep
// one core busy beside it: what a busy CI machine does to timing-sensitive tests. Prints each run's outcome and
// duration; exits 1 if any run failed. For the Virtuoso tests to run rather than skip, start one first and export
// what `.ci/virtuoso start DIR` prints (with FEDCAT_REQUIRE_VIRTUOSO=1), as .ci/run does.

const root = fileURLToPath(new URL('../..', import.meta.url));
const runs = numberArg('--runs', 3);
const hogs = numberArg('--hogs', 1);

/** A process that keeps one core busy until killed. */
const hog = () => spawn(process.execPath, ['-e', 'for (;;) { Math.sqrt(Math.random()); }'], { stdio: 'ignore' });

function run(command: string, args: readonly string[]): Promise<{ code: number; seconds: number; summary: string }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('close', (code) => {
      const plain = tail.replace(/\u001b\[[0-9;]*m/g, '');
      const summary = /Tests\s+([^\n]+)/.exec(plain)?.[1]?.trim() ?? 'no summary';
      resolve({ code: code ?? 1, seconds: (performance.now() - t0) / 1000, summary });
    });
  });
}

console.error(`suite under load: ${runs} runs, ${hogs} busy process(es) beside it, ${cpus().length} cores, Node ${process.version}`);
const build = await run('npm', ['run', 'build']);
if (build.code !== 0) process.exit(1);
const busy = Array.from({ length: hogs }, hog);
const results = [];
try {
  for (let i = 1; i <= runs; i++) {
    const r = await run('npx', ['vitest', 'run']);
    results.push(r);
    console.error(`run ${i}: ${r.code === 0 ? 'passed' : 'FAILED'} in ${r.seconds.toFixed(0)} s (${r.summary})`);
  }
} finally {
  for (const p of busy) p.kill();
}
for (const [i, r] of results.entries()) console.log(`run ${i + 1}: ${r.code === 0 ? 'passed' : 'FAILED'}, ${r.seconds.toFixed(0)} s, ${r.summary}`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
