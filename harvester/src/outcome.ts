import type { ShaclResult, ValidationReport } from '@fedcat/shapes';
import type { UnmappedValue } from '@fedcat/shapes/quality';
import type { HarvestError } from './errors.js';
import type { HarvestState } from './harvest-state.js';
import type { Normalisation } from './stages/stage.js';
import type { SourceSyntax } from './sources/read-result.js';

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

interface Timing { readonly source: string; readonly startedAt: string; readonly endedAt: string }

/** The outcome of harvesting one source; failures are values, never throws. */
export type HarvestOutcome =
  /** `changed` is false when the content equals the last harvest's (see `SourceChange.changed`). */
  | (Timing & { readonly kind: 'harvested'; readonly stats: HarvestStats; readonly state: HarvestState; readonly changed: boolean })
  /**
   * Nothing to do: the source answered 304 to the last harvest's conditional-request headers (ETag,
   * Last-Modified), or its files are untouched, or it served exactly the bytes of the last harvest.
   */
  | (Timing & { readonly kind: 'not-modified'; readonly by: 'conditional-request' | 'content' })
  | (Timing & { readonly kind: 'failed'; readonly error: HarvestError });
