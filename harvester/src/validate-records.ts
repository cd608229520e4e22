import type { Quad } from '@rdfjs/types';
import type { ReportTally, ShaclResult, Validator } from '@fedcat/shapes';
import { forEachConcurrently } from './concurrency.js';
import type { HarvestRecord } from './records/split-records.js';

/** Records validated per SHACL call: one call per record costs more in set-up than in checking. */
const VALIDATION_BATCH = 250;

/** A record's validation: accepted (no gating violation), and compliant (no DCAT-AP violation at all, advising files included). */
export interface Verdict { accepted: boolean; compliant: boolean; gating: ShaclResult[] }

/**
 * Validates records in batches, up to the validator's parallelism at once (a worker pool validates on every
 * core), and attributes each result to every record whose own nodes include the result's focus node;
 * referenced resources' types travel along as context but are never focus nodes.
 */
export async function validateRecords(records: readonly HarvestRecord[], validator: Validator, tally: ReportTally, onBatch: (validated: number) => void): Promise<Verdict[]> {
  const verdicts: Verdict[] = records.map(() => ({ accepted: true, compliant: true, gating: [] }));
  let done = 0;
  const validateBatch = async (start: number) => {
    const batch = records.slice(start, start + VALIDATION_BATCH);
    const owners = new Map<string, number[]>();
    const data: Quad[] = [];
    batch.forEach((record, j) => {
      for (const q of record.quads) {
        const list = owners.get(q.subject.value) ?? owners.set(q.subject.value, []).get(q.subject.value)!;
        if (list[list.length - 1] !== start + j) list.push(start + j);
        data.push(q);
      }
      for (const q of record.context) data.push(q);
    });
    const summary = await validator.validate(data, { focus: new Set(owners.keys()) });
    tally.addAll(summary.results);
    for (const r of summary.results) {
      for (const i of owners.get(r.focusNode) ?? []) {
        const v = verdicts[i]!;
        if (r.shaclSeverity === 'violation') v.compliant = false;
        if (r.gating) { v.accepted = false; v.gating.push(r); }
      }
    }
    done += batch.length;
    onBatch(done);
  };
  await forEachConcurrently(Math.ceil(records.length / VALIDATION_BATCH), validator.parallelism ?? 1, (b) => validateBatch(b * VALIDATION_BATCH));
  return verdicts;
}
