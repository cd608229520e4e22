import type { Term } from '@rdfjs/types';
import type { JsonTerm } from '../store/solutions-format.js';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** An RDF/JS term as a SPARQL 1.1 Query Results JSON term. */
export function jsonTerm(t: Term): JsonTerm {
  switch (t.termType) {
    case 'NamedNode': return { type: 'uri', value: t.value };
    case 'BlankNode': return { type: 'bnode', value: t.value };
    case 'Literal':
      return t.language ? { type: 'literal', value: t.value, 'xml:lang': t.language }
        : t.datatype.value === XSD_STRING ? { type: 'literal', value: t.value } : { type: 'literal', value: t.value, datatype: t.datatype.value };
    case 'Quad': return { type: 'triple', value: { subject: jsonTerm(t.subject), predicate: jsonTerm(t.predicate), object: jsonTerm(t.object) } };
    default: return { type: 'literal', value: t.value };
  }
}

/** An ASK answer in one of the four SPARQL results formats (CSV and TSV, which define no boolean, as `true`/`false`). */
export function formatBoolean(value: boolean, mediaType: string): string {
  switch (mediaType) {
    case 'application/sparql-results+xml':
      return `<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head></head><boolean>${value}</boolean></sparql>\n`;
    case 'text/csv': return `${value}\r\n`;
    case 'text/tab-separated-values': return `${value}\n`;
    default: return JSON.stringify({ head: {}, boolean: value });
  }
}
