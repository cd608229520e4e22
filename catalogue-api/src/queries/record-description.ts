import { DataFactory } from 'n3';
import { sparqlTerm } from '../store/sparql-term.js';

/**
 * The description of records: their own triples, their distributions, and the nodes they (or those) point to
 * that have no life of their own (blank nodes, and blank nodes fedcat skolemised under `genidBase`), two levels
 * deep. With `agents`, also the descriptions of their publishers, creators and contact points (and those agents'
 * own blank nodes), so the record stands on its own as DCAT-AP-NL asks. Record IRIs enter the queries only through
 * {@link sparqlTerm}; `genidBase` as a literal.
 *
 * One CONSTRUCT per part, to be run together and merged ({@link constructAll}): as one query with UNION, Virtuoso
 * picked plans of seconds to minutes for some records (each part alone: ~20 ms), and oxigraph evaluated union
 * branches without the bound records.
 */
export function recordDescriptionQueries(iris: string | readonly string[], genidBase?: string, options: { agents?: boolean } = {}): string[] {
  const values = (typeof iris === 'string' ? [iris] : iris).map((i) => sparqlTerm(DataFactory.namedNode(i))).join(' ');
  const owned = (v: string) => (genidBase ? `(isBlank(${v}) || STRSTARTS(STR(${v}), ${sparqlTerm(DataFactory.literal(genidBase))}))` : `isBlank(${v})`);
  const agent = '<http://purl.org/dc/terms/publisher>|<http://purl.org/dc/terms/creator>|dcat:contactPoint';
  const parts = [
    '?r ?p ?o BIND(?r AS ?s)',
    `?r ?p0 ?s . FILTER(${owned('?s')} || ?p0 = dcat:distribution) ?s ?p ?o`,
    `?r ?p0 ?x . FILTER(${owned('?x')} || ?p0 = dcat:distribution) ?x ?p1 ?s . FILTER(${owned('?s')}) ?s ?p ?o`,
    ...(options.agents ? [
      `?r ${agent} ?s . FILTER(!${owned('?s')}) ?s ?p ?o`,
      `?r ${agent} ?x . FILTER(!${owned('?x')}) ?x ?p1 ?s . FILTER(${owned('?s')}) ?s ?p ?o`,
    ] : []),
  ];
  return parts.map((part) => `PREFIX dcat: <http://www.w3.org/ns/dcat#>
CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?r { ${values} } ${part} }`);
}
