import { createHash } from 'node:crypto';
import type { Quad } from '@rdfjs/types';
import { ReportTally, type ShaclResult, type UnmappedValue, type ValidationReport, type Validator } from '@fedcat/shapes';
import { forEachConcurrently } from './concurrency.js';
import { HarvestError, SourceLimitExceeded } from './errors.js';
import type { FetchPolicy } from './fetch/fetch-document.js';
import { HostLimiter } from './fetch/host-limiter.js';
import { emptyState, nextTombstones, recordDates, type HarvestState, type RecordState } from './harvest-state.js';
import type { SourceSyntax } from './sources/read-result.js';
import { quarantineGraph, recordId, sourceGraph, type CatalogueDocument, type HarvestSink, type Source } from '@fedcat/catalogue';
import { extractDocuments } from './records/extract-documents.js';
import { recordHash } from './records/record-hash.js';
import { splitRecords, type HarvestRecord } from './records/split-records.js';
import { readSource } from './sources/read-source.js';
import type { ReadResult } from './sources/read-result.js';
import { skolemise } from './stages/skolemise.js';
import { defaultStages } from './stages/default-stages.js';
import { applyStages, type Normalisation, type Stage } from './stages/stage.js';
import { toDefaultGraph } from './stages/to-default-graph.js';
import { linksDue } from './links/link-check.js';
import { assessRecords, type AcceptedRecord, type QualityOptions } from './quality/assess-records.js';
import { describeServices, descriptionsDue, emptyServiceCache, type ServiceOptions } from './services/describe-services.js';

/** A record that failed a gating shape, with what to fix. */
export interface RecordProblem {
  readonly record: string;
  readonly results: readonly ShaclResult[];
}

/** Counts and checks of a completed harvest. */
export interface HarvestStats {
  readonly syntax: SourceSyntax;
  readonly bytes: number;
  readonly pages: number;
  readonly quads: number;
  readonly datasets: number;
  readonly dataServices: number;
  readonly records: { readonly added: number; readonly updated: number; readonly unchanged: number; readonly removed: number; readonly invalid: number };
  readonly validation: { readonly profile: string; readonly violations: number; readonly warnings: number };
  /** Rejected records and their gating results (the first 5 per record). */
  readonly problems: readonly RecordProblem[];
  /** Every finding of the records validated in this run (new and changed ones), grouped: what a data owner fixes. */
  readonly report?: ValidationReport;
  /** Values fedcat normalised (dates, language codes, literal URLs…): the count and the first 50, with originals. */
  readonly normalisations: { readonly count: number; readonly examples: readonly Normalisation[] };
  /** The source's MQA quality (average over its datasets) and link checking; null when quality is not assessed. */
  readonly quality: {
    readonly datasets: number; readonly score: number; readonly rating: string;
    readonly linksChecked: number; readonly linksDeferred: number;
    /** Theme, format, licence, access-right, frequency and language values outside the EU tables, most used first. */
    readonly unmapped: readonly UnmappedValue[];
  } | null;
  /** The data services' OpenAPI descriptions and policy decision points; null when services are not described. */
  readonly services: {
    readonly services: number; readonly fetched: number; readonly valid: number; readonly invalid: number; readonly unreachable: number; readonly pdps: number;
  } | null;
}

type PreviousRecord = HarvestState['records'][string] | undefined;

interface Timing { readonly source: string; readonly startedAt: string; readonly endedAt: string }

/** The outcome of harvesting one source; failures are values, never throws. */
export type HarvestOutcome =
  /** `changed` is false when the content equals the last harvest's (see {@link SourceChange.changed}). */
  | (Timing & { readonly kind: 'harvested'; readonly stats: HarvestStats; readonly state: HarvestState; readonly changed: boolean })
  /**
   * Nothing to do: the source answered 304 to the last harvest's validators (or its files are untouched), or it
   * served exactly the bytes of the last harvest.
   */
  | (Timing & { readonly kind: 'not-modified'; readonly by: 'validators' | 'content' })
  | (Timing & { readonly kind: 'failed'; readonly error: HarvestError });

