import type { Term } from '@rdfjs/types';

const PREFIXES: readonly [string, string][] = [
  ['dcat', 'http://www.w3.org/ns/dcat#'], ['dct', 'http://purl.org/dc/terms/'], ['foaf', 'http://xmlns.com/foaf/0.1/'],
  ['skos', 'http://www.w3.org/2004/02/skos/core#'], ['vcard', 'http://www.w3.org/2006/vcard/ns#'], ['adms', 'http://www.w3.org/ns/adms#'],
  ['dcatap', 'http://data.europa.eu/r5r/'], ['prov', 'http://www.w3.org/ns/prov#'], ['xsd', 'http://www.w3.org/2001/XMLSchema#'],
  ['sh', 'http://www.w3.org/ns/shacl#'], ['rdfs', 'http://www.w3.org/2000/01/rdf-schema#'], ['rdf', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'],
  ['odrl', 'http://www.w3.org/ns/odrl/2/'], ['spdx', 'http://spdx.org/rdf/terms#'], ['locn', 'http://www.w3.org/ns/locn#'],
  ['eli', 'http://data.europa.eu/eli/ontology#'], ['time', 'http://www.w3.org/2006/time#'], ['schema', 'http://schema.org/'],
];

/** An IRI as a prefixed name where a well-known prefix fits (dct:title), else as <IRI>. */
export function prefixed(iri: string): string {
  for (const [prefix, ns] of PREFIXES) {
    if (iri.startsWith(ns) && /^[A-Za-z_][\w.-]*$/.test(iri.slice(ns.length))) return `${prefix}:${iri.slice(ns.length)}`;
  }
  return `<${iri}>`;
}

/** A term as a publisher reads it: prefixed IRIs, quoted literals. */
export function readableTerm(term: Term): string {
  if (term.termType === 'NamedNode') return prefixed(term.value);
  if (term.termType === 'Literal') return /#(integer|decimal|double|nonNegativeInteger|int|long)$/.test(term.datatype.value) ? term.value : JSON.stringify(term.value);
  if (term.termType === 'BlankNode') return '[]';
  return term.value;
}
