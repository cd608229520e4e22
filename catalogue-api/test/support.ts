import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, genidBase, harvestAll, loadConfig, openRuntime, type Runtime } from '../src/index.js';

/**
 * A fresh data directory with `sources` registered and harvested (real fetches over loopback, real store and
 * index), and the API built on it once the store has loaded. `close` ends both and removes the directory.
 */
export async function harvestedApp(sources: readonly { id: string; url: string }[], env: NodeJS.ProcessEnv): Promise<{ runtime: Runtime; app: FastifyInstance; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'fedcat-api-'));
  const config = loadConfig({ ...env, FEDCAT_DATA_DIR: dir });
  const runtime = openRuntime(config);
  for (const s of sources) await runtime.sources.upsert(s);
  await harvestAll(await runtime.sources.list(), { ...runtime, validator: await runtime.validator(), fetchPolicy: config.fetchPolicy, genidBase: genidBase(config) });
  await runtime.store.ready();
  const app = await buildApp({ store: runtime.store, search: runtime.search, sources: runtime.sources, runs: runtime.runs, running: runtime.running });
  return {
    runtime, app,
    async close() {
      await app.close();
      await runtime.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
