import { negotiate } from '../../http/negotiation.js';
import { GRAPH_TYPES, SOLUTION_TYPES } from '../../rdf/formats.js';

/** What a SELECT/ASK answer can be written in, the server's preference first. */
export const SPARQL_SOLUTION_TYPES = SOLUTION_TYPES;
/** What a CONSTRUCT/DESCRIBE answer can be written in: the record pages' four, and N-Quads, TriG and N3. */
export const SPARQL_GRAPH_TYPES = [...GRAPH_TYPES, 'application/n-quads', 'application/trig', 'text/n3'] as const;

type Kind = 'solutions' | 'graph';

/** Media types clients send for what fedcat serves under another name, by answer kind. */
const MEDIA_ALIASES: Record<Kind, Readonly<Record<string, string>>> = {
  solutions: {
    'application/json': 'application/sparql-results+json', 'text/javascript': 'application/sparql-results+json',
    'application/javascript': 'application/sparql-results+json', 'application/xml': 'application/sparql-results+xml',
    'text/xml': 'application/sparql-results+xml',
  },
  graph: {
    'application/json': 'application/ld+json', 'application/x-json+ld': 'application/ld+json', 'text/plain': 'application/n-triples',
    'application/x-turtle': 'text/turtle', 'application/turtle': 'text/turtle', 'text/rdf+n3': 'text/n3', 'application/n3': 'text/n3',
    'application/xml': 'application/rdf+xml', 'text/xml': 'application/rdf+xml', 'application/x-trig': 'application/trig',
  },
};

/**
 * Names of result formats in the `format`, `output` and `results` parameters (Virtuoso's and Fuseki's convention,
 * which SPARQLWrapper sends all three of): one name may mean a results format or a graph format by query form.
 */
const FORMAT_NAMES: Record<Kind, Readonly<Record<string, string>>> = {
  solutions: { json: 'application/sparql-results+json', srj: 'application/sparql-results+json', xml: 'application/sparql-results+xml', srx: 'application/sparql-results+xml', csv: 'text/csv', tsv: 'text/tab-separated-values' },
  graph: {
    xml: 'application/rdf+xml', rdf: 'application/rdf+xml', 'rdf+xml': 'application/rdf+xml', rdfxml: 'application/rdf+xml',
    json: 'application/ld+json', 'json-ld': 'application/ld+json', jsonld: 'application/ld+json',
    turtle: 'text/turtle', ttl: 'text/turtle', n3: 'text/n3', nt: 'application/n-triples', ntriples: 'application/n-triples',
    'n-triples': 'application/n-triples', nq: 'application/n-quads', nquads: 'application/n-quads', 'n-quads': 'application/n-quads', trig: 'application/trig',
  },
};

/** The parameters that name a result format, in the order they are read. */
export const FORMAT_PARAMETERS = ['format', 'output', 'results'] as const;

/** The offers of a kind, server's preference first (also a 406's list). */
export const offeredTypes = (kind: Kind): readonly string[] => (kind === 'graph' ? SPARQL_GRAPH_TYPES : SPARQL_SOLUTION_TYPES);
const canonical = (type: string, kind: Kind) => MEDIA_ALIASES[kind][type] ?? type;

/** An Accept header with the aliases of `kind` written as the media types fedcat serves (q-values kept). */
function canonicalAccept(accept: string, kind: Kind): string {
  return accept.split(',').map((part) => {
    const [type = '', ...params] = part.split(';');
    return [canonical(type.trim().toLowerCase(), kind), ...params].join(';');
  }).join(',');
}

/** The first format parameter value that names something this kind of answer can be written in. */
function named(values: readonly string[], kind: Kind): string | null {
  const offers = offeredTypes(kind);
  for (const raw of values) {
    const value = raw.trim().toLowerCase();
    const type = FORMAT_NAMES[kind][value] ?? canonical(value.split(';')[0]!.trim(), kind);
    if (offers.includes(type)) return type;
  }
  return null;
}

/**
 * The media type to answer in: the first `format`/`output`/`results` value that names one this query form can be
 * written in, else the best by `Accept` (aliases such as `application/xml` or `text/plain` understood), else null
 * (406). Values naming nothing servable (SPARQLWrapper sends its own names for every form) are passed over.
 */
export function answerFormat(kind: Kind, formatValues: readonly string[], accept: string | undefined): string | null {
  return named(formatValues, kind) ?? negotiate(accept === undefined ? undefined : canonicalAccept(accept, kind), offeredTypes(kind));
}

