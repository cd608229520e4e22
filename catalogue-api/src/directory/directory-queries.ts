import { adms, dcat, dct, fedcat, foaf, rdfs, skos, dqv } from '@fedcat/vocab';

/** Data services per page of a rebuild: each page is parsed in one go on the API's thread, so pages stay small. */
export const SERVICE_PAGE = 500;

const P = (t: { value: string }) => `<${t.value}>`;

/**
 * One page of data services (ordered by IRI) with what the service directory needs of each: its own core triples,
 * its FSC coordinates, its API description with design-rule results, its policy decision points with their checks,
 * its ADR score, and its publisher's name and OIN identifiers. Only integers are spliced in.
 */
export function servicePageQuery(offset: number, limit = SERVICE_PAGE): string {
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1) throw new RangeError('offset and limit must be non-negative integers');
  const own = [dct.title, dct.description, dct.publisher, dct.accessRights, dct.license, dcat.endpointURL, dcat.endpointDescription, dct.identifier,
    dcat.servesDataset, fedcat.fscService, fedcat.apiDescription, fedcat.policyDecisionPoint, dqv.hasQualityMeasurement].map(P).join(' ');
  return `CONSTRUCT { ?s a <${dcat.DataService.value}> . ?x ?p ?o }
WHERE {
  { SELECT ?s WHERE { ?s a <${dcat.DataService.value}> . FILTER(isIRI(?s)) } ORDER BY ?s LIMIT ${limit} OFFSET ${offset} }
  { VALUES ?p { ${own} } ?s ?p ?o BIND(?s AS ?x) }
  UNION { ?s ${P(fedcat.fscService)}|${P(fedcat.apiDescription)}|${P(fedcat.policyDecisionPoint)}|${P(dqv.hasQualityMeasurement)} ?x . ?x ?p ?o }
  UNION { ?s ${P(fedcat.apiDescription)}/(${P(fedcat.designRuleResult)}|${P(fedcat.server)})|${P(fedcat.policyDecisionPoint)}/${P(fedcat.pdpCheck)} ?x . ?x ?p ?o }
  UNION { ?s ${P(dct.publisher)} ?x . VALUES ?p { ${P(foaf.name)} ${P(skos.prefLabel)} ${P(rdfs.label)} ${P(adms.identifier)} } ?x ?p ?o }
  UNION { ?s ${P(dct.publisher)}/${P(adms.identifier)} ?x . ?x ${P(skos.notation)} ?o BIND(${P(skos.notation)} AS ?p) }
}`;
}

/** Every FSC peer and service listing harvested from FSC Directories. */
export function fscListingsQuery(): string {
  return `CONSTRUCT { ?x ?p ?o } WHERE { VALUES ?t { <${fedcat.FscPeer.value}> <${fedcat.FscServiceListing.value}> } ?x a ?t ; ?p ?o }`;
}

/** Which source graph each data service is in. */
export function serviceSourcesQuery(): string {
  return `SELECT ?s ?g WHERE { GRAPH ?g { ?s a <${dcat.DataService.value}> } FILTER(isIRI(?s) && STRSTARTS(STR(?g), "urn:fedcat:source:")) }`;
}
