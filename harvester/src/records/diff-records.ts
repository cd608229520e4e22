import type { RecordState } from '../harvest-state.js';
import { recordHash } from './record-hash.js';
import type { HarvestRecord } from './split-records.js';

/** A record read now, with its hash and what the last harvest knew of it. */
export interface ReadRecord {
  readonly record: HarvestRecord;
  readonly hash: string;
  readonly before: RecordState | undefined;
}

/** How the records read now differ from the last harvest's. */
export interface RecordDiff {
  /** Same hash as last time: their verdict and documents carry over. */
  readonly unchanged: readonly (ReadRecord & { readonly before: RecordState })[];
  /** New, or with another hash: validated and indexed again. */
  readonly changed: readonly ReadRecord[];
  /** In the last harvest, not read now. */
  readonly removed: readonly { readonly iri: string; readonly before: RecordState }[];
}

/** Compares the records read now with the last harvest's record states, by content hash. Pure. */
export function diffRecords(previous: Readonly<Record<string, RecordState>>, records: readonly HarvestRecord[]): RecordDiff {
  const unchanged: (ReadRecord & { before: RecordState })[] = [];
  const changed: ReadRecord[] = [];
  const read = new Set<string>();
  for (const record of records) {
    read.add(record.iri);
    const hash = recordHash(record.quads);
    const before = previous[record.iri];
    if (before && before.hash === hash) unchanged.push({ record, hash, before });
    else changed.push({ record, hash, before });
  }
  const removed = Object.entries(previous).filter(([iri]) => !read.has(iri)).map(([iri, before]) => ({ iri, before }));
  return { unchanged, changed, removed };
}
