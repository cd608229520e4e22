import { intervalMs, type Source } from '@fedcat/catalogue';
import type { SourceStatus } from '../control/runs.js';

/**
 * When a scheduled source is harvested next: its interval after the start of its last run, or now when it was
 * never harvested. Null for sources without a schedule. A failed run counts like any other, so a broken
 * source is retried once per interval, not in a loop. Null for paused sources too.
 */
export function nextHarvestAt(source: Source, status: SourceStatus, now: Date): Date | null {
  if (source.paused) return null;
  const every = source.interval ? intervalMs(source.interval) : null;
  if (every === null) return null;
  if (!status.lastRun) return now;
  return new Date(Date.parse(status.lastRun.startedAt) + every);
}

/** The scheduled sources due at `now`, most overdue first. */
export function dueSources(sources: readonly (Source & SourceStatus)[], now: Date): Source[] {
  return sources
    .map((s) => ({ s, at: nextHarvestAt(s, s, now) }))
    .filter((x): x is { s: Source & SourceStatus; at: Date } => x.at !== null && x.at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((x) => x.s);
}
