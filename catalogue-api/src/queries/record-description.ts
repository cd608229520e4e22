import { DataFactory } from 'n3';
import { sparqlTerm } from '../store/sparql-term.js';

/**
 * The description of one record: its own triples, its distributions and the blank nodes it (or they)
 * point to, two levels deep. The record IRI enters the query only through {@link sparqlTerm}.
 */
export function recordDescriptionQuery(iri: string): string {
  const s = sparqlTerm(DataFactory.namedNode(iri));
  return `PREFIX dcat: <http://www.w3.org/ns/dcat#>
CONSTRUCT { ?s ?p ?o } WHERE {
  { VALUES ?s { ${s} } ?s ?p ?o }
  UNION { ${s} ?p0 ?s . FILTER(isBlank(?s) || ?p0 = dcat:distribution) ?s ?p ?o }
  UNION { ${s} ?p0 ?x . FILTER(isBlank(?x) || ?p0 = dcat:distribution) ?x ?p1 ?s . FILTER(isBlank(?s)) ?s ?p ?o }
}`;
}
