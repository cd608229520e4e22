import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import type { Source } from '@fedcat/catalogue';
import type { Config } from '../config/load-config.js';
import type { RunningHarvests } from '../control/running-harvests.js';
import { childHarvestEnv } from './child-env.js';

/** Starts harvests in the background, for the scheduler and for owners asking for one through the API. */
export interface HarvestLauncher {
  /** Starts harvesting a source; `busy` when it is already being harvested (by any process). */
  launch(source: Source, why: 'scheduled' | 'requested'): Promise<'started' | 'busy'>;
  /** Harvests this launcher started that are still running. */
  active(): number;
  /** Ends running harvests (each keeps its source's last complete state). */
  stop(): Promise<void>;
}

/**
 * Harvests each source in a child `fedcat harvest --source ID` process: parsing and SHACL validation of a large
 * catalogue never block the API's event loop, and a crashing harvest cannot take the server down. Children write
 * through the data directory like any CLI harvest; the server's store and index pick the result up.
 */
export class ChildHarvestLauncher implements HarvestLauncher {
  private readonly children = new Map<string, ChildProcess>();
  private readonly cli = fileURLToPath(new URL('../cli/main.js', import.meta.url));

  /** `log` is read when a harvest starts (the server's logger exists only once the app is built). */
  constructor(private readonly deps: { config: Config; running: RunningHarvests; log: () => FastifyBaseLogger }) {}

  active(): number {
    return this.children.size;
  }

  async launch(source: Source, why: 'scheduled' | 'requested'): Promise<'started' | 'busy'> {
    if (this.children.has(source.id) || (await this.deps.running.get(source.id))) return 'busy';
    const { config } = this.deps;
    const log = this.deps.log();
    const child = spawn(process.execPath, [this.cli, 'harvest', '--source', source.id, '--data', config.dataDir], {
      env: childHarvestEnv(config),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.set(source.id, child);
    log.info({ source: source.id, pid: child.pid }, `${why} harvest started`);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        if (!line.startsWith('… ') || line.includes('harvesting')) log.info({ source: source.id }, line);
      });
    }
    child.on('exit', (code, signal) => {
      this.children.delete(source.id);
      log.info({ source: source.id, code, signal }, `${why} harvest ended`);
    });
    child.on('error', (err) => {
      this.children.delete(source.id);
      log.error({ err, source: source.id }, `could not start a ${why} harvest`);
    });
    return 'started';
  }

  async stop(): Promise<void> {
    const exits = [...this.children.values()].map((c) => new Promise<void>((r) => { c.once('exit', () => r()); c.kill('SIGTERM'); }));
    await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 5000))]);
  }
}
