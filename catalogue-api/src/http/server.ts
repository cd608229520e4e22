import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from '../config/load-config.js';
import { reconcileIndex } from '../maintenance/crash-recovery.js';
import { recoverEvents } from '../events/recover-events.js';
import { ChildHarvestLauncher } from '../harvest/launcher.js';
import { Scheduler } from '../harvest/scheduler.js';
import { webRoot, type Runtime } from '../runtime.js';
import { baseUrlChange } from '../control/minted-base.js';
import { logDestination } from './request-log.js';

/**
 * Builds the app on a runtime and listens; resolves once the port is open (the store may still be loading).
 * Scheduled sources, and those owners ask for, are harvested from then on (child processes).
 */
export async function startServer(config: Config, runtime: Runtime): Promise<FastifyInstance> {
  const launcher = new ChildHarvestLauncher({ config, running: runtime.running, log: () => app.log });
  const app: FastifyInstance = await buildApp({
    ...runtime, launcher, sparql: config.sparql, baseUrl: config.baseUrl, operator: config.operator, corsOrigins: config.corsOrigins, privateAccess: config.fetchPolicy.privateAccess, webRoot: webRoot(),
    fetchPolicy: config.fetchPolicy, defaultProfile: config.harvestProfile, eventSettings: config.events, changeLogPath: join(config.dataDir, 'resolution-changes.json'),
    // Request logs never carry credentials: fastify logs no headers by default; the redaction holds if that changes.
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'], stream: logDestination() },
  });
  const scheduler = new Scheduler({ sources: runtime.sources, runs: runtime.runs, launcher, concurrency: config.harvestConcurrency, log: app.log });
  app.addHook('onClose', async () => {
    scheduler.stop();
    await launcher.stop();
  });
  await app.listen({ port: config.port, host: config.host });
  const change = baseUrlChange(runtime.mintedBase.first(), config.baseUrl);
  if (change) app.log.warn(change);
  // Once the store has loaded, make sure no source's index lags its graph (a harvest killed between the two).
  // Then publish or drop the events such a harvest left pending (published when the store holds its run's graph).
  reconcileIndex(runtime.store, runtime.search, runtime.sources)
    .then((rebuilt) => { if (rebuilt.length > 0) app.log.warn({ rebuilt }, 'rebuilt search documents of sources whose last harvest was interrupted'); })
    .then(() => recoverEvents(runtime.events, runtime.store, runtime.running))
    .then((sources) => { if (sources.length > 0) app.log.warn({ sources }, 'published or dropped the events interrupted harvests left pending'); })
    .catch((err: unknown) => app.log.error({ err }, 'could not reconcile the search index and the event log with the store'));
  scheduler.start();
  return app;
}
