/**
 * The parent's Node flags without `--conditions`, for worker threads that run built JavaScript: the workspace
 * packages a worker imports must resolve to their built files too, even when the parent runs sources (tests use
 * the `development` condition, which points at TypeScript).
 */
export function builtExecArgv(): string[] {
  const out: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const arg = process.execArgv[i]!;
    if (arg === '--conditions' || arg === '-C') { i++; continue; }
    if (arg.startsWith('--conditions=')) continue;
    out.push(arg);
  }
  return out;
}
