import type { FastifyBaseLogger } from 'fastify';
import type { HarvestLauncher } from './launcher.js';
import type { RunLog } from '../control/runs.js';
import type { SourceRegistry } from '../control/sources.js';
import { dueSources } from './due-sources.js';

/** What the scheduler reads and how it starts harvests. */
export interface SchedulerDeps {
  readonly sources: SourceRegistry;
  readonly runs: RunLog;
  readonly launcher: HarvestLauncher;
  /** Scheduled harvests at once (`FEDCAT_HARVEST_CONCURRENCY`). */
  readonly concurrency: number;
  readonly log: FastifyBaseLogger;
  /** How often due sources are looked for (default 30 s). */
  readonly checkEveryMs?: number;
}

/**
 * Harvests scheduled sources (those with an `interval`, not paused) while fedcat serves, through the launcher
 * (child processes), at most `concurrency` at once. A source already being harvested by any process is left alone.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

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
        if (this.deps.launcher.active() >= this.deps.concurrency) break;
        await this.deps.launcher.launch(source, 'scheduled');
      }
    } catch (err) {
      this.deps.log.error({ err }, 'scheduler could not check for due sources');
    } finally {
      this.checking = false;
    }
  }

  /** Stops checking; running harvests are the launcher's to end. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
