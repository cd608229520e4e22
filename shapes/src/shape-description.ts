import type { DatasetCore, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { COMPONENT_PARAMETER, templateMessages, type Messages } from './messages.js';
import { prefixed, readableTerm } from './readable.js';

const SH = 'http://www.w3.org/ns/shacl#';
/** The message predicate of the EU SHACL extension that DCAT-AP-NL's shapes use instead of sh:message. */
const EUSH_MESSAGE = 'https://purl.eu/ns/shacl#message';
const { namedNode } = DataFactory;

/** Dutch and English names of properties, by path IRI (from DCAT-AP-NL's label file). */
export type PropertyNames = ReadonlyMap<string, { readonly en: string; readonly nl: string }>;

/** What a report needs to know about the shape behind a result. */
export interface ShapeDescription {
  /** Stable across parses: the shape's IRI, or `<parent IRI> › <path>` for a blank-node property shape. */
  readonly key: string;
  readonly messages: Messages;
}

function objects(shapes: DatasetCore, subject: Term, predicate: string): Term[] {
  return [...shapes.match(subject as never, namedNode(predicate), null)].map((q) => q.object);
}

function byLanguage(terms: readonly Term[], language: string): string | undefined {
  return terms.find((t) => t.termType === 'Literal' && (t as { language: string }).language === language)?.value
    ?? (language === 'en' ? terms.find((t) => t.termType === 'Literal' && !(t as { language: string }).language)?.value : undefined);
}

/**
 * Describes shapes of one shapes graph for reports, caching per shape and component. Messages come from the
 * shape itself (sh:message, or DCAT-AP-NL's eush:message) in each language it has, else from fedcat's templates.
 */
export function shapeDescriber(shapes: DatasetCore, names: PropertyNames) {
  const cache = new Map<string, ShapeDescription>();
  const keyOf = (shape: Term, path: string | null): string => {
    if (shape.termType === 'NamedNode') return shape.value;
    const parent = [...shapes.match(null, namedNode(`${SH}property`), shape as never)][0]?.subject;
    const where = parent?.termType === 'NamedNode' ? parent.value : '(anonymous shape)';
    return path ? `${where} › ${prefixed(path)}` : where;
  };
  return (shape: Term, component: string, path: string | null): ShapeDescription => {
    const id = `${shape.termType}:${shape.value}|${component}|${path ?? ''}`;
    const cached = cache.get(id);
    if (cached) return cached;
    const own = [...objects(shapes, shape, `${SH}message`), ...objects(shapes, shape, EUSH_MESSAGE)];
    const local = component.startsWith(SH) ? component.slice(SH.length) : component;
    const parameterPredicate = COMPONENT_PARAMETER[local];
    const parameter = parameterPredicate ? objects(shapes, shape, parameterPredicate)[0] : undefined;
    const shapeNames = objects(shapes, shape, `${SH}name`);
    const known = path ? names.get(path) : undefined;
    const fallback = path ? prefixed(path) : null;
    const property = path ? {
      en: `${byLanguage(shapeNames, 'en') ?? known?.en ?? fallback} (${fallback})`,
      nl: `${byLanguage(shapeNames, 'nl') ?? known?.nl ?? byLanguage(shapeNames, 'en') ?? fallback} (${fallback})`,
    } : null;
    const template = templateMessages(component, { property, parameter: parameter ? readableTerm(parameter) : null });
    const description = {
      key: keyOf(shape, path),
      messages: { en: byLanguage(own, 'en') ?? template.en, nl: byLanguage(own, 'nl') ?? template.nl },
    };
    cache.set(id, description);
    return description;
  };
}

export type ShapeDescriber = ReturnType<typeof shapeDescriber>;
