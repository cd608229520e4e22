import { DataFactory } from 'n3';
import { REGISTRY_GRAPH, sparqlTerm } from '@fedcat/catalogue';
import { standardSolutions } from './remote-answer.js';

/** What the registry records of a graph fedcat wrote: a stamp per write (its version) and its size. */
export interface GraphEntry { readonly stamp: string; readonly quads: number }

const STAMP = 'urn:fedcat:store:stamp';
const SIZE = 'urn:fedcat:store:quads';
const iri = (value: string) => sparqlTerm(DataFactory.namedNode(value));

/** The update that removes a graph's registry entry. */
export function forgetGraph(graph: string): string {
  return `DELETE WHERE { GRAPH ${iri(REGISTRY_GRAPH)} { ${iri(graph)} ?p ?o } }`;
}

/** The update that records a graph's new version and size (its old entry removed first). */
export function registerGraph(graph: string, entry: GraphEntry): string {
  return `${forgetGraph(graph)} ;\nINSERT DATA { GRAPH ${iri(REGISTRY_GRAPH)} { ${iri(graph)} ${iri(STAMP)} ${sparqlTerm(DataFactory.literal(entry.stamp))} ; ${iri(SIZE)} ${entry.quads} } }`;
}

/** The query every process polls: each registered graph with its stamp and size. */
export const REGISTRY_QUERY = `SELECT ?g ?stamp ?n WHERE { GRAPH ${iri(REGISTRY_GRAPH)} { ?g ${iri(STAMP)} ?stamp ; ${iri(SIZE)} ?n } }`;

/** The registry's entries from a SPARQL results JSON answer of {@link REGISTRY_QUERY}. */
export function registryEntries(resultsJson: string): Map<string, GraphEntry> {
  const entries = new Map<string, GraphEntry>();
  for (const row of standardSolutions(resultsJson).results.bindings) {
    const g = row.g?.value; const stamp = row.stamp?.value; const n = row.n?.value;
    if (typeof g === 'string' && typeof stamp === 'string') entries.set(g, { stamp, quads: Number(n ?? 0) });
  }
  return entries;
}
