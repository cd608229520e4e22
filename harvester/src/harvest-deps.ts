import type { Validator } from '@fedcat/shapes';
import type { HarvestSink } from '@fedcat/catalogue';
import type { FetchPolicy } from './fetch/fetch-document.js';
import type { HostLimiter } from './fetch/host-limiter.js';
import type { HarvestState } from './harvest-state.js';
import type { HarvestProgress } from './progress.js';
import type { QualityOptions } from './quality/assess-records.js';
import type { RecordLimits } from './records/record-limits.js';
import type { ServiceOptions } from './services/describe-services.js';
import type { Stage } from './stages/stage.js';

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
  /** Caps on what one source may contain; see `defaultRecordLimits`. The source's own limits win. */
  readonly limits?: Partial<RecordLimits>;
  /** Shared by concurrent harvests to cap requests per host; default: a limiter of 2 for this harvest alone. */
  readonly limiter?: HostLimiter;
  /** Called as the harvest advances (after each page, each validation batch, …). */
  readonly onProgress?: (progress: HarvestProgress) => void;
  readonly now?: () => Date;
  /** Normalisation stages; default `defaultStages`. */
  readonly stages?: readonly Stage[];
  /** When the run started (defaults to now); the caller uses it to name the run. */
  readonly startedAt?: Date;
  /** Assess the MQA quality of the datasets (and check their links) and store it as DQV; omitted: no assessment. */
  readonly quality?: QualityOptions;
  /** Fetch and check the data services' OpenAPI descriptions and PDP metadata; omitted: not described. */
  readonly services?: Omit<ServiceOptions, 'limiter'>;
}
