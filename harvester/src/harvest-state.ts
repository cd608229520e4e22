import type { LinkCache } from './links/link-check.js';
import type { ServiceCache } from './services/describe-services.js';

/** What fedcat remembers of one record between harvests. */
export interface RecordState {
  readonly hash: string;
  /** Whether it passed the gating shapes (rejected records stay out until they change). */
  readonly accepted: boolean;
  readonly docId: string | null;
  /** When the record first entered the catalogue (was first accepted). */
  readonly issued?: string;
  /** When it last entered, changed, or left the catalogue. */
  readonly modified?: string;
  /** No DCAT-AP violation in its last validation (advising files included): the MQA's DCAT-AP compliance. */
  readonly compliant?: boolean;
}

/** A record that left the catalogue (gone from its source), kept a while so "what changed since" can tell. */
export interface Tombstone {
  readonly issued: string;
  /** When it left. */
  readonly modified: string;
}

/** What a source's last successful harvest left behind, for the next one to compare against. */
export interface HarvestState {
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Record IRI → what fedcat knows of it. */
  readonly records: Readonly<Record<string, RecordState>>;
  /** Record IRI → when it left; pruned after {@link TOMBSTONE_DAYS}. */
  readonly removed?: Readonly<Record<string, Tombstone>>;
  /** Hash of what belongs to no record (catalogues, catalogue records), to tell an unchanged harvest. */
  readonly restHash?: string;
  /**
   * Digest of the bytes read and of how they were turned into records (stages, skolem base): the same digest
   * next time means the same result, so the harvest stops after reading.
   */
  readonly digest?: string;
  /** The last check of each link the records point to (see checkLinks), carried over between runs. */
  readonly links?: LinkCache;
  /** Links left unchecked by the last run's bounds: the next run checks them even when the content is unchanged. */
  readonly linksDeferred?: number;
  /** Digest of the last stored quality assessment (see assessRecords). */
  readonly qualityDigest?: string;
  /** The last fetch of each data service's OpenAPI description and PDP metadata (see describeServices). */
  readonly services?: ServiceCache;
  /** Digest of the last stored service descriptions. */
  readonly serviceDigest?: string;
}

export const emptyState: HarvestState = { etag: null, lastModified: null, records: {} };

/** How long a removed record is remembered. */
export const TOMBSTONE_DAYS = 90;

/**
 * A record's catalogue dates after a run at `at`: a record entering the catalogue (new, or accepted again) is
 * issued then (or keeps its first issue date), a changed one is modified then, and a record that stops being
 * accepted is modified (it left) then. Unchanged records keep their dates.
 */
export function recordDates(
  before: RecordState | undefined, tombstone: Tombstone | undefined, change: 'unchanged' | 'accepted' | 'rejected', at: string,
): Pick<RecordState, 'issued' | 'modified'> {
  switch (change) {
    case 'unchanged':
      // States written before fedcat kept dates: the first run that knows dates a visible record.
      if (before && before.accepted && !before.issued) return { issued: at, modified: at };
      return { issued: before?.issued, modified: before?.modified };
    case 'accepted':
      return { issued: before?.issued ?? tombstone?.issued ?? at, modified: at };
    case 'rejected':
      if (before?.accepted) return { issued: before.issued ?? at, modified: at };
      return { issued: before?.issued ?? tombstone?.issued, modified: before?.modified ?? tombstone?.modified };
  }
}

/**
 * Tombstones after a run: records that were in the last state and are gone now (if they were ever in the
 * catalogue), plus earlier tombstones not yet expired and not back.
 */
export function nextTombstones(previous: HarvestState, current: Readonly<Record<string, RecordState>>, at: string): Record<string, Tombstone> {
  const out: Record<string, Tombstone> = {};
  const expiry = Date.parse(at) - TOMBSTONE_DAYS * 86_400_000;
  for (const [iri, t] of Object.entries(previous.removed ?? {})) {
    if (!current[iri] && Date.parse(t.modified) >= expiry) out[iri] = t;
  }
  for (const [iri, before] of Object.entries(previous.records)) {
    if (current[iri] || !before.issued) continue;
    out[iri] = { issued: before.issued, modified: before.accepted ? at : (before.modified ?? at) };
  }
  return out;
}
