import { DataFactory } from 'n3';
import { sparqlTerm } from '../store/sparql-term.js';

/**
 * The description of records: their own triples, their distributions, and the nodes they (or those) point to
 * that have no life of their own (blank nodes, and blank nodes fedcat skolemised under `genidBase`), two levels
 * deep. With `agents`, also the descriptions of their publishers, creators and contact points (and those agents'
 * own blank nodes), so the record stands on its own as DCAT-AP-NL asks. Record IRIs enter the query only through
 * {@link sparqlTerm}; `genidBase` as a literal.
 */
export function recordDescriptionQuery(iris: string | readonly string[], genidBase?: string, options: { agents?: boolean } = {}): string {
  const values = (typeof iris === 'string' ? [iris] : iris).map((i) => sparqlTerm(DataFactory.namedNode(i))).join(' ');
  const owned = (v: string) => (genidBase ? `(isBlank(${v}) || STRSTARTS(STR(${v}), ${sparqlTerm(DataFactory.literal(genidBase))}))` : `isBlank(${v})`);
  // The records enter every branch of the union themselves: stores (Virtuoso, oxigraph) otherwise evaluate a
  // branch unbound, joining every distribution of the store, and only then the records (seconds instead of ms).
  const r = `VALUES ?r { ${values} }`;
  return `PREFIX dcat: <http://www.w3.org/ns/dcat#>
CONSTRUCT { ?s ?p ?o } WHERE {
  { ${r} ?r ?p ?o BIND(?r AS ?s) }
  UNION { ${r} ?r ?p0 ?s . FILTER(${owned('?s')} || ?p0 = dcat:distribution) ?s ?p ?o }
  UNION { ${r} ?r ?p0 ?x . FILTER(${owned('?x')} || ?p0 = dcat:distribution) ?x ?p1 ?s . FILTER(${owned('?s')}) ?s ?p ?o }${options.agents ? `
  UNION { ${r} ?r <http://purl.org/dc/terms/publisher>|<http://purl.org/dc/terms/creator>|dcat:contactPoint ?s . FILTER(!${owned('?s')}) ?s ?p ?o }
  UNION { ${r} ?r <http://purl.org/dc/terms/publisher>|<http://purl.org/dc/terms/creator>|dcat:contactPoint ?x . FILTER(!${owned('?x')}) ?x ?p1 ?s . FILTER(${owned('?s')}) ?s ?p ?o }` : ''}
}`;
}
