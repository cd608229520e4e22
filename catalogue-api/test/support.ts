import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Source } from '@fedcat/catalogue';
import { qualityVocabularies } from '@fedcat/shapes/quality';
import { runnerDeps, buildApp, genidBase, harvestAll, loadConfig, openRuntime, type AppOptions, type HarvestLauncher, type Runtime } from '../src/index.js';

/** {@link harvestedApp} on the demo organisations a demo publisher serves on loopback (the harvest may reach it). */
export function harvestedDemo(publisher: { readonly origin: string; readonly files: readonly string[] }): ReturnType<typeof harvestedApp> {
  return harvestedApp(publisher.files.map((f) => ({ id: f.replace('.ttl', ''), url: `${publisher.origin}/${f}` })),
    { FEDCAT_HARVEST_ALLOW_PRIVATE: publisher.origin.slice('http://'.length) });
}

/**
 * A fresh data directory with `sources` registered and harvested (real fetches over loopback, real store and
 * index), and the API built on it once the store has loaded; harvests asked for through the API run in this process. `close` ends both and removes the directory.
 */
export async function harvestedApp(sources: readonly { id: string; url: string; profile?: string }[], env: NodeJS.ProcessEnv,
  appOptions: Pick<AppOptions, 'webRoot' | 'sitemapSize' | 'baseUrl' | 'logger' | 'tryLimits'> = {}): Promise<{ runtime: Runtime; app: FastifyInstance; dataDir: string; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'fedcat-api-'));
  // Links and service descriptions are fetched only where a test says so: the demo's links lead off this machine.
  const config = loadConfig({ FEDCAT_LINK_CHECK: 'false', FEDCAT_SERVICE_CHECK: 'false', ...env, FEDCAT_DATA_DIR: dir });
  const runtime = openRuntime(config);
  for (const s of sources) await runtime.sources.upsert(s);
  const deps = await runnerDeps(runtime, config);
  await harvestAll(await runtime.sources.list(), deps);
  await runtime.store.ready();
  // Harvests owners ask for run here, in this process (the server runs them in child processes).
  const pending = new Set<Promise<unknown>>();
  const launcher: HarvestLauncher = {
    async launch(source: Source) {
      if (await runtime.running.get(source.id)) return 'busy';
      const run = harvestAll([source], deps).finally(() => pending.delete(run));
      pending.add(run);
      return 'started';
    },
    active: () => pending.size,
    stop: async () => { await Promise.all(pending); },
  };
  const app = await buildApp({ ...runtime, launcher, fetchPolicy: config.fetchPolicy, eventSettings: config.events, ...appOptions });
  // The service directory builds in the background; its change log answers once the first build is done.
  await app.inject({ method: 'GET', url: '/v1/changes?limit=1' });
  return {
    runtime, app, dataDir: dir,
    async close() {
      await launcher.stop();
      await app.close();
      await runtime.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
