import type { HarvestState, RecordState } from './harvest-state.js';

const sameRecord = (a: RecordState | undefined, b: RecordState | undefined) =>
  a !== undefined && b !== undefined && a.hash === b.hash && a.accepted === b.accepted && a.issued === b.issued;

const sameKeys = (a: object, b: object) => {
  const ka = Object.keys(a);
  const kb = new Set(Object.keys(b));
  return ka.length === kb.size && ka.every((k) => kb.has(k));
};

/**
 * Whether a harvest's new state differs from the last one in anything the catalogue shows: a record added, removed,
 * changed, accepted or rejected, or (re)issued; a tombstone added or expired; what belongs to no record; the stored
 * service descriptions or quality (compared only when this harvest made them). Equal states mean the sink need
 * rewrite nothing. Pure.
 */
export function stateChanged(previous: HarvestState, next: HarvestState): boolean {
  if (next.restHash !== previous.restHash) return true;
  if (!sameKeys(previous.records, next.records)) return true;
  if (Object.entries(next.records).some(([iri, r]) => !sameRecord(previous.records[iri], r))) return true;
  if (!sameKeys(previous.removed ?? {}, next.removed ?? {})) return true;
  if (next.serviceDigest !== undefined && next.serviceDigest !== previous.serviceDigest) return true;
  if (next.qualityDigest !== undefined && next.qualityDigest !== previous.qualityDigest) return true;
  return false;
}
