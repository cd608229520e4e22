import { harvestSource, type FetchPolicy, type HarvestOutcome, type Source } from '@fedcat/harvester';
import type { Validator } from '@fedcat/shapes';
import { catalogueSink } from './catalogue-sink.js';
import { RunLog, toRunRecord } from './registry/runs.js';
import type { SearchIndex } from './search/search-index.js';
import type { QuadStore } from './store/quad-store.js';

/** Everything a harvest of registered sources needs. */
export interface HarvestRunnerDeps {
  readonly store: QuadStore;
  readonly search: SearchIndex;
  readonly validator: Validator;
  readonly fetchPolicy: FetchPolicy;
  readonly runs: RunLog;
  readonly onProgress?: (event: { source: Source; phase: 'started' } | { source: Source; phase: 'ended'; outcome: HarvestOutcome }) => void | Promise<void>;
}

/** Harvests sources one after another; each fails on its own, and every outcome is recorded. */
export async function harvestAll(sources: readonly Source[], deps: HarvestRunnerDeps): Promise<HarvestOutcome[]> {
  const sink = catalogueSink(deps.store, deps.search);
  const outcomes: HarvestOutcome[] = [];
  for (const source of sources) {
    await deps.onProgress?.({ source, phase: 'started' });
    const outcome = await harvestSource(source, { fetchPolicy: deps.fetchPolicy, validator: deps.validator, sink });
    await deps.runs.record(toRunRecord(outcome));
    await deps.onProgress?.({ source, phase: 'ended', outcome });
    outcomes.push(outcome);
  }
  return outcomes;
}
