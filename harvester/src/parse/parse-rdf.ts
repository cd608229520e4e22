import type { NamedNode, Quad, Term } from '@rdfjs/types';
import type { EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';
import jsonld from 'jsonld';
import type { RemoteDocument } from 'jsonld/jsonld-spec.js';
import { DataFactory, StreamParser } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { HarvestError, SourceUnparsable } from '../errors.js';
import type { JsonLdContexts } from './jsonld-contexts.js';
import type { RdfSyntax } from './syntax.js';

/** A document's text or bytes, in pieces, as they arrive or all at once. */
export type Chunks = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

const { namedNode, blankNode, literal, quad, defaultGraph } = DataFactory;

const N3_FORMATS: Record<Exclude<RdfSyntax, 'rdf-xml' | 'json-ld'>, string> = {
  turtle: 'text/turtle', 'n-triples': 'application/n-triples', 'n-quads': 'application/n-quads', trig: 'application/trig',
};

/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a substring as a view of
 * its parent, so a term cut from a chunk of input would keep that whole chunk alive as long as the quad lives:
 * for a large catalogue, as much again as the document itself.
 */
const detached = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1));

/**
 * n3's data factory, but with terms that keep no chunk of the input alive (see {@link detached}) and one
 * NamedNode object per IRI for the whole document: a catalogue repeats each subject and predicate IRI dozens
 * of times, and sharing the term keeps a large harvest's memory down.
 */
function compactFactory(): typeof DataFactory {
  const iris = new Map<string, NamedNode>();
  const named = <I extends string>(iri: I): NamedNode<I> => {
    let node = iris.get(iri);
    if (!node) {
      node = namedNode(detached(iri));
      iris.set(node.value, node);
    }
    return node as NamedNode<I>;
  };
  return {
    ...DataFactory,
    namedNode: named,
    blankNode: (name?: string) => blankNode(name === undefined ? undefined : detached(name)),
    literal: (value: string, languageOrDatatype?: string | NamedNode) => literal(detached(value), languageOrDatatype),
  } as typeof DataFactory;
}

/** Writes chunks into a parser stream, passing every quad on; rejects with the parser's (or the input's) first error. */
async function pump(parser: Writable & EventEmitter, chunks: Chunks, onQuad: (q: Quad) => void): Promise<void> {
  let failure: unknown = null;
  const ended = new Promise<void>((resolve) => {
    parser.on('data', onQuad);
    parser.on('end', resolve);
    parser.on('error', (err) => { failure ??= err; resolve(); });
  });
  try {
    for await (const chunk of chunks) {
      if (failure) break;
      parser.write(chunk);
    }
  } catch (err) {
    parser.destroy();
    throw err;
  }
  if (!failure) parser.end();
  await ended;
  if (failure) throw failure;
}

async function* utf8(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
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

/** JSON-LD is read whole: a JSON document has no usable prefix before its last byte. */
async function parseJsonLd(chunks: Chunks, baseIRI: string, source: string, contexts: JsonLdContexts, onQuad: (q: Quad) => void): Promise<void> {
  let text = '';
  for await (const part of utf8(chunks)) text += part;
  const doc: unknown = JSON.parse(text);
  const documentLoader = async (url: string): Promise<RemoteDocument> => {
    // Remote contexts are never fetched: a harvested document must not make fedcat reach arbitrary hosts.
    const known = contexts.get(url);
    if (known === undefined) {
      throw new SourceUnparsable(source, `JSON-LD remote context ${url} is not in fedcat's bundled contexts (FEDCAT_JSONLD_CONTEXTS)`);
    }
    return { documentUrl: url, document: known as RemoteDocument['document'] };
  };
  const rdf = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, { base: baseIRI, documentLoader } as jsonld.Options.ToRdf)) as unknown as JsonLdQuad[];
  for (const q of rdf) {
    onQuad(quad(toTerm(q.subject) as Quad['subject'], toTerm(q.predicate) as Quad['predicate'], toTerm(q.object) as Quad['object'], toTerm(q.graph) as Quad['graph']));
  }
}

/** Gives a parser error the shape publishers see: the syntax, the line where known, the parser's words. */
function unparsable(err: unknown, syntax: RdfSyntax, source: string): unknown {
  if (err instanceof SourceUnparsable) return err;
  const e = err as Error & { context?: { line?: number }; details?: { cause?: unknown } };
  if (e.details?.cause instanceof SourceUnparsable) return e.details.cause;
  // The input's own failures (byte cap, timeout, connection) keep their meaning.
  if (err instanceof HarvestError) return err;
  const line = e.context?.line ? ` (line ${e.context.line})` : '';
  return new SourceUnparsable(source, `not valid ${syntax}${line}: ${e.message}`, { cause: err });
}

/**
 * Parses an RDF document as its chunks arrive, handing each quad to `onQuad`: Turtle, N-Triples, N-Quads,
 * TriG and RDF/XML never hold the whole text (JSON-LD does). Every parser error becomes a
 * {@link SourceUnparsable} naming the syntax and, where the parser gives one, the line; errors of the input
 * (a byte cap, a timeout) pass through unchanged. RDF/XML is parsed without DTD entity expansion; a JSON-LD
 * context named by URL comes from `contexts` or the document is refused.
 */
export async function parseRdfStream(chunks: Chunks, syntax: RdfSyntax, baseIRI: string, source: string, onQuad: (q: Quad) => void, contexts: JsonLdContexts = new Map()): Promise<void> {
  try {
    switch (syntax) {
      case 'rdf-xml': return await pump(new RdfXmlParser({ baseIRI, dataFactory: compactFactory() }), utf8(chunks), onQuad);
      case 'json-ld': return await parseJsonLd(chunks, baseIRI, source, contexts, onQuad);
      default: return await pump(new StreamParser({ format: N3_FORMATS[syntax], baseIRI, factory: compactFactory() }), chunks, onQuad);
    }
  } catch (err) {
    throw unparsable(err, syntax, source);
  }
}

/** Parses a whole RDF document held as text; see {@link parseRdfStream}. */
export async function parseRdf(body: string, syntax: RdfSyntax, baseIRI: string, source: string, contexts?: JsonLdContexts): Promise<Quad[]> {
  const quads: Quad[] = [];
  await parseRdfStream([body], syntax, baseIRI, source, (q) => quads.push(q), contexts);
  return quads;
}
