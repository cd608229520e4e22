/** Result formats of SELECT/ASK, server's preference first. */
export const SOLUTION_TYPES = ['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values'] as const;
/** Graph formats of CONSTRUCT/DESCRIBE and record pages, server's preference first. */
export const GRAPH_TYPES = ['text/turtle', 'application/ld+json', 'application/n-triples', 'application/rdf+xml'] as const;

/** Short names accepted by the `format` parameter. */
export const FORMAT_ALIASES: Record<string, string> = {
  json: 'application/sparql-results+json', xml: 'application/sparql-results+xml', csv: 'text/csv', tsv: 'text/tab-separated-values',
  turtle: 'text/turtle', ttl: 'text/turtle', jsonld: 'application/ld+json', 'json-ld': 'application/ld+json',
  ntriples: 'application/n-triples', nt: 'application/n-triples', rdfxml: 'application/rdf+xml', 'rdf+xml': 'application/rdf+xml',
};
