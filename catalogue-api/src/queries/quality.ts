import { DataFactory } from 'n3';
import { oneDecimal, SCORE_METRIC, type StoredMeasurement } from '@fedcat/shapes/quality';
import { fedcat } from '@fedcat/vocab';
import { sparqlTerm, type SolutionRow } from '@fedcat/catalogue';

const PREFIXES = `PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX dqv: <http://www.w3.org/ns/dqv#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>`;

const iri = (value: string) => sparqlTerm(DataFactory.namedNode(value));

/** A source's aggregate measurements, on its graph IRI, with the number of datasets they cover. */
export function sourceQualityQuery(graph: string): string {
  return `${PREFIXES}
SELECT ?on ?metric ?value WHERE {
  GRAPH ${iri(graph)} {
    VALUES ?on { ${iri(graph)} }
    ?on dqv:hasQualityMeasurement ?m .
    { ?m dqv:isMeasurementOf ?metric ; dqv:value ?value }
    UNION { ?m ${sparqlTerm(fedcat.datasetsAssessed)} ?value BIND(${sparqlTerm(fedcat.datasetsAssessed)} AS ?metric) }
  }
}`;
}

/** Each publisher's datasets with a stored score: how many, their average score and a name. */
export const ORGANISATION_QUALITY_QUERY = `${PREFIXES}
SELECT ?publisher (SAMPLE(?n) AS ?name) (COUNT(DISTINCT ?d) AS ?datasets) (AVG(?score) AS ?average) WHERE {
  ?d a dcat:Dataset ; dct:publisher ?publisher ; dqv:hasQualityMeasurement ?m .
  ?m dqv:isMeasurementOf ${iri(SCORE_METRIC)} ; dqv:value ?score .
  OPTIONAL { ?publisher foaf:name ?n }
  FILTER(isIRI(?publisher))
} GROUP BY ?publisher ORDER BY DESC(?average) ?publisher`;

/** Measurements from the rows of {@link sourceQualityQuery}. */
export function measurementRows(rows: readonly SolutionRow[]): StoredMeasurement[] {
  return rows.map((b) => ({
    on: b.on!.value, metric: b.metric!.value, value: b.value!.value, ...(b.note ? { note: b.note.value } : {}),
  }));
}

/** One publisher's quality, as {@link ORGANISATION_QUALITY_QUERY} answers it. */
export interface OrganisationQualityRow { readonly iri: string; readonly name: string | null; readonly datasets: number; readonly score: number }

export function organisationRows(rows: readonly SolutionRow[]): OrganisationQualityRow[] {
  return rows.map((b) => ({
    iri: b.publisher!.value, name: b.name?.value ?? null, datasets: Number(b.datasets!.value),
    score: oneDecimal(Number(b.average!.value)),
  }));
}
