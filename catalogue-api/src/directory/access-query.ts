import { DataFactory } from 'n3';
import { dcat, dct } from '@fedcat/vocab';
import { sparqlTerm } from '../store/sparql-term.js';

/**
 * What a record's access conditions refer to beyond its own description: its publisher and contact points, its
 * rights statements, and the data services its distributions are reached through (with their access rights and
 * titles). One CONSTRUCT per part, run together ({@link constructAll}): see recordDescriptionQueries for why. The
 * record IRI enters only through {@link sparqlTerm}.
 */
export function accessRelatedQueries(iri: string): string[] {
  const r = sparqlTerm(DataFactory.namedNode(iri));
  const P = (t: { value: string }) => `<${t.value}>`;
  return [
    `${r} ${P(dct.publisher)}|${P(dcat.contactPoint)}|${P(dct.rights)} ?s . ?s ?p ?o`,
    `${r} ${P(dcat.distribution)}/(${P(dct.rights)}|${P(dcat.accessService)}) ?s . ?s ?p ?o`,
    `${r} ${P(dcat.distribution)}/${P(dcat.accessService)}/${P(dcat.contactPoint)} ?s . ?s ?p ?o`,
  ].map((part) => `CONSTRUCT { ?s ?p ?o } WHERE { ${part} }`);
}
