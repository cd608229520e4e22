import type { Quad } from '@rdfjs/types';

/** A change a normalisation stage made, kept for the run report so publishers see their original value. */
export interface Normalisation {
  readonly stage: string;
  readonly subject: string;
  readonly predicate: string;
  readonly original: string;
  readonly normalised: string;
}

/** What every stage may use: a sink for its notes. */
export interface StageContext {
  readonly note: (n: Normalisation) => void;
}

/** A normalisation stage: a pure function from quads to quads; idempotent. */
export type Stage = (quads: readonly Quad[], ctx: StageContext) => Quad[];

/** Runs stages in order. */
export function applyStages(quads: readonly Quad[], stages: readonly Stage[], ctx: StageContext): Quad[] {
  return stages.reduce<Quad[]>((acc, stage) => stage(acc, ctx), [...quads]);
}
