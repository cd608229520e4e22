// The parts of shacl-engine 1.1 (untyped JavaScript) that fedcat uses.
declare module 'shacl-engine' {
  import type { DataFactory, DatasetCore, DatasetCoreFactory, Literal, Quad, Term } from '@rdfjs/types';

  interface Pointer { readonly term: Term; readonly terms: Term[] }
  interface PathStep { readonly quantifier: string; readonly start: string; readonly predicates: readonly Term[] }
  interface Result {
    readonly severity: Term;
    readonly focusNode: Pointer;
    readonly path: readonly PathStep[] | null;
    readonly value?: Pointer;
    readonly message: readonly Literal[];
    readonly shape: { readonly ptr: Pointer };
    readonly constraintComponent: Term;
  }
  interface Report { readonly conforms: boolean; readonly results: readonly Result[]; readonly dataset: DatasetCore }

  export class Validator {
    constructor(shapes: DatasetCore, options: { factory: DataFactory & DatasetCoreFactory<Quad> });
    validate(data: { dataset: DatasetCore; terms?: Iterable<Term> }, shapes?: { terms?: Iterable<Term> }): Promise<Report>;
  }
}

declare module 'shacl-engine/lib/Shape.js' {
  interface ShapeContext {
    readonly processed: Set<string>;
    readonly report: { readonly results: unknown[] };
    id(options: { shape: Shape }): string;
  }
  export default class Shape {
    readonly shapeValidator: { validate(context: ShapeContext): Promise<ShapeContext> };
    validate(context: ShapeContext): Promise<ShapeContext>;
  }
}
