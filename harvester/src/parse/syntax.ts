/** The RDF syntaxes fedcat reads. */
export type RdfSyntax = 'turtle' | 'n-triples' | 'n-quads' | 'trig' | 'rdf-xml' | 'json-ld';

const BY_MEDIA_TYPE: Record<string, RdfSyntax> = {
  'text/turtle': 'turtle', 'application/x-turtle': 'turtle', 'text/n3': 'turtle',
  'application/n-triples': 'n-triples', 'application/n-quads': 'n-quads', 'application/trig': 'trig',
  'application/rdf+xml': 'rdf-xml', 'application/xml': 'rdf-xml', 'text/xml': 'rdf-xml',
  'application/ld+json': 'json-ld', 'application/json': 'json-ld',
};

const BY_EXTENSION: Record<string, RdfSyntax> = {
  ttl: 'turtle', nt: 'n-triples', nq: 'n-quads', trig: 'trig', rdf: 'rdf-xml', xml: 'rdf-xml', owl: 'rdf-xml',
  jsonld: 'json-ld', json: 'json-ld',
};

/** File extensions fedcat reads as RDF (lower case, without the dot). */
export const RDF_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/** Guesses the syntax of a body from its first non-blank characters. */
export function sniffSyntax(body: string): RdfSyntax {
  const head = body.slice(0, 2048).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<?xml') || /^<rdf:RDF[\s>]/.test(head) || /^<!DOCTYPE/i.test(head)) return 'rdf-xml';
  if (head.startsWith('{') || head.startsWith('[')) return 'json-ld';
  return 'turtle';
}

/**
 * Decides the syntax of a document: the media type when it names an RDF syntax and the body does not
 * contradict it, else the URL's extension, else the body itself. Servers often lie (`text/plain`,
 * `application/octet-stream`, Turtle served as XML), so the body has the last word on XML vs JSON vs text.
 */
export function detectSyntax(contentType: string | null, url: string, body: string): RdfSyntax {
  const sniffed = sniffSyntax(body);
  const media = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const declared = BY_MEDIA_TYPE[media];
  const ext = /\.([a-z]+)(?:$|[?#])/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  const candidate = declared ?? (ext ? BY_EXTENSION[ext] : undefined);
  if (!candidate) return sniffed;
  const textual = candidate === 'turtle' || candidate === 'n-triples' || candidate === 'n-quads' || candidate === 'trig';
  if (sniffed === 'rdf-xml' && candidate !== 'rdf-xml') return 'rdf-xml';
  if (sniffed === 'json-ld' && candidate !== 'json-ld') return 'json-ld';
  if (sniffed === 'turtle' && !textual) return 'turtle';
  return candidate;
}
