import type { DatasetCore, Term } from '@rdfjs/types';

/**
 * The SHACL engines fedcat can validate with. shacl-engine is the default and agrees with Jena; rdf-validate-shacl misses
 * some nested-shape results and is kept as the benchmark's baseline (bench/src/validate-engines.ts).
 */
export type EngineName = 'shacl-engine' | 'rdf-validate-shacl';

/** One validation result as an engine reports it, terms untouched (blank nodes are the shapes graph's own). */
export interface RawResult {
  readonly severity: string;
  readonly focusNode: Term;
  /** The predicate of a simple path; a readable SPARQL-like form of a complex one; null for node constraints. */
  readonly path: string | null;
  readonly value: Term | null;
  readonly sourceShape: Term;
  readonly component: string;
}

/** A shapes graph compiled by one engine, validating data graphs against it. */
export interface CompiledShapes {
  validate(data: DatasetCore): Promise<RawResult[]>;
}

export type Engine = (shapes: DatasetCore) => CompiledShapes;
