import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { SPARQL_GRAPH_TYPES, SPARQL_SOLUTION_TYPES } from './answer-format.js';

const { namedNode, literal, blankNode, quad } = DataFactory;
const SD = 'http://www.w3.org/ns/sparql-service-description#';
const FORMATS = 'http://www.w3.org/ns/formats/';
const RDF_TYPE = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
const RDFS_COMMENT = namedNode('http://www.w3.org/2000/01/rdf-schema#comment');
const DCT_DESCRIPTION = namedNode('http://purl.org/dc/terms/description');
const VOID_TRIPLES = namedNode('http://rdfs.org/ns/void#triples');
const FEDCAT = 'https://w3id.org/fedcat/ns#';
const XSD_INTEGER = namedNode('http://www.w3.org/2001/XMLSchema#integer');
const sd = (local: string) => namedNode(`${SD}${local}`);

/** The W3C format IRI (http://www.w3.org/ns/formats/) of each media type the endpoint serves. */
export const FORMAT_IRIS: Readonly<Record<string, string>> = {
  'application/sparql-results+json': `${FORMATS}SPARQL_Results_JSON`, 'application/sparql-results+xml': `${FORMATS}SPARQL_Results_XML`,
  'text/csv': `${FORMATS}SPARQL_Results_CSV`, 'text/tab-separated-values': `${FORMATS}SPARQL_Results_TSV`,
  'text/turtle': `${FORMATS}Turtle`, 'application/ld+json': `${FORMATS}JSON-LD`, 'application/n-triples': `${FORMATS}N-Triples`,
  'application/rdf+xml': `${FORMATS}RDF_XML`, 'application/n-quads': `${FORMATS}N-Quads`, 'application/trig': `${FORMATS}TriG`, 'text/n3': `${FORMATS}N3`,
};

export interface ServiceDescriptionInput {
  /** The endpoint's URL. */
  readonly endpoint: string;
  /** The federated endpoint: no union default graph of its own, SERVICE allowed (to registered sources). */
  readonly federated: boolean;
  readonly timeoutMs: number;
  readonly resultCap: number;
  /** The named graphs of the public dataset with their sizes; the default graph is the union of the source graphs. */
  readonly namedGraphs: readonly { readonly graph: string; readonly quads: number; readonly inDefault: boolean }[];
}

/** Where the answers' "this was cut" link points: a node of the description that says what the cap is. */
export const resultCapNode = (endpoint: string) => `${endpoint}#result-cap`;

/**
 * The endpoint's SPARQL 1.1 Service Description: what it answers (SPARQL 1.1 Query), in which result formats, over
 * which dataset (the union default graph and the named graphs clients may query), with its limits stated both in
 * words and as values (fedcat:timeoutMs, fedcat:resultCap).
 */
export function serviceDescription(input: ServiceDescriptionInput): Quad[] {
  const service = namedNode(input.endpoint);
  const dataset = namedNode(`${input.endpoint}#dataset`);
  const defaultGraph = namedNode(`${input.endpoint}#default-graph`);
  const cap = namedNode(resultCapNode(input.endpoint));
  const out: Quad[] = [
    quad(service, RDF_TYPE, sd('Service')),
    quad(service, sd('endpoint'), service),
    quad(service, sd('supportedLanguage'), sd('SPARQL11Query')),
    quad(service, sd('defaultEntailmentRegime'), namedNode('http://www.w3.org/ns/entailment/Simple')),
    quad(service, DCT_DESCRIPTION, literal(input.federated
      ? 'SPARQL 1.1 queries over the catalogue and the SPARQL endpoints of its registered sources (SERVICE names only those); FROM and protocol datasets are refused.'
      : 'SPARQL 1.1 queries over the fedcat catalogue: one named graph per harvested source (their union is the default graph), with each source\'s history and harvest runs. Read-only: updates are refused.', 'en')),
    quad(service, sd('feature'), sd(input.federated ? 'BasicFederatedQuery' : 'UnionDefaultGraph')),
  ];
  for (const type of [...SPARQL_SOLUTION_TYPES, ...SPARQL_GRAPH_TYPES]) out.push(quad(service, sd('resultFormat'), namedNode(FORMAT_IRIS[type]!)));
  out.push(
    quad(service, namedNode(`${FEDCAT}resultCap`), literal(String(input.resultCap), XSD_INTEGER)),
    quad(service, namedNode(`${FEDCAT}timeoutMs`), literal(String(input.timeoutMs), XSD_INTEGER)),
    quad(service, namedNode(`${FEDCAT}limits`), cap),
    quad(cap, RDFS_COMMENT, literal(`An answer holds at most ${input.resultCap} solutions (SELECT) or triples (CONSTRUCT/DESCRIBE). A query without a LIMIT, or with a larger one, is run with LIMIT ${input.resultCap + 1}; when there was more, the answer is cut at ${input.resultCap} and says so: the Fedcat-Truncated: true header, a link to this node in the results' head (JSON "link", XML <link>), a comment in Turtle, N-Triples, N-Quads, TriG and N3. A query with its own LIMIT of at most ${input.resultCap} is never cut: page with LIMIT and OFFSET. Each query may run ${input.timeoutMs} ms; past it the answer is 504 (narrow the query; trying again will not help).`, 'en')),
  );
  if (input.federated) return out;
  out.push(
    quad(service, sd('defaultDataset'), dataset),
    quad(dataset, RDF_TYPE, sd('Dataset')),
    quad(dataset, sd('defaultGraph'), defaultGraph),
    quad(defaultGraph, RDF_TYPE, sd('Graph')),
    quad(defaultGraph, DCT_DESCRIPTION, literal('The union of the source graphs (one per harvested source). Each source\'s history and harvest-run graphs are named graphs only; quarantined records are visible to their organisation\'s tokens and admins only.', 'en')),
    quad(defaultGraph, VOID_TRIPLES, literal(String(input.namedGraphs.filter((g) => g.inDefault).reduce((n, g) => n + g.quads, 0)), XSD_INTEGER)),
  );
  for (const g of input.namedGraphs) {
    const named = blankNode();
    const graph = blankNode();
    out.push(
      quad(dataset, sd('namedGraph'), named), quad(named, RDF_TYPE, sd('NamedGraph')), quad(named, sd('name'), namedNode(g.graph)),
      quad(named, sd('graph'), graph), quad(graph, RDF_TYPE, sd('Graph')), quad(graph, VOID_TRIPLES, literal(String(g.quads), XSD_INTEGER)),
    );
  }
  return out;
}
