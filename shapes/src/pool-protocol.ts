import type { EngineName } from './engines/engine.js';
import type { Profile } from './profiles.js';
import type { ShaclSummary } from './validate.js';

/** What each worker loads once. */
export interface PoolSetup {
  readonly profile: Profile;
  readonly engine: EngineName;
}

/** A data graph to validate, as N-Triples, with the focus nodes whose results count. */
export interface PoolRequest {
  readonly id: number;
  readonly ntriples: string;
  readonly focus: readonly string[] | null;
}

/** A validation's summary, or why it failed. */
export type PoolReply =
  | { readonly id: number; readonly summary: ShaclSummary; readonly error?: undefined }
  | { readonly id: number; readonly error: string; readonly summary?: undefined };
