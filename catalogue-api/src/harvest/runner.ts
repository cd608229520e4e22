import { dateTimeNow } from '@fedcat/vocab';
import { forEachConcurrently, HarvestError, harvestSource, HostLimiter, type FetchPolicy, type HarvestOutcome, type HarvestProgress } from '@fedcat/harvester';
import { historyGraph, runsGraph, type QuadStore, type SearchIndex, type Source } from '@fedcat/catalogue';
import type { Validator } from '@fedcat/shapes';
import type { QualityVocabularies } from '@fedcat/shapes/quality';
import { catalogueSink, runIri, type Failpoint } from './sink.js';
import type { EventLog } from '../events/event-log.js';
import { reconcileSource } from '../maintenance/crash-recovery.js';
import type { LinkCheckSettings, ServiceCheckSettings } from '../config/load-config.js';
import { historyQuads, runsQuads } from './history.js';
import type { RunningHarvests } from '../control/running-harvests.js';
import { RunLog, toRunRecord } from '../control/runs.js';

/** What the runner reports as sources start, advance and end. */
export type RunnerEvent =
  | { readonly phase: 'started'; readonly source: Source; readonly startedAt: string }
  | { readonly phase: 'progress'; readonly source: Source; readonly startedAt: string; readonly progress: HarvestProgress }
  | { readonly phase: 'ended'; readonly source: Source; readonly outcome: HarvestOutcome }
  | { readonly phase: 'busy'; readonly source: Source }
  /** Something went wrong that did not fail the run (its outcome stands). */
  | { readonly phase: 'warning'; readonly source: Source; readonly message: string };

/** A source's result: its harvest outcome, or `busy` when another process was harvesting it. */
export type RunnerResult = HarvestOutcome | { readonly kind: 'busy'; readonly source: string };

/** Everything a harvest of registered sources needs. */
export interface HarvestRunnerDeps {
  readonly store: QuadStore;
  readonly search: SearchIndex;
  /** Where each source's validator comes from: its own profile's, or the configured default's. */
  readonly validators: ProfileLookup;
  readonly fetchPolicy: FetchPolicy;
  readonly runs: RunLog;
  readonly running: RunningHarvests;
  /** Where change events go (the outbox); omitted: no events. */
  readonly events?: EventLog;
  /** A test's kill -9 point while publishing (FEDCAT_TEST_FAILPOINT); never set in use. */
  readonly failpoint?: Failpoint;
  /** Base of minted skolem IRIs (`<baseUrl>/.well-known/genid/`). */
  readonly genidBase: string;
  /** Ignore the last harvest's state: fetch unconditionally and revalidate every record. */
  readonly full?: boolean;
  /** Sources harvested at once (default 1). */
  readonly concurrency?: number;
  /** Requests per publisher host at once, across all sources of this call (default 2). */
  readonly perHost?: number;
  readonly onEvent?: (event: RunnerEvent) => void | Promise<void>;
  /** Assess MQA quality (and check links, within these bounds, unless null); omitted: no assessment. */
  readonly quality?: { readonly vocabularies: QualityVocabularies; readonly links: LinkCheckSettings | null };
  /** Fetch and check data services' OpenAPI descriptions and PDP metadata within these bounds; omitted or null: not done. */
  readonly services?: ServiceCheckSettings | null;
}

/** How often a running harvest's progress file is rewritten. */
const PROGRESS_EVERY_MS = 500;

/** The one lookup of a validator by profile (see Validators); null or undefined asks for the default. */
export interface ProfileLookup {
  profile(profileId: string | null | undefined): Promise<Validator>;
}

/**
 * What an earlier run of this source left when its process died, settled before this one compares with it: an index
 * behind the store's graph is rebuilt from the graph, and pending events are published (the store holds their run's
 * graph) or dropped. So this run's changes, and their events, start from what the catalogue holds.
 */
async function settleInterrupted(deps: HarvestRunnerDeps, source: string): Promise<void> {
  const inStore = await reconcileSource(deps.store, deps.search, source);
  if (deps.events?.pendingSources().includes(source)) deps.events.recover(source, inStore);
}

