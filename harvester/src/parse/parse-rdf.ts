import type { Quad, Term } from '@rdfjs/types';
import jsonld from 'jsonld';
import { DataFactory, Parser } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { SourceUnparsable } from '../errors.js';
import type { RdfSyntax } from './syntax.js';

const { namedNode, blankNode, literal, quad, defaultGraph } = DataFactory;

function parseN3Family(body: string, syntax: RdfSyntax, baseIRI: string): Quad[] {
  const format = { turtle: 'text/turtle', 'n-triples': 'application/n-triples', 'n-quads': 'application/n-quads', trig: 'application/trig' }[
    syntax as 'turtle'
  ];
  return new Parser({ format, baseIRI }).parse(body);
}

function parseRdfXml(body: string, baseIRI: string): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    const parser = new RdfXmlParser({ baseIRI, dataFactory: DataFactory });
    parser.on('data', (q: Quad) => quads.push(q));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.write(body);
    parser.end();
  });
}

interface JsonLdTerm { termType: string; value: string; language?: string; datatype?: { value: string } }
interface JsonLdQuad { subject: JsonLdTerm; predicate: JsonLdTerm; object: JsonLdTerm; graph: JsonLdTerm }

function toTerm(t: JsonLdTerm): Term {
  switch (t.termType) {
    case 'NamedNode': return namedNode(t.value);
    case 'BlankNode': return blankNode(t.value.replace(/^_:/, ''));
    case 'Literal': return literal(t.value, t.language || (t.datatype ? namedNode(t.datatype.value) : undefined));
    default: return defaultGraph();
  }
}

async function parseJsonLd(body: string, baseIRI: string, source: string): Promise<Quad[]> {
  const doc: unknown = JSON.parse(body);
  const documentLoader = async (url: string): Promise<never> => {
    // Remote contexts are never fetched: a harvested document must not make fedcat reach arbitrary hosts.
    throw new SourceUnparsable(source, `JSON-LD remote context ${url} is not in fedcat's bundled contexts`);
  };
  const rdf = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, { base: baseIRI, documentLoader } as jsonld.Options.ToRdf)) as unknown as JsonLdQuad[];
  return rdf.map((q) =>
    quad(toTerm(q.subject) as Quad['subject'], toTerm(q.predicate) as Quad['predicate'], toTerm(q.object) as Quad['object'], toTerm(q.graph) as Quad['graph']),
  );
}

/**
 * Parses an RDF document into quads. Every parser error becomes a {@link SourceUnparsable} naming the
 * syntax and, where the parser gives one, the line. RDF/XML is parsed without DTD entity expansion.
 */
export async function parseRdf(body: string, syntax: RdfSyntax, baseIRI: string, source: string): Promise<Quad[]> {
  try {
    switch (syntax) {
      case 'rdf-xml': return await parseRdfXml(body, baseIRI);
      case 'json-ld': return await parseJsonLd(body, baseIRI, source);
      default: return parseN3Family(body, syntax, baseIRI);
    }
  } catch (err) {
    if (err instanceof SourceUnparsable) throw err;
    const e = err as Error & { context?: { line?: number } };
    const unwrapped = (e as { details?: { cause?: unknown } }).details?.cause;
    if (unwrapped instanceof SourceUnparsable) throw unwrapped;
    const line = e.context?.line ? ` (line ${e.context.line})` : '';
    throw new SourceUnparsable(source, `not valid ${syntax}${line}: ${e.message}`, { cause: err });
  }
}
