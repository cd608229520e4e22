import type { Quad } from '@rdfjs/types';
import { ReportTally, type ShaclResult } from '@fedcat/shapes';
import { quarantineGraph, recordId, sourceGraph, type CatalogueDocument, type Source } from '@fedcat/catalogue';
import { applyEnrichers, type Enricher } from './enrich/enricher.js';
import { qualityAssessment } from './enrich/quality-assessment.js';
import { serviceDescriptions } from './enrich/service-descriptions.js';
import { HarvestError, SourceLimitExceeded } from './errors.js';
import type { HarvestDeps } from './harvest-deps.js';
import { emptyState, nextTombstones, recordDates, type HarvestState, type RecordState } from './harvest-state.js';
import type { HarvestOutcome, RecordProblem } from './outcome.js';
import { startingProgress, type HarvestProgress } from './progress.js';
import type { AcceptedRecord } from './quality/assess-records.js';
import { readRecords } from './read-records.js';
import { diffRecords, type ReadRecord } from './records/diff-records.js';
import { extractDocuments } from './records/extract-documents.js';
import { recordHash } from './records/record-hash.js';
import { defaultRecordLimits, overLimit } from './records/record-limits.js';
import { stateChanged } from './state-change.js';
import { validateRecords } from './validate-records.js';

/** The enrichers a harvest applies after validation, as its options ask: service descriptions, then quality. */
function enrichersOf(deps: HarvestDeps): Enricher[] {
  return [...(deps.services ? [serviceDescriptions(deps.services)] : []), ...(deps.quality ? [qualityAssessment(deps.quality)] : [])];
}

/** What the records of one harvest became: where their quads go, their documents, their next states. */
class RecordOutcomes {
  readonly next: Record<string, RecordState> = {};
  /** The source graph's statements: what belongs to no record, then every accepted record's. */
  readonly accepted: Quad[];
  readonly quarantined: Quad[] = [];
  readonly upsert: CatalogueDocument[] = [];
  readonly remove: string[] = [];
  readonly problems: RecordProblem[] = [];
  readonly inCatalogue: AcceptedRecord[] = [];
  readonly counts = { added: 0, updated: 0, unchanged: 0, removed: 0, invalid: 0 };

  constructor(private readonly previous: HarvestState, private readonly source: Source, private readonly at: string, rest: readonly Quad[]) {
    this.accepted = [...rest];
  }

  private dates(r: ReadRecord, change: 'unchanged' | 'accepted' | 'rejected') {
    return recordDates(r.before, this.previous.removed?.[r.record.iri], change, this.at);
  }

  private docId(r: ReadRecord): string | null {
    return r.record.type === 'DatasetSeries' ? null : recordId(r.record.iri);
  }

  keep(r: ReadRecord & { before: RecordState }): void {
    this.counts.unchanged++;
    this.next[r.record.iri] = { ...r.before, ...this.dates(r, 'unchanged') };
    (r.before.accepted ? this.accepted : this.quarantined).push(...r.record.quads);
    if (r.before.accepted) this.inCatalogue.push({ record: r.record, compliant: r.before.compliant });
  }

  /** Leaves a record out of the source graph (into quarantine), reports why, and drops its indexed document. */
  reject(r: ReadRecord, results: readonly ShaclResult[]): void {
    this.counts.invalid++;
    this.problems.push({ record: r.record.iri, results });
    this.quarantined.push(...r.record.quads);
    if (r.before?.accepted && r.before.docId) this.remove.push(r.before.docId);
    this.next[r.record.iri] = { hash: r.hash, accepted: false, docId: this.docId(r), ...this.dates(r, 'rejected') };
  }

  accept(r: ReadRecord, compliant: boolean): void {
    if (r.before) this.counts.updated++;
    else this.counts.added++;
    this.accepted.push(...r.record.quads);
    this.inCatalogue.push({ record: r.record, compliant });
    this.upsert.push(...extractDocuments(r.record.quads, this.source.id, this.at));
    this.next[r.record.iri] = { hash: r.hash, accepted: true, docId: this.docId(r), compliant, ...this.dates(r, 'accepted') };
  }

  drop(before: RecordState): void {
    this.counts.removed++;
    if (before.accepted && before.docId) this.remove.push(before.docId);
  }
}

