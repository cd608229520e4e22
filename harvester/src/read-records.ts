import { createHash } from 'node:crypto';
import type { Quad } from '@rdfjs/types';
import type { Source } from '@fedcat/catalogue';
import { HostLimiter } from './fetch/host-limiter.js';
import type { HarvestDeps } from './harvest-deps.js';
import type { HarvestState } from './harvest-state.js';
import { linksDue } from './links/link-check.js';
import type { HarvestProgress } from './progress.js';
import { splitRecords, type HarvestRecord } from './records/split-records.js';
import { descriptionsDue } from './services/describe-services.js';
import type { ReadResult } from './sources/read-result.js';
import { readSource } from './sources/read-source.js';
import { defaultStages } from './stages/default-stages.js';
import { skolemise } from './stages/skolemise.js';
import { applyStages, type Normalisation, type Stage } from './stages/stage.js';
import { toDefaultGraph } from './stages/to-default-graph.js';

/** A source read and made into records. */
export interface ReadRecords {
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
export async function readRecords(source: Source, deps: HarvestDeps, previous: HarvestState, report: (p: Partial<HarvestProgress>) => void): Promise<ReadRecords | 'not-modified' | 'same-content'> {
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