/** What harvestSource needs from the outside world. */
export interface HarvestDeps {
  readonly fetchPolicy: FetchPolicy;
  readonly validator: Validator;
  readonly sink: HarvestSink;
  /** The last successful harvest's state; omitted for a full harvest. */
  readonly previous?: HarvestState;
  /** Base of the skolem IRIs fedcat mints for blank nodes, e.g. `https://fedcat.example/.well-known/genid/`. */
  readonly genidBase: string;
  /** Page limit for Hydra-paged catalogues and SPARQL endpoints, file limit for directories. Default 1000. */
  readonly maxPages?: number;
  /** Caps on what one source may contain; see {@link defaultRecordLimits}. The source's own limits win. */
  readonly limits?: Partial<RecordLimits>;
  /** Shared by concurrent harvests to cap requests per host; default: a limiter of 2 for this harvest alone. */
  readonly limiter?: HostLimiter;
  /** Called as the harvest advances (after each page, each validation batch, …). */
  readonly onProgress?: (progress: HarvestProgress) => void;
  readonly now?: () => Date;
  /** Normalisation stages; default {@link defaultStages}. */
  readonly stages?: readonly Stage[];
  /** When the run started (defaults to now); the caller uses it to name the run. */
  readonly startedAt?: Date;
  /** Assess the MQA quality of the datasets (and check their links) and store it as DQV; omitted: no assessment. */
  readonly quality?: QualityOptions;
  /** Fetch and check the data services' OpenAPI descriptions and PDP metadata; omitted: not described. */
  readonly services?: Omit<ServiceOptions, 'limiter'>;
}

/** Where a running harvest is, for progress displays. */
export interface HarvestProgress {
  readonly phase: 'reading' | 'splitting' | 'validating' | 'describing' | 'assessing' | 'publishing';
  readonly pages: number;
  readonly bytes: number;
  readonly quads: number;
  /** Records found so far (known once reading is done). */
  readonly records: number;
  /** New or changed records to validate, and how many of them are done. */
  readonly toValidate: number;
  readonly validated: number;
  /** Links to check in this run, and how many of them are done (the assessing phase). */
  readonly linksToCheck?: number;
  readonly linksChecked?: number;
  /** Service descriptions and PDP documents to fetch or reuse, and how many are done (the describing phase). */
  readonly descriptionsToCheck?: number;
  readonly descriptionsChecked?: number;
}

/** Progress before anything is read. */
export const startingProgress: HarvestProgress = { phase: 'reading', pages: 0, bytes: 0, quads: 0, records: 0, toValidate: 0, validated: 0 };

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

