import { spawn, type ChildProcess } from 'node:child_process';
import { freePort as freeTcpPort } from '@fedcat/catalogue-api/testing';
import { fileURLToPath } from 'node:url';

/** The fedcat CLI entry point (built JavaScript, as users run it). */
export const FEDCAT_BIN = fileURLToPath(new URL('../../catalogue-api/bin/fedcat.js', import.meta.url));

/** A free loopback TCP port (as `fedcat serve --port 0` takes one). */
export const freePort = (): Promise<number> => freeTcpPort('127.0.0.1');

/** Runs one fedcat CLI command to completion. */
export function fedcat(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [FEDCAT_BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Starts a fedcat CLI command and returns the child, for tests that kill it midway. */
export function spawnFedcat(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [FEDCAT_BIN, ...args], { env: { ...process.env, ...env } });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  return { child, output: () => output };
}

/** A long-running fedcat command (serve, demo) on a port, ready once /health answers. */
export interface RunningFedcat {
  readonly base: string;
  readonly startedAt: number;
  readonly output: () => string;
  stop(): Promise<void>;
  /** Ends it with SIGKILL (a crash: nothing of it runs to an end). */
  kill(): Promise<void>;
}

/** Starts `command` on `port`, given as `--port` unless `env` gives it as FEDCAT_PORT (which must then say `port`). */
export async function startFedcat(command: 'serve' | 'demo', port: number, env: NodeJS.ProcessEnv, ready: 'health' | 'harvested' = 'health'): Promise<RunningFedcat> {
  const startedAt = Date.now();
  const portFlag = env.FEDCAT_PORT === undefined ? ['--port', String(port)] : [];
  const { child, output } = spawnFedcat([command, ...portFlag], { FEDCAT_LOG_LEVEL: 'warn', ...env });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`fedcat ${command} exited: ${output()}`);
    if (Date.now() > deadline) throw new Error(`fedcat ${command} did not start: ${output()}`);
    const up = await fetch(`${base}/health`).then((r) => r.ok, () => false);
    if (up && (ready === 'health' || output().includes('fedcat is running'))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base, startedAt, output,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
    kill: () => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    }),
  };
}
