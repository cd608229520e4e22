import { qualityVocabularies } from '@fedcat/shapes/quality';
import { genidBase, type Config } from '../config/load-config.js';
import type { Runtime } from '../runtime.js';
import type { HarvestRunnerDeps } from './runner.js';

/** What a caller may change of the runner's dependencies: the run's own options, and (tests) the store it writes to. */
export type RunnerOverrides = Partial<Pick<HarvestRunnerDeps, 'full' | 'onEvent' | 'store' | 'validators' | 'fetchPolicy'>> & {
  /** Assess quality and describe data services as the configuration says (default), or neither. */
  readonly enrich?: boolean;
};

/**
 * The harvest runner's dependencies, built from a runtime and the configuration: the one place they are put
 * together, for `fedcat harvest`, benchmarks and tests alike.
 */
export async function runnerDeps(runtime: Runtime, config: Config, overrides: RunnerOverrides = {}): Promise<HarvestRunnerDeps> {
  const { enrich = true, ...rest } = overrides;
  return {
    store: runtime.store, search: runtime.search, validators: runtime.validators, runs: runtime.runs, running: runtime.running, events: runtime.events,
    fetchPolicy: config.fetchPolicy, genidBase: genidBase(config), failpoint: config.failpoint, concurrency: config.harvestConcurrency, perHost: config.harvestPerHost,
    ...(enrich ? { quality: { vocabularies: await qualityVocabularies(), links: config.linkCheck }, services: config.serviceCheck } : {}),
    ...rest,
  };
}
