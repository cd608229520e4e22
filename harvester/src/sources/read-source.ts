import { sourceKind, type Source } from '@fedcat/catalogue';
import { readHttpCatalogue } from './http-catalogue.js';
import { readLocalFiles } from './local-files.js';
import type { ReadContext, ReadResult } from './read-result.js';
import { readSparqlEndpoint } from './sparql-endpoint.js';
import { readFscDirectory } from './fsc-directory.js';

/** Reads a source with the reader for its kind: an RDF catalogue over http(s), a SPARQL endpoint, local files, or an FSC Directory. */
export function readSource(source: Source, ctx: ReadContext): Promise<ReadResult | 'not-modified'> {
  switch (sourceKind(source)) {
    case 'catalogue': return readHttpCatalogue(source.id, source.url, ctx);
    case 'sparql': return readSparqlEndpoint(source.id, source.url, ctx);
    case 'files': return readLocalFiles(source.id, source.url, ctx);
    case 'fsc-directory': return readFscDirectory(source.id, source.url, source.fscGroup, ctx);
  }
}