async function harvestOne(source: Source, deps: HarvestRunnerDeps, limiter: HostLimiter): Promise<RunnerResult> {
  // Canonical, so the run's time reads the same from every store (see canonicalDateTime).
  const startedAt = dateTimeNow();
  if (!(await deps.running.claim(source.id, startedAt))) {
    await deps.onEvent?.({ phase: 'busy', source });
    return { kind: 'busy', source: source.id };
  }
  try {
    await deps.onEvent?.({ phase: 'started', source, startedAt });
    await settleInterrupted(deps, source.id).catch((err: unknown) => deps.onEvent?.({
      phase: 'warning', source, message: `what an interrupted run left could not be settled now (${err instanceof Error ? err.message : String(err)}); the next run or start tries again` }));
    const run = { id: runIri(source.id, startedAt), startedAt };
    const previous = deps.full ? undefined : await deps.runs.state(source.id);
    let written = 0;
    let writing: Promise<void> = Promise.resolve();
    const validator = await deps.validators.profile(source.profile)
      .catch((err: unknown) => new HarvestError(source.id, `its validation profile cannot be loaded: ${err instanceof Error ? err.message : String(err)}`));
    const outcome: HarvestOutcome = validator instanceof HarvestError
      ? { kind: 'failed', source: source.id, startedAt, endedAt: dateTimeNow(), error: validator }
      : await harvestSource(source, {
        fetchPolicy: deps.fetchPolicy, validator, sink: catalogueSink(deps.store, deps.search, run, deps.events, deps.failpoint ?? null),
        previous, genidBase: deps.genidBase, startedAt: new Date(startedAt), limiter,
        ...(deps.quality ? { quality: {
          vocabularies: deps.quality.vocabularies,
          ...(deps.quality.links ? { links: { ...deps.quality.links, policy: deps.fetchPolicy, limiter } } : {}),
        } } : {}),
        ...(deps.services ? { services: { ...deps.services, policy: deps.fetchPolicy } } : {}),
        onProgress: (progress) => {
          void deps.onEvent?.({ phase: 'progress', source, startedAt, progress });
          const now = Date.now();
          if (now - written < PROGRESS_EVERY_MS) return;
          written = now;
          writing = writing.then(() => deps.running.update(source.id, startedAt, progress)).catch(() => undefined);
        },
      });
    await writing;
    if (outcome.kind === 'harvested') await deps.runs.saveState(source.id, outcome.state);
    await deps.runs.record(toRunRecord(run.id, outcome));
    // Catalogue records change only with the content; the run list changes every run. The run itself is recorded
    // above (in the data directory): a store that cannot take these graphs now (a run that failed because the
    // store is down) gets them from the next run, which writes both again.
    try {
      if (outcome.kind === 'harvested' && outcome.changed) await deps.store.replaceGraph(historyGraph(source.id), historyQuads(source, outcome.state));
      await deps.store.replaceGraph(runsGraph(source.id), runsQuads(source, await deps.runs.history(source.id)));
    } catch (err) {
      // The run's records are published; only its SPARQL-visible history lags. A failed run says why already.
      if (outcome.kind !== 'failed') {
        await deps.onEvent?.({ phase: 'warning', source, message: `its run list or change history could not be written to the store (${err instanceof Error ? err.message : String(err)}); `
          + 'the next run writes the run list again, the next run that finds changes (or harvest --full) the history' });
      }
    }
    await deps.onEvent?.({ phase: 'ended', source, outcome });
    return outcome;
  } finally {
    await deps.running.release(source.id);
  }
}

/**
 * Harvests sources, `concurrency` at a time, with one host limiter shared by all of them. Each source
 * fails on its own, every outcome is recorded, and a source another process is harvesting is skipped.
 * Results are in the order of `sources`.
 */
export async function harvestAll(sources: readonly Source[], deps: HarvestRunnerDeps): Promise<RunnerResult[]> {
  const limiter = new HostLimiter(deps.perHost ?? 2);
  const results: RunnerResult[] = new Array(sources.length);
  await forEachConcurrently(sources.length, deps.concurrency ?? 1, async (i) => {
    results[i] = await harvestOne(sources[i]!, deps, limiter);
  });
  return results;
}
