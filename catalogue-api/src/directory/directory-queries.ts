import { DataFactory } from 'n3';
import { adms, dcat, dct, fedcat, foaf, rdfs, skos, dqv, vcard } from '@fedcat/vocab';
import { sparqlTerm } from '@fedcat/catalogue';

/** Data services per page of a rebuild: each page is parsed in one go on the API's thread, so pages stay small. */
export const SERVICE_PAGE = 200;

const P = (t: { value: string }) => `<${t.value}>`;

/** The IRIs of one page of data services, ordered. Only integers are spliced in. */
export function servicePageQuery(offset: number, limit = SERVICE_PAGE): string {
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1) throw new RangeError('offset and limit must be non-negative integers');
  return `SELECT ?s WHERE { ?s a ${P(dcat.DataService)} . FILTER(isIRI(?s)) } ORDER BY ?s LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * What the service directory needs of data services: their core triples, FSC coordinates, API description (with its
 * servers; with the design-rule results only when `findings`), policy decision points and their checks, ADR score,
 * publisher's name and OIN identifiers, and the contact point's name, e-mail and web page. The IRIs enter only through {@link sparqlTerm}, as VALUES inside each
 * branch, and predicates are picked by FILTER, not VALUES: measured on oxigraph at 10,000 services, a union over a
 * subselect took 2.9 s a page, `VALUES ?p` joins 0.8 s, subject-first with FILTER IN 10 ms.
 */
export function serviceDescriptionQuery(iris: readonly string[], options: { findings?: boolean } = {}): string {
  const values = `VALUES ?s { ${iris.map((i) => sparqlTerm(DataFactory.namedNode(i))).join(' ')} }`;
  const own = [dct.title, dct.description, dct.publisher, dct.accessRights, dct.license, dcat.endpointURL, dcat.endpointDescription, dct.identifier,
    dcat.servesDataset, fedcat.fscService, fedcat.apiDescription, fedcat.policyDecisionPoint, dqv.hasQualityMeasurement, dcat.contactPoint, fedcat.tryConsole, fedcat.tryMethod].map(P).join(', ');
  const contact = [vcard.fn, vcard.hasEmail, vcard.hasURL].map(P).join(', ');
  const agent = [foaf.name, skos.prefLabel, rdfs.label, adms.identifier].map(P).join(', ');
  const level2 = options.findings ? `(${P(fedcat.designRuleResult)}|${P(fedcat.server)})` : P(fedcat.server);
  return `CONSTRUCT { ?s a ${P(dcat.DataService)} . ?x ?p ?o }
WHERE {
  { ${values} ?s a ${P(dcat.DataService)} ; ?p ?o FILTER(?p IN (${own})) BIND(?s AS ?x) }
  UNION { ${values} ?s ${P(fedcat.fscService)}|${P(fedcat.apiDescription)}|${P(fedcat.policyDecisionPoint)}|${P(dqv.hasQualityMeasurement)} ?x . ?x ?p ?o }
  UNION { ${values} ?s ${P(fedcat.apiDescription)}/${level2}|${P(fedcat.policyDecisionPoint)}/${P(fedcat.pdpCheck)} ?x . ?x ?p ?o }
  UNION { ${values} ?s ${P(dct.publisher)} ?x . ?x ?p ?o FILTER(?p IN (${agent})) }
  UNION { ${values} ?s ${P(dcat.contactPoint)} ?x . ?x ?p ?o FILTER(?p IN (${contact})) }
  UNION { ${values} ?s ${P(dct.publisher)}/${P(adms.identifier)} ?x . ?x ${P(skos.notation)} ?o BIND(${P(skos.notation)} AS ?p) }
}`;
}

/** Every FSC peer and service listing harvested from FSC Directories. */
export function fscListingsQuery(): string {
  return `CONSTRUCT { ?x ?p ?o } WHERE { VALUES ?t { <${fedcat.FscPeer.value}> <${fedcat.FscServiceListing.value}> } ?x a ?t ; ?p ?o }`;
}
