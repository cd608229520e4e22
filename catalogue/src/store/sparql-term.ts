import type { Term } from '@rdfjs/types';

const escapeString = (s: string) =>
  s.replace(/[\\"\n\r\t\b\f]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' })[c]!);

/** Characters that may not appear inside a SPARQL IRIREF. */
const IRI_FORBIDDEN = /[\u0000-\u0020<>"{}|^`\\]/;

/**
 * Serialises an RDF/JS term for a SPARQL query. The only way fedcat puts a value into a query: an IRI
 * that could close the `<…>` is refused, and literals are escaped, so a value can never change the query.
 */
export function sparqlTerm(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      if (IRI_FORBIDDEN.test(term.value)) throw new TypeError(`not a valid IRI for SPARQL: ${JSON.stringify(term.value)}`);
      return `<${term.value}>`;
    case 'Literal': {
      const body = `"${escapeString(term.value)}"`;
      if (term.language) return `${body}@${term.language.replace(/[^A-Za-z0-9-]/g, '')}`;
      if (term.datatype && term.datatype.value !== 'http://www.w3.org/2001/XMLSchema#string') return `${body}^^${sparqlTerm(term.datatype)}`;
      return body;
    }
    default:
      throw new TypeError(`cannot bind a ${term.termType} into a query`);
  }
}
