import type { Quad } from '@rdfjs/types';
import type { Source } from '@fedcat/catalogue';
import type { HostLimiter } from '../fetch/host-limiter.js';
import type { HarvestState } from '../harvest-state.js';
import type { HarvestStats } from '../outcome.js';
import type { HarvestProgress } from '../progress.js';
import type { AcceptedRecord } from '../quality/assess-records.js';

/** What an enricher works on: the records in the catalogue after validation, and the last harvest's state. */
export interface EnrichContext {
  readonly source: Source;
  readonly records: readonly AcceptedRecord[];
  readonly previous: HarvestState;
  readonly now: () => Date;
  /** Base of the skolem IRIs minted for this source. */
  readonly genid: string;
  readonly limiter?: HostLimiter | undefined;
  readonly report: (progress: Partial<HarvestProgress>) => void;
}

/** What an enricher adds: statements for the source graph, what the next state keeps, and its figures. */
export interface Enrichment {
  readonly quads: readonly Quad[];
  readonly state: Partial<HarvestState>;
  readonly stats: Partial<Pick<HarvestStats, 'quality' | 'services'>>;
}

/**
 * A step after validation that adds to what the harvest publishes (service descriptions, MQA quality), applied in
 * order like the normalisation stages; unlike them it may do I/O (fetch documents, check links).
 */
export type Enricher = (ctx: EnrichContext) => Promise<Enrichment>;

/** Applies enrichers one after the other and merges what they add, in their order. */
export async function applyEnrichers(enrichers: readonly Enricher[], ctx: EnrichContext): Promise<Enrichment> {
  let quads: readonly Quad[] = [];
  let state: Partial<HarvestState> = {};
  let stats: Enrichment['stats'] = {};
  for (const enrich of enrichers) {
    const added = await enrich(ctx);
    // concat, not push(...): an enrichment of 100k datasets holds more quads than a call takes arguments.
    quads = quads.concat(added.quads);
    state = { ...state, ...added.state };
    stats = { ...stats, ...added.stats };
  }
  return { quads, state, stats };
}
