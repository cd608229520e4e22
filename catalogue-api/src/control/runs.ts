import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyState, type HarvestOutcome, type HarvestState, type HarvestStats } from '@fedcat/harvester';
import { readJson, writeJson } from './json-file.js';

/** How many runs a source's history keeps. */
const HISTORY = 50;

/** A harvest run as recorded for a source. */
export interface RunRecord {
  readonly id: string;
  readonly source: string;
  readonly status: 'succeeded' | 'unchanged' | 'failed';
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

interface RunFile extends SourceStatus { readonly history: readonly RunRecord[] }

/** Turns an outcome into its stored record. */
export function toRunRecord(id: string, outcome: HarvestOutcome): RunRecord {
  const base = { id, source: outcome.source, startedAt: outcome.startedAt, endedAt: outcome.endedAt };
  switch (outcome.kind) {
    case 'failed': return { ...base, status: 'failed', error: { code: outcome.error.code, message: outcome.error.message } };
    case 'not-modified': return { ...base, status: 'unchanged' };
    case 'harvested': return { ...base, status: 'succeeded', stats: outcome.stats };
  }
}

/**
 * Per-source run history in `<dataDir>/runs/<source>.json` (last run, last success, the last 50 runs) and the
 * state the next incremental harvest compares against in `<source>.state.json`; shared by CLI and server.
 */
export class RunLog {
  private readonly dir: string;
  constructor(dataDir: string) {
    this.dir = join(dataDir, 'runs');
  }

  private file(source: string) {
    return readJson<RunFile>(join(this.dir, `${source}.json`), { lastRun: null, lastSuccess: null, history: [] });
  }

  async status(source: string): Promise<SourceStatus> {
    const { lastRun, lastSuccess } = await this.file(source);
    return { lastRun, lastSuccess };
  }

  /** Runs of a source, newest first. */
  async history(source: string): Promise<readonly RunRecord[]> {
    return (await this.file(source)).history ?? [];
  }

  async record(run: RunRecord): Promise<SourceStatus> {
    const previous = await this.file(run.source);
    const next: RunFile = {
      lastRun: run,
      lastSuccess: run.status === 'failed' ? previous.lastSuccess : run,
      history: [run, ...(previous.history ?? [])].slice(0, HISTORY),
    };
    await writeJson(join(this.dir, `${run.source}.json`), next);
    return { lastRun: next.lastRun, lastSuccess: next.lastSuccess };
  }

  /** Forgets a source's runs and harvest state (the source was unregistered). */
  async remove(source: string): Promise<void> {
    await Promise.all([`${source}.json`, `${source}.state.json`].map((f) => rm(join(this.dir, f), { force: true })));
  }

  state(source: string): Promise<HarvestState> {
    return readJson<HarvestState>(join(this.dir, `${source}.state.json`), emptyState);
  }

  async saveState(source: string, state: HarvestState): Promise<void> {
    await writeJson(join(this.dir, `${source}.state.json`), state);
  }
}
