import { mkdir, open, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { startingProgress, type HarvestProgress } from '@fedcat/harvester';
import { readJson, writeJson } from './json-file.js';

/** A harvest in progress, as any fedcat process (CLI or server) sees it. */
export interface RunningHarvest {
  readonly source: string;
  /** The process running it. */
  readonly pid: number;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly progress: HarvestProgress;
}

const SUFFIX = '.running.json';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Harvests in progress, one file per source in `<dataDir>/runs/<source>.running.json`. The file is also the
 * source's lock: created exclusively, so two processes never harvest one source at once; a file left by a
 * process that died (kill -9) is stale and is taken over.
 */
export class RunningHarvests {
  private readonly dir: string;
  /** Sources this process is harvesting (a lock file with our own pid may also be a dead process's, after pid reuse). */
  private readonly mine = new Set<string>();
  constructor(dataDir: string) {
    this.dir = join(dataDir, 'runs');
  }

  private path(source: string) {
    return join(this.dir, `${source}${SUFFIX}`);
  }

  /** Claims a source for this process; false when another live process is harvesting it. */
  async claim(source: string, startedAt: string): Promise<boolean> {
    if (this.mine.has(source)) return false;
    this.mine.add(source);
    if (await this.take(source, startedAt)) return true;
    this.mine.delete(source);
    return false;
  }

  private async take(source: string, startedAt: string): Promise<boolean> {
    const entry: RunningHarvest = { source, pid: process.pid, startedAt, updatedAt: startedAt, progress: startingProgress };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await mkdir(this.dir, { recursive: true });
        const handle = await open(this.path(source), 'wx');
        await handle.writeFile(JSON.stringify(entry));
        await handle.close();
        return true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const holder = await this.get(source, { includeStale: true });
        if (holder && alive(holder.pid) && holder.pid !== process.pid) return false;
        await unlink(this.path(source)).catch(() => undefined);
      }
    }
    return false;
  }

  async update(source: string, startedAt: string, progress: HarvestProgress): Promise<void> {
    await writeJson(this.path(source), { source, pid: process.pid, startedAt, updatedAt: new Date().toISOString(), progress } satisfies RunningHarvest);
  }

  async release(source: string): Promise<void> {
    this.mine.delete(source);
    await unlink(this.path(source)).catch(() => undefined);
  }

  async get(source: string, options: { includeStale?: boolean } = {}): Promise<RunningHarvest | null> {
    const entry = await readJson<RunningHarvest | null>(this.path(source), null).catch(() => null);
    if (!entry) return null;
    return options.includeStale || alive(entry.pid) ? entry : null;
  }

  /** Harvests running now in any live process, oldest first. */
  async list(): Promise<RunningHarvest[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const entries = await Promise.all(names.filter((n) => n.endsWith(SUFFIX)).map((n) => this.get(n.slice(0, -SUFFIX.length))));
    return entries.filter((e): e is RunningHarvest => e !== null).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }
}
