import { join } from 'node:path';
import type { HarvestOutcome, HarvestStats } from '@fedcat/harvester';
import { readJson, writeJson } from './json-file.js';

/** How many validation results a run record keeps (the counts are always complete). */
const KEPT_RESULTS = 50;

/** A harvest run as recorded for a source. */
export interface RunRecord {
  readonly source: string;
  readonly status: 'succeeded' | 'failed';
  readonly startedAt: string;
  readonly endedAt: string;
  readonly stats?: HarvestStats;
  readonly error?: { readonly code: string; readonly message: string };
}

/** A source's harvest status: its last run and its last successful run. */
export interface SourceStatus {
  readonly lastRun: RunRecord | null;
  readonly lastSuccess: RunRecord | null;
}

/** Turns an outcome into its stored record, trimming long validation result lists. */
export function toRunRecord(outcome: HarvestOutcome): RunRecord {
  if (outcome.kind === 'failed') {
    return { source: outcome.source, status: 'failed', startedAt: outcome.startedAt, endedAt: outcome.endedAt,
      error: { code: outcome.error.code, message: outcome.error.message } };
  }
  const v = outcome.stats.validation;
  return { source: outcome.source, status: 'succeeded', startedAt: outcome.startedAt, endedAt: outcome.endedAt,
    stats: { ...outcome.stats, validation: { ...v, results: v.results.slice(0, KEPT_RESULTS) } } };
}

/** Per-source run status files in `<dataDir>/runs/<source>.json`, shared by CLI and server. */
export class RunLog {
  private readonly dir: string;
  constructor(dataDir: string) {
    this.dir = join(dataDir, 'runs');
  }

  status(source: string): Promise<SourceStatus> {
    return readJson<SourceStatus>(join(this.dir, `${source}.json`), { lastRun: null, lastSuccess: null });
  }

  async record(run: RunRecord): Promise<SourceStatus> {
    const previous = await this.status(run.source);
    const next: SourceStatus = { lastRun: run, lastSuccess: run.status === 'succeeded' ? run : previous.lastSuccess };
    await writeJson(join(this.dir, `${run.source}.json`), next);
    return next;
  }
}
