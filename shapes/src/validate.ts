import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isAbsolute } from 'node:path';
import type { DatasetCore, Quad } from '@rdfjs/types';
import { Parser, Store } from 'n3';
import { backgroundKnowledge, classHierarchy } from '@fedcat/vocab';
import { valueNote } from './value-notes.js';
import { Background } from './background.js';
import type { CompiledShapes, Engine, EngineName } from './engines/engine.js';
import { rdfValidateShacl } from './engines/rdf-validate-shacl.js';
import { shaclEngine } from './engines/shacl-engine.js';
import type { Messages } from './messages.js';
import { defaultProfile, type Profile } from './profiles.js';
import { shapeDescriber, type PropertyNames, type ShapeDescriber } from './shape-description.js';

/** Severity of one result. */
export type Severity = 'violation' | 'warning' | 'info';

/** How a node was written: fedcat reports blank nodes by label and literals by their text. */
export type TermKind = 'iri' | 'blank' | 'literal';

const KIND: Record<string, TermKind> = { NamedNode: 'iri', BlankNode: 'blank', Literal: 'literal' };

/** One SHACL result in plain JSON. */
export interface ShaclResult {
  /** The severity fedcat reports under the profile: an advising file's violations are warnings. */
  readonly severity: Severity;
  /** The severity the shape gave (sh:resultSeverity). */
  readonly shaclSeverity: Severity;
  readonly focusNode: string;
  readonly focusKind: TermKind;
  readonly path: string | null;
  readonly value: string | null;
  readonly valueKind: TermKind | null;
  /** The English message (kept for callers that show one language). */
  readonly message: string;
  readonly messages: Messages;
  /** The shape's IRI; null for blank-node shapes, whose labels differ per parse. */
  readonly sourceShape: string | null;
  /** A stable name for the shape, also for blank-node shapes: see {@link ShapeDescription.key}. */
  readonly shape: string;
  readonly constraint: string | null;
  /** The shape file the result comes from. */
  readonly file: string;
  /** True when the result comes from a gating shape file and is a violation. */
  readonly gating: boolean;
}

/** What a validation run concluded. `accepted` is decided on gating violations, never on `sh:conforms`. */
export interface ShaclSummary {
  readonly profile: string;
  readonly accepted: boolean;
  readonly violations: number;
  readonly warnings: number;
  readonly infos: number;
  /** Resources whose results count (the focus set). */
  readonly resources: number;
  readonly results: readonly ShaclResult[];
}

export interface ValidateOptions {
  /**
   * Only results about these nodes count. Default: the data's own subjects, so that context (the types of
   * resources a record refers to) are not focus nodes themselves. Terms of the background vocabularies never
   * are, even when the data describes them.
   */
  readonly focus?: ReadonlySet<string>;
}

/** A loaded profile, ready to validate data graphs. */
export interface Validator {
  readonly profile: Profile;
  readonly engine?: EngineName;
  validate(data: DatasetCore | readonly Quad[], options?: ValidateOptions): Promise<ShaclSummary>;
  /** How many validate() calls usefully run at once (a worker pool's size); 1 when absent. */
  readonly parallelism?: number;
  /** Releases workers, if any. */
  close?(): Promise<void>;
}

export interface LoadOptions {
  /** Default shacl-engine: same results, faster (docs/benchmarks.md, "SHACL engines"). */
  readonly engine?: EngineName;
}

const SHAPES_DIR = fileURLToPath(new URL('../shapes/', import.meta.url));
const ENGINES: Record<EngineName, Engine> = { 'shacl-engine': shaclEngine, 'rdf-validate-shacl': rdfValidateShacl };
export const DEFAULT_ENGINE: EngineName = 'shacl-engine';

/** Where a profile's shape file lives: vendored files by name, a custom profile's by absolute path. */
export function shapeFilePath(file: string): string {
  return isAbsolute(file) ? file : `${SHAPES_DIR}${file}`;
}

async function loadShapeFile(file: string): Promise<Store> {
  const text = await readFile(shapeFilePath(file), 'utf8');
  return new Store(new Parser({ baseIRI: `urn:fedcat:shapes:${file}` }).parse(text));
}

let propertyNames: Promise<PropertyNames> | null = null;

