import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import type { PrivateAccess, Source } from '@fedcat/harvester';
import type { Config } from './config.js';
import type { RunningHarvests } from './registry/running.js';
import type { RunLog } from './registry/runs.js';
import type { SourceRegistry } from './registry/sources.js';
import { dueSources } from './schedule.js';

/** What the scheduler reads and how it starts harvests. */
export interface SchedulerDeps {
  readonly config: Config;
  readonly sources: SourceRegistry;
  readonly runs: RunLog;
  readonly running: RunningHarvests;
  readonly log: FastifyBaseLogger;
  /** How often due sources are looked for (default 30 s). */
  readonly checkEveryMs?: number;
}

/** The environment value that gives a child process the same private-address policy. */
function privateAccessEnv(access: PrivateAccess): string {
  switch (access.kind) {
    case 'none': return 'false';
    case 'all': return 'true';
    case 'origins': return [...access.origins].join(',');
  }
}

/**
 * Harvests scheduled sources (those with an `interval`) while fedcat serves. Each due source is harvested by
 * a child `fedcat harvest --source ID` process, at most `FEDCAT_HARVEST_CONCURRENCY` at once: parsing and
 * SHACL validation of a large catalogue then never block the API's event loop, and a crashing harvest cannot
 * take the server down. Children write through the data directory like any CLI harvest; the server's store
 * and index pick the result up. A source already being harvested by any process is left alone.
 */
export class Scheduler {
  private readonly children = new Map<string, ChildProcess>();
  private timer: NodeJS.Timeout | null = null;
  private checking = false;
  private readonly cli = fileURLToPath(new URL('./cli/main.js', import.meta.url));

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    const every = this.deps.checkEveryMs ?? 30_000;
    this.timer = setInterval(() => void this.check(), every);
    this.timer.unref();
    setTimeout(() => void this.check(), 1000).unref();
  }

  /** Starts harvests of due sources, up to the concurrency limit. */
  async check(now = new Date()): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const sources = await this.deps.sources.list();
      const rows = await Promise.all(sources.map(async (s) => ({ ...s, ...(await this.deps.runs.status(s.id)) })));
      for (const source of dueSources(rows, now)) {
        if (this.children.size >= this.deps.config.harvestConcurrency) break;
        if (this.children.has(source.id) || (await this.deps.running.get(source.id))) continue;
        this.spawn(source);
      }
    } catch (err) {
      this.deps.log.error({ err }, 'scheduler could not check for due sources');
    } finally {
      this.checking = false;
    }
  }

  private spawn(source: Source): void {
    const { config, log } = this.deps;
    const child = spawn(process.execPath, [this.cli, 'harvest', '--source', source.id, '--data', config.dataDir], {
      env: { ...process.env, FEDCAT_HARVEST_ALLOW_PRIVATE: privateAccessEnv(config.fetchPolicy.privateAccess), FEDCAT_HARVEST_FILES: config.fetchPolicy.fileRoots.join(',') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.set(source.id, child);
    log.info({ source: source.id, pid: child.pid }, 'scheduled harvest started');
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        if (!line.startsWith('… ') || line.includes('harvesting')) log.info({ source: source.id }, line);
      });
    }
    child.on('exit', (code, signal) => {
      this.children.delete(source.id);
      log.info({ source: source.id, code, signal }, 'scheduled harvest ended');
    });
    child.on('error', (err) => {
      this.children.delete(source.id);
      log.error({ err, source: source.id }, 'could not start a scheduled harvest');
    });
  }

  /** Stops checking and ends running child harvests (each keeps its source's last complete state). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const exits = [...this.children.values()].map((c) => new Promise<void>((r) => { c.once('exit', () => r()); c.kill('SIGTERM'); }));
    await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 5000))]);
  }
}
