import type { Source } from '../source.js';
import { sourceKind } from '../source.js';
import { readHttpCatalogue } from './http-catalogue.js';
import { readLocalFiles } from './local-files.js';
import type { ReadContext, ReadResult } from './read-result.js';
import { readSparqlEndpoint } from './sparql-endpoint.js';

/** Reads a source with the reader for its kind: an RDF catalogue over http(s), a SPARQL endpoint, or local files. */
export function readSource(source: Source, ctx: ReadContext): Promise<ReadResult | 'not-modified'> {
  switch (sourceKind(source)) {
    case 'catalogue': return readHttpCatalogue(source.id, source.url, ctx);
    case 'sparql': return readSparqlEndpoint(source.id, source.url, ctx);
    case 'files': return readLocalFiles(source.id, source.url, ctx);
  }
}
