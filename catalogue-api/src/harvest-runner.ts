import { harvestSource, type FetchPolicy, type HarvestOutcome, type Source } from '@fedcat/harvester';
import type { Validator } from '@fedcat/shapes';
import { catalogueSink, runIri } from './catalogue-sink.js';
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
  /** Base of minted skolem IRIs (`<baseUrl>/.well-known/genid/`). */
  readonly genidBase: string;
  /** Ignore the last harvest's state: fetch unconditionally and revalidate every record. */
  readonly full?: boolean;
  readonly onProgress?: (event: { source: Source; phase: 'started' } | { source: Source; phase: 'ended'; outcome: HarvestOutcome }) => void | Promise<void>;
}

/** Harvests sources one after another; each fails on its own, and every outcome is recorded. */
export async function harvestAll(sources: readonly Source[], deps: HarvestRunnerDeps): Promise<HarvestOutcome[]> {
  const outcomes: HarvestOutcome[] = [];
  for (const source of sources) {
    await deps.onProgress?.({ source, phase: 'started' });
    const startedAt = new Date().toISOString();
    const run = { id: runIri(source.id, startedAt), startedAt };
    const previous = deps.full ? undefined : await deps.runs.state(source.id);
    const outcome = await harvestSource(source, {
      fetchPolicy: deps.fetchPolicy, validator: deps.validator, sink: catalogueSink(deps.store, deps.search, run),
      previous, genidBase: deps.genidBase, startedAt: new Date(startedAt),
    });
    if (outcome.kind === 'harvested') await deps.runs.saveState(source.id, outcome.state);
    await deps.runs.record(toRunRecord(run.id, outcome));
    await deps.onProgress?.({ source, phase: 'ended', outcome });
    outcomes.push(outcome);
  }
  return outcomes;
}
