import { readFileSync } from 'node:fs';

/** The number after `--name` on the command line, or `fallback`. */
export function numberArg(name: string, fallback: number, args = process.argv.slice(2)): number {
  return args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A process's resident memory now (`VmRSS`) or at its peak (`VmHWM`), in MB, from /proc. */
export function rssMB(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  return Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
}

/** The `p`th percentile (0-100) of `values`: the value below which `p` percent of them lie (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
