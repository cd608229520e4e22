import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { dcatAp3Base, type Profile } from './profiles.js';

/** Severity of one result as fedcat reports it. */
export type Severity = 'violation' | 'warning' | 'info';

/** One SHACL result in plain JSON. */
export interface ShaclResult {
  readonly severity: Severity;
  readonly focusNode: string;
  readonly path: string | null;
  readonly value: string | null;
  readonly message: string;
  readonly sourceShape: string | null;
  readonly constraint: string | null;
  /** True when the result comes from a gating shape file and is a violation. */
  readonly gating: boolean;
}

/** What a validation run concluded. `accepted` is decided on gating violations, never on `sh:conforms`. */
export interface ShaclSummary {
  readonly profile: string;
  readonly accepted: boolean;
  readonly violations: number;
  readonly warnings: number;
  readonly results: readonly ShaclResult[];
}

/** A loaded profile, ready to validate data graphs. */
export interface Validator {
  readonly profile: Profile;
  /**
   * Validates a data graph. With `focus`, only results about those nodes count: the graph may carry context
   * (the types of resources a record refers to) whose own shapes are not this record's business.
   */
  validate(data: DatasetCore | readonly Quad[], options?: { focus?: ReadonlySet<string> }): Promise<ShaclSummary>;
  /** How many validate() calls usefully run at once (a worker pool's size); 1 when absent. */
  readonly parallelism?: number;
  /** Releases workers, if any. */
  close?(): Promise<void>;
}

const SHAPES_DIR = fileURLToPath(new URL('../shapes/', import.meta.url));

async function loadShapeFile(name: string): Promise<Store> {
  const text = await readFile(`${SHAPES_DIR}${name}`, 'utf8');
  return new Store(new Parser({ baseIRI: `urn:fedcat:shapes:${name}` }).parse(text));
}

const SEVERITY: Record<string, Severity> = {
  'http://www.w3.org/ns/shacl#Violation': 'violation',
  'http://www.w3.org/ns/shacl#Warning': 'warning',
  'http://www.w3.org/ns/shacl#Info': 'info',
};

const termValue = (t: Term | null | undefined): string | null => (t ? t.value : null);

/** Loads the shape files of a profile once; validate() may then be called many times. */
export async function loadValidator(profile: Profile = dcatAp3Base): Promise<Validator> {
  const gates = await Promise.all(profile.gate.map(loadShapeFile));
  const advisers = await Promise.all(profile.advise.map(loadShapeFile));
  const engines = [
    ...gates.map((s) => ({ engine: new SHACLValidator(s), gating: true })),
    ...advisers.map((s) => ({ engine: new SHACLValidator(s), gating: false })),
  ];
  return {
    profile,
    async validate(data, options = {}) {
      const graph: DatasetCore = Array.isArray(data) ? new Store(data as Quad[]) : (data as DatasetCore);
      const results: ShaclResult[] = [];
      for (const { engine, gating } of engines) {
        const report = await engine.validate(graph);
        for (const r of report.results) {
          if (options.focus && !options.focus.has(r.focusNode?.value ?? '')) continue;
          const severity = SEVERITY[r.severity?.value ?? ''] ?? 'violation';
          results.push({
            severity: gating ? severity : severity === 'violation' ? 'warning' : severity,
            focusNode: r.focusNode?.value ?? '',
            path: termValue(r.path as Term | null),
            value: termValue(r.value),
            message: r.message.map((m) => m.value).join(' ') || 'Constraint not met',
            // Property shapes are blank nodes whose labels differ per parse (and per worker): only IRIs are reported.
            sourceShape: r.sourceShape?.termType === 'NamedNode' ? r.sourceShape.value : null,
            constraint: termValue(r.sourceConstraintComponent),
            gating: gating && severity === 'violation',
          });
        }
      }
      const violations = results.filter((r) => r.severity === 'violation').length;
      return {
        profile: profile.id,
        accepted: !results.some((r) => r.gating),
        violations,
        warnings: results.length - violations,
        results,
      };
    },
  };
}