/** Dutch and English property names from DCAT-AP-NL's label file, by path. */
function loadPropertyNames(): Promise<PropertyNames> {
  propertyNames ??= loadShapeFile('dcat-ap-nl-current/dcat-ap-nl-LBL.ttl').then((store) => {
    const names = new Map<string, { en: string; nl: string }>();
    for (const q of store.match(null, null, null)) {
      if (q.predicate.value !== 'http://www.w3.org/ns/shacl#path' || q.object.termType !== 'NamedNode' || names.has(q.object.value)) continue;
      const labels = store.getQuads(q.subject.value, null, null, null).filter((l) => l.predicate.value === 'http://www.w3.org/2000/01/rdf-schema#label');
      const label = (lang: string) => labels.find((l) => l.object.termType === 'Literal' && l.object.language === lang)?.object.value;
      const en = label('en');
      const nl = label('nl');
      if (en && nl) names.set(q.object.value, { en, nl });
    }
    return names;
  });
  return propertyNames;
}

const SEVERITY: Record<string, Severity> = {
  'http://www.w3.org/ns/shacl#Violation': 'violation',
  'http://www.w3.org/ns/shacl#Warning': 'warning',
  'http://www.w3.org/ns/shacl#Info': 'info',
};

interface LoadedFile { readonly file: string; readonly gating: boolean; readonly compiled: CompiledShapes; readonly describe: ShapeDescriber }

/** The data's own subjects: the default focus. */
function subjectsOf(quads: Iterable<Quad>): Set<string> {
  const out = new Set<string>();
  for (const q of quads) out.add(q.subject.value);
  return out;
}

/** Loads the shape files of a profile (and its background knowledge) once; validate() may then be called many times. */
export async function loadValidator(profile: Profile = defaultProfile, options: LoadOptions = {}): Promise<Validator> {
  const engineName = options.engine ?? DEFAULT_ENGINE;
  const engine = ENGINES[engineName];
  const names = await loadPropertyNames();
  const background = profile.background ? new Background(await backgroundKnowledge()) : null;
  const hierarchy = profile.background ? await classHierarchy() : null;
  const load = async (file: string, gating: boolean): Promise<LoadedFile> => {
    const shapes = await loadShapeFile(file);
    // SHACL follows rdfs:subClassOf in the data graph (where the background puts the class hierarchy); shacl-engine
    // resolves sh:class against the shapes graph when it compiles. The fixed hierarchy goes in both, so each engine
    // finds a vcard:Organization a vcard:Kind, as Jena does.
    if (hierarchy) shapes.addQuads([...hierarchy]);
    return { file, gating, compiled: engine(shapes), describe: shapeDescriber(shapes, names) };
  };
  const files = await Promise.all([...profile.gate.map((f) => load(f, true)), ...profile.advise.map((f) => load(f, false))]);
  return {
    profile,
    engine: engineName,
    async validate(data, opts = {}) {
      const quads = (Array.isArray(data) ? data : [...(data as DatasetCore)]) as Quad[];
      const focus = opts.focus ?? subjectsOf(quads);
      const graph = new Store(background ? [...quads, ...background.reachableFrom(quads)] : quads);
      const results: ShaclResult[] = [];
      for (const { file, gating, compiled, describe } of files) {
        for (const r of await compiled.validate(graph)) {
          if (!focus.has(r.focusNode.value) || background?.knows(r.focusNode.value)) continue;
          const shaclSeverity = SEVERITY[r.severity] ?? 'violation';
          const severity = gating || shaclSeverity !== 'violation' ? shaclSeverity : 'warning';
          const described = describe(r.sourceShape, r.component, r.path);
          const key = described.key;
          const messages = valueNote({ path: r.path, constraint: r.component || null, value: r.value?.value ?? null, file }) ?? described.messages;
          results.push({
            severity, shaclSeverity,
            focusNode: r.focusNode.value,
            focusKind: KIND[r.focusNode.termType] ?? 'iri',
            path: r.path,
            value: r.value ? r.value.value : null,
            valueKind: r.value ? KIND[r.value.termType] ?? 'literal' : null,
            message: messages.en,
            messages,
            sourceShape: r.sourceShape.termType === 'NamedNode' ? r.sourceShape.value : null,
            shape: key,
            constraint: r.component || null,
            file,
            gating: gating && shaclSeverity === 'violation',
          });
        }
      }
      const count = (s: Severity) => results.filter((r) => r.severity === s).length;
      return {
        profile: profile.id,
        accepted: !results.some((r) => r.gating),
        violations: count('violation'),
        warnings: count('warning'),
        infos: count('info'),
        resources: focus.size,
        results,
      };
    },
  };
}