function overLimit(record: HarvestRecord, limits: RecordLimits): ShaclResult | null {
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

interface ReadRecords {
  readonly records: HarvestRecord[];
  readonly rest: Quad[];
  readonly notes: Normalisation[];
  readonly noteCount: number;
  readonly read: Omit<ReadResult, 'quads'>;
  /** See {@link HarvestState.digest}. */
  readonly digest: string;
}

/**
 * The digest of what a harvest read and of everything that decides which records it makes of it: stages, skolem
 * base, validation profile, the source's caps and its handling of invalid records.
 */
function harvestDigest(bytesDigest: string, source: Source, deps: HarvestDeps, stages: readonly Stage[], genid: string): string {
  const recipe = [stages.map((s) => s.name).join(','), genid, deps.validator.profile.id, JSON.stringify(deps.limits ?? {}),
    JSON.stringify(source.limits ?? {}), source.invalidRecords ?? ''];
  return createHash('sha256').update(`${bytesDigest}\n${recipe.join('\n')}`).digest('base64url');
}

/** Whether a harvest of unchanged content must still run: to assess quality for the first time, or re-check links that are due. */
function qualityDue(previous: HarvestState, deps: HarvestDeps): boolean {
  if (!deps.quality) return false;
  // A state from before quality was assessed: assess once.
  if (previous.qualityDigest === undefined) return true;
  if (!deps.quality.links) return false;
  if ((previous.linksDeferred ?? 0) > 0) return true;
  return linksDue(Object.keys(previous.links ?? {}), previous.links ?? {}, (deps.now ?? (() => new Date()))(), deps.quality.links.maxAgeMs);
}

/**
 * Reads a source and turns what it holds into records: normalised, skolemised, split. The quads as read live
 * only in here, so a large source's memory is held once (by the records), not twice.
 */
async function readRecords(source: Source, deps: HarvestDeps, previous: HarvestState, report: (p: Partial<HarvestProgress>) => void): Promise<ReadRecords | 'not-modified' | 'same-content'> {
  const policy = source.limits?.maxBytes ? { ...deps.fetchPolicy, maxBytes: source.limits.maxBytes } : deps.fetchPolicy;
  const fetched = await readSource(source, {
    policy, maxPages: source.limits?.maxPages ?? deps.maxPages ?? 1000, previous, limiter: deps.limiter ?? new HostLimiter(2),
    onProgress: report,
  });
  if (fetched === 'not-modified') return fetched;
  const stages = deps.stages ?? defaultStages;
  const genid = `${deps.genidBase}${encodeURIComponent(source.id)}/`;
  const digest = harvestDigest(fetched.digest, source, deps, stages, genid);
  const describeDue = deps.services !== undefined && descriptionsDue(previous.services, (deps.now ?? (() => new Date()))(), deps.services.maxAgeMs);
  if (digest === previous.digest && !qualityDue(previous, deps) && !describeDue) return 'same-content';
  report({ phase: 'splitting' });
  const notes: Normalisation[] = [];
  let noteCount = 0;
  const { quads: read, ...meta } = fetched;
  const normalised = applyStages(toDefaultGraph(read), stages, {
    note: (n) => { noteCount++; if (notes.length < 50) notes.push(n); },
  });
  const { records, rest } = splitRecords(skolemise(normalised, genid));
  return { records, rest, notes, noteCount, read: meta, digest };
}

/**
 * Harvests one source: fetch (conditionally, following Hydra pages) and parse as the bytes arrive; stop there
 * when they are the very bytes of the last harvest; else normalise, skolemise, split into records, and for each record compare its hash with the last harvest: only new and changed records are validated and
 * indexed. A record failing a gating shape is left out (or quarantined) and reported; it never fails the run.
 * The sink is called once, after every step succeeded, so a failing source keeps its last good state.
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
    if (fetched === 'not-modified') return { kind: 'not-modified', by: 'validators', ...timing() };
    if (fetched === 'same-content') return { kind: 'not-modified', by: 'content', ...timing() };
    const { records, rest, notes, noteCount } = fetched;
    const limits = { ...defaultRecordLimits, ...deps.limits, ...(source.limits?.maxRecords ? { maxRecords: source.limits.maxRecords } : {}) };
    if (records.length > limits.maxRecords) {
      throw new SourceLimitExceeded(source.id, `${records.length} records; at most ${limits.maxRecords} are accepted per source`);
    }

    const nextRecords: Record<string, RecordState> = {};
    const restHash = recordHash(rest);
    let contentChanged = restHash !== previous.restHash;
    const tombstoneOf = (iri: string) => previous.removed?.[iri];
    const accepted: Quad[] = [...rest];
    const quarantined: Quad[] = [];
    const upsert: CatalogueDocument[] = [];
    const remove: string[] = [];
    const problems: RecordProblem[] = [];
    const inCatalogue: AcceptedRecord[] = [];
    const counts = { added: 0, updated: 0, unchanged: 0, removed: 0, invalid: 0 };
    /** Leaves a record out of the source graph (into quarantine), reports why, and drops its indexed document. */
    const reject = (record: HarvestRecord, hash: string, before: PreviousRecord, docId: string | null, results: readonly ShaclResult[]) => {
      contentChanged = true;
      counts.invalid++;
      problems.push({ record: record.iri, results });
      quarantined.push(...record.quads);
      if (before?.accepted && before.docId) remove.push(before.docId);
      nextRecords[record.iri] = { hash, accepted: false, docId, ...recordDates(before, tombstoneOf(record.iri), 'rejected', startedAt) };
    };

    const changed: { record: HarvestRecord; hash: string; before: PreviousRecord; docId: string | null }[] = [];
    for (const record of records) {
      const hash = recordHash(record.quads);
      const before = previous.records[record.iri];
      const docId = record.type === 'DatasetSeries' ? null : recordId(record.iri);
      if (before && before.hash === hash) {
        counts.unchanged++;
        const dates = recordDates(before, tombstoneOf(record.iri), 'unchanged', startedAt);
        if (dates.issued !== before.issued) contentChanged = true;
        nextRecords[record.iri] = { ...before, ...dates };
        (before.accepted ? accepted : quarantined).push(...record.quads);
        if (before.accepted) inCatalogue.push({ record, compliant: before.compliant });
        continue;
      }
      const tooBig = overLimit(record, limits);
      if (tooBig) {
        reject(record, hash, before, docId, [tooBig]);
        continue;
      }
      changed.push({ record, hash, before, docId });
    }
    report({ phase: 'validating', records: records.length, toValidate: changed.length });
    const tally = new ReportTally();
    const verdicts = await validateRecords(changed.map((c) => c.record), deps.validator, tally, (validated) => report({ validated }));
    changed.forEach(({ record, hash, before, docId }, i) => {
      const verdict = verdicts[i]!;
      if (!verdict.accepted) {
        reject(record, hash, before, docId, verdict.gating.slice(0, 5));
        return;
      }
      contentChanged = true;
      if (before) counts.updated++;
      else counts.added++;
      accepted.push(...record.quads);
      inCatalogue.push({ record, compliant: verdict.compliant });
      upsert.push(...extractDocuments(record.quads, source.id, startedAt));
      nextRecords[record.iri] = { hash, accepted: true, docId, compliant: verdict.compliant, ...recordDates(before, tombstoneOf(record.iri), 'accepted', startedAt) };
    });
    for (const [iri, before] of Object.entries(previous.records)) {
      if (nextRecords[iri]) continue;
      counts.removed++;
      contentChanged = true;
      if (before.accepted && before.docId) remove.push(before.docId);
    }
    const removed = nextTombstones(previous, nextRecords, startedAt);
    if (Object.keys(removed).length !== Object.keys(previous.removed ?? {}).length) contentChanged = true;

    const services = deps.services
      ? await describeServices(inCatalogue.filter((r) => r.record.type === 'DataService').flatMap((r) => r.record.quads), previous.services ?? emptyServiceCache,
        { ...deps.services, limiter: deps.limiter }, {
          now, genid: `${deps.genidBase}${encodeURIComponent(source.id)}/`,
          onProgress: (descriptionsChecked, descriptionsToCheck) => report({ phase: 'describing', descriptionsChecked, descriptionsToCheck }),
        })
      : null;
    if (services && services.digest !== previous.serviceDigest) contentChanged = true;

    const quality = deps.quality
      ? await assessRecords(inCatalogue, sourceGraph(source.id), previous.links ?? {}, deps.quality, {
        now, genid: `${deps.genidBase}${encodeURIComponent(source.id)}/`,
        onLinks: (linksChecked, linksToCheck) => report({ phase: 'assessing', linksChecked, linksToCheck }),
      })
      : null;
    if (quality && quality.digest !== previous.qualityDigest) contentChanged = true;

    report({ phase: 'publishing' });
    await deps.sink.publish(source, {
      graph: sourceGraph(source.id), quads: [...accepted, ...(services?.quads ?? []), ...(quality?.quads ?? [])],
      quarantineGraph: quarantineGraph(source.id), quarantined: source.invalidRecords === 'skip' ? [] : quarantined,
      upsert, remove, changed: contentChanged,
    });
    const types = new Map(records.map((r) => [r.iri, r.type]));
    const findings = tally.report(deps.validator.profile.id, changed.length);
    return {
      kind: 'harvested', ...timing(), changed: contentChanged,
      state: {
        etag: fetched.read.etag, lastModified: fetched.read.lastModified, records: nextRecords, removed, restHash, digest: fetched.digest,
        ...(quality ? { links: quality.links, linksDeferred: quality.linkCheck.deferred, qualityDigest: quality.digest } : {}),
        ...(services ? { services: services.cache, serviceDigest: services.digest } : {}),
      },
      stats: {
        syntax: fetched.read.syntax, bytes: fetched.read.bytes, pages: fetched.read.pages, quads: accepted.length,
        datasets: Object.entries(nextRecords).filter(([iri, r]) => r.accepted && types.get(iri) === 'Dataset').length,
        dataServices: Object.entries(nextRecords).filter(([iri, r]) => r.accepted && types.get(iri) === 'DataService').length,
        records: counts,
        // Each finding counted once (as the run's report lists them), not once per record it concerns.
        validation: { profile: findings.profile, violations: findings.violations, warnings: findings.warnings + findings.infos },
        problems,
        report: findings,
        normalisations: { count: noteCount, examples: notes },
        quality: quality && {
          datasets: quality.aggregate.records, score: quality.aggregate.score, rating: quality.aggregate.rating,
          linksChecked: quality.linkCheck.checked, linksDeferred: quality.linkCheck.deferred, unmapped: quality.unmapped,
        },
        services: services?.stats ?? null,
      },
    };
  } catch (err) {
    const error = err instanceof HarvestError ? err : new HarvestError(source.id, (err as Error).message ?? String(err), { cause: err });
    return { kind: 'failed', ...timing(), error };
  }
}

/** Records validated per SHACL call: one call per record costs more in set-up than in checking. */
const VALIDATION_BATCH = 250;

/** A record's validation: accepted (no gating violation), and compliant (no DCAT-AP violation at all, advising files included). */
interface Verdict { accepted: boolean; compliant: boolean; gating: ShaclResult[] }

/**
 * Validates records in batches, up to the validator's parallelism at once (a worker pool validates on every
 * core), and attributes each result to every record whose own nodes include the result's focus node;
 * referenced resources' types travel along as context but are never focus nodes.
 */
async function validateRecords(records: readonly HarvestRecord[], validator: Validator, tally: ReportTally, onBatch: (validated: number) => void): Promise<Verdict[]> {
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
    for (const r of summary.results) {
      tally.add(r);
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
