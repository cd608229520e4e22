import type { Quad } from '@rdfjs/types';
import type { JsonLdContexts } from './jsonld-contexts.js';
import { parseRdfStream } from './parse-rdf.js';
import { peekHead } from './peek.js';
import { detectSyntax, type RdfSyntax } from './syntax.js';

/**
 * Parses one document (a fetched page or a file) as its bytes arrive: the syntax is decided from the media type,
 * the URL and the first bytes (see {@link detectSyntax}), then every quad goes to `onQuad`. Returns the syntax.
 */
export async function parseDocument(
  body: AsyncIterable<Buffer>, doc: { readonly url: string; readonly contentType: string | null }, source: string,
  onQuad: (q: Quad) => void, contexts?: JsonLdContexts,
): Promise<RdfSyntax> {
  const { head, chunks } = await peekHead(body);
  const syntax = detectSyntax(doc.contentType, doc.url, head);
  await parseRdfStream(chunks, syntax, doc.url, source, onQuad, contexts);
  return syntax;
}
