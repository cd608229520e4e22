import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SparqlStore, type SparqlStoreOptions } from '@fedcat/catalogue-api';
import { describe } from 'vitest';

const run = promisify(execFile);
/** The script that starts and stops a private Virtuoso on loopback (also used by .ci/run and the benchmarks). */
export const VIRTUOSO_SCRIPT = fileURLToPath(new URL('../../.ci/virtuoso', import.meta.url));

/** Where a running Virtuoso answers, and the account fedcat writes with. */
export interface Virtuoso {
  readonly queryUrl: string;
  readonly updateUrl: string;
  readonly gspUrl: string;
  readonly user: string;
  readonly password: string;
}

function fromAssignments(env: Record<string, string | undefined>): Virtuoso | null {
  const get = (k: string) => env[`FEDCAT_TEST_VIRTUOSO_${k}`];
  const queryUrl = get('QUERY_URL');
  if (!queryUrl) return null;
  return { queryUrl, updateUrl: get('UPDATE_URL')!, gspUrl: get('GSP_URL')!, user: get('USER')!, password: get('PASSWORD')! };
}

/** The Virtuoso `.ci/run` started for the whole test run (FEDCAT_TEST_VIRTUOSO_*), or null. */
export const sharedVirtuoso: Virtuoso | null = fromAssignments(process.env);

/**
 * `describe` for tests that need the shared Virtuoso. Without one they are skipped, and say so; with
 * FEDCAT_REQUIRE_VIRTUOSO=1 (CI) a missing Virtuoso fails the run instead.
 */
export function describeWithVirtuoso(name: string, body: (v: Virtuoso) => void): void {
  if (sharedVirtuoso) {
    describe(name, () => body(sharedVirtuoso));
    return;
  }
  if (process.env.FEDCAT_REQUIRE_VIRTUOSO === '1') throw new Error('FEDCAT_REQUIRE_VIRTUOSO=1 but no FEDCAT_TEST_VIRTUOSO_QUERY_URL: start one with .ci/virtuoso start DIR');
  describe.skip(`${name} (no Virtuoso: run .ci/virtuoso start DIR and export what it prints)`, () => body({ queryUrl: '', updateUrl: '', gspUrl: '', user: '', password: '' }));
}

/** The environment that makes a fedcat process use this Virtuoso as its store. */
export function storeEnv(v: Virtuoso): Record<string, string> {
  return {
    FEDCAT_STORE: 'sparql', FEDCAT_STORE_QUERY_URL: v.queryUrl, FEDCAT_STORE_UPDATE_URL: v.updateUrl,
    FEDCAT_STORE_GSP_URL: v.gspUrl, FEDCAT_STORE_USER: v.user, FEDCAT_STORE_PASSWORD: v.password,
  };
}

/** A Virtuoso of a test's own in `dir` (for tests that stop and start it), via `.ci/virtuoso`. */
export interface PrivateVirtuoso extends Virtuoso {
  stop(): Promise<void>;
  start(): Promise<void>;
}

export const virtuosoInstalled = (): boolean => existsSync('/usr/bin/virtuoso-t');

export async function startPrivateVirtuoso(dir: string): Promise<PrivateVirtuoso> {
  const parse = (out: string) => fromAssignments(Object.fromEntries(out.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])));
  const { stdout } = await run(VIRTUOSO_SCRIPT, ['start', dir]);
  const v = parse(stdout)!;
  return {
    ...v,
    stop: async () => { await run(VIRTUOSO_SCRIPT, ['stop', dir]); },
    // Started again on the same ports (written in DIR/ports), with the same password.
    start: async () => { await run(VIRTUOSO_SCRIPT, ['start', dir]); },
  };
}

/** SparqlStore options for this Virtuoso (its Graph Store endpoint, Digest answered), with `over` on top. */
export const storeOptions = (v: Virtuoso, over: Partial<SparqlStoreOptions> = {}): SparqlStoreOptions => ({
  queryUrl: v.queryUrl, updateUrl: v.updateUrl, graphStoreUrl: v.gspUrl,
  auth: { kind: 'user', user: v.user, password: v.password, scheme: 'auto' }, timeoutMs: 30_000, retries: 2, ...over,
});

/** Drops every graph fedcat wrote to the store: a test starts from an empty store. */
export async function emptyStore(v: Virtuoso): Promise<void> {
  const store = new SparqlStore(storeOptions(v, { pollMs: 0 }));
  await store.ready();
  for (const { graph } of await store.listGraphs()) await store.replaceGraph(graph, []);
  await store.close();
}
