import type { ShaclResult } from '@fedcat/shapes';
import type { HarvestRecord } from './split-records.js';

/** Caps that keep one hostile source from exhausting memory or the index. */
export interface RecordLimits {
  /** More records than this fails the run. */
  readonly maxRecords: number;
  /** A record with more triples than this is rejected. */
  readonly maxTriplesPerRecord: number;
  /** A record with a literal longer than this (characters) is rejected. */
  readonly maxLiteralLength: number;
}

/** Defaults: 1 M records per source, 10,000 triples per record, 100,000 characters per literal. */
export const defaultRecordLimits: RecordLimits = { maxRecords: 1_000_000, maxTriplesPerRecord: 10_000, maxLiteralLength: 100_000 };

/** The finding that rejects a record too large for the limits, or null when it fits. */
export function overLimit(record: HarvestRecord, limits: RecordLimits): ShaclResult | null {
  const finding = (path: string | null, en: string, nl: string): ShaclResult => ({
    severity: 'violation', shaclSeverity: 'violation', focusNode: record.iri, focusKind: 'iri', path, value: null, valueKind: null,
    message: en, messages: { en, nl }, sourceShape: null, shape: 'fedcat:limits', constraint: null, file: 'fedcat limits', gating: true,
  });
  if (record.quads.length > limits.maxTriplesPerRecord) {
    return finding(null, `record has ${record.quads.length} triples; fedcat accepts at most ${limits.maxTriplesPerRecord} per record`,
      `record heeft ${record.quads.length} triples; fedcat accepteert er hoogstens ${limits.maxTriplesPerRecord} per record`);
  }
  const long = record.quads.find((q) => q.object.termType === 'Literal' && q.object.value.length > limits.maxLiteralLength);
  if (long) {
    return finding(long.predicate.value, `a literal of ${long.object.value.length} characters; fedcat accepts at most ${limits.maxLiteralLength}`,
      `een literal van ${long.object.value.length} tekens; fedcat accepteert er hoogstens ${limits.maxLiteralLength}`);
  }
  return null;
}