/**
 * Harvests one source: fetch (conditionally, following Hydra pages) and parse as the bytes arrive; stop there
 * when they are the very bytes of the last harvest; else normalise, skolemise, split into records, and compare
 * each record's hash with the last harvest ({@link diffRecords}): only new and changed records are validated and
 * indexed. A record failing a gating shape is left out (or quarantined) and reported; it never fails the run.
 * The enrichers (service descriptions, quality) then add to what is published. The sink is called once, after
 * every step succeeded, so a failing source keeps its last good state.
 */
export async function harvestSource(source: Source, deps: HarvestDeps): Promise<HarvestOutcome> {
  const now = deps.now ?? (() => new Date());
  const startedAt = (deps.startedAt ?? now()).toISOString();
  const previous = deps.previous ?? emptyState;
  const timing = () => ({ source: source.id, startedAt, endedAt: now().toISOString() });
  try {
    let progress = startingProgress;
    const report = (change: Partial<HarvestProgress>) => {
      progress = { ...progress, ...change };
      deps.onProgress?.(progress);
    };
    const fetched = await readRecords(source, deps, previous, report);
    if (fetched === 'not-modified') return { kind: 'not-modified', by: 'conditional-request', ...timing() };
    if (fetched === 'same-content') return { kind: 'not-modified', by: 'content', ...timing() };
    const { records, rest, notes, noteCount } = fetched;
    const limits = { ...defaultRecordLimits, ...deps.limits, ...(source.limits?.maxRecords ? { maxRecords: source.limits.maxRecords } : {}) };
    if (records.length > limits.maxRecords) {
      throw new SourceLimitExceeded(source.id, `${records.length} records; at most ${limits.maxRecords} are accepted per source`);
    }

    const diff = diffRecords(previous.records, records);
    const out = new RecordOutcomes(previous, source, startedAt, rest);
    for (const r of diff.unchanged) out.keep(r);
    const toValidate: ReadRecord[] = [];
    for (const r of diff.changed) {
      const tooBig = overLimit(r.record, limits);
      if (tooBig) out.reject(r, [tooBig]);
      else toValidate.push(r);
    }
    report({ phase: 'validating', records: records.length, toValidate: toValidate.length });
    const tally = new ReportTally();
    const verdicts = await validateRecords(toValidate.map((c) => c.record), deps.validator, tally, (validated) => report({ validated }));
    toValidate.forEach((r, i) => {
      const verdict = verdicts[i]!;
      if (verdict.accepted) out.accept(r, verdict.compliant);
      else out.reject(r, verdict.gating.slice(0, 5));
    });
    for (const { before } of diff.removed) out.drop(before);

    const genid = `${deps.genidBase}${encodeURIComponent(source.id)}/`;
    const enriched = await applyEnrichers(enrichersOf(deps), { source, records: out.inCatalogue, previous, now, genid, limiter: deps.limiter, report });
    const state: HarvestState = {
      etag: fetched.read.etag, lastModified: fetched.read.lastModified, records: out.next, removed: nextTombstones(previous, out.next, startedAt),
      restHash: recordHash(rest), digest: fetched.digest, ...enriched.state,
    };
    const changed = stateChanged(previous, state);

    report({ phase: 'publishing' });
    await deps.sink.publish(source, {
      graph: sourceGraph(source.id), quads: [...out.accepted, ...enriched.quads],
      quarantineGraph: quarantineGraph(source.id), quarantined: source.invalidRecords === 'skip' ? [] : out.quarantined,
      upsert: out.upsert, remove: out.remove, changed,
    });
    const types = new Map(records.map((r) => [r.iri, r.type]));
    const accepted = (type: string) => Object.entries(out.next).filter(([iri, r]) => r.accepted && types.get(iri) === type).length;
    const findings = tally.report(deps.validator.profile.id, toValidate.length);
    return {
      kind: 'harvested', ...timing(), changed, state,
      stats: {
        syntax: fetched.read.syntax, bytes: fetched.read.bytes, pages: fetched.read.pages, quads: out.accepted.length,
        datasets: accepted('Dataset'), dataServices: accepted('DataService'),
        records: out.counts,
        // Each finding counted once (as the run's report lists them), not once per record it concerns.
        validation: { profile: findings.profile, violations: findings.violations, warnings: findings.warnings + findings.infos },
        problems: out.problems,
        report: findings,
        normalisations: { count: noteCount, examples: notes },
        quality: enriched.stats.quality ?? null,
        services: enriched.stats.services ?? null,
      },
    };
  } catch (err) {
    const error = err instanceof HarvestError ? err : new HarvestError(source.id, (err as Error).message ?? String(err), { cause: err });
    return { kind: 'failed', ...timing(), error };
  }
}
