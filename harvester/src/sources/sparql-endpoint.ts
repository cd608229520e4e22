import type { Quad } from '@rdfjs/types';
import { dcat, rdf } from '@fedcat/vocab';
import { SourceLimitExceeded } from '../errors.js';
import { ntriple } from '../records/record-hash.js';
import { fetchDocument } from '../fetch/fetch-document.js';
import { hostKey } from '../fetch/host-limiter.js';
import { parseRdf } from '../parse/parse-rdf.js';
import { detectSyntax, type RdfSyntax } from '../parse/syntax.js';
import { ContentDigest } from './content-digest.js';
import type { ReadContext, ReadResult } from './read-result.js';

const RECORD_TYPES = new Set([dcat.Dataset.value, dcat.DataService.value, dcat.DatasetSeries.value]);

/** Records per CONSTRUCT page. */
export const SPARQL_PAGE_SIZE = 500;

/**
 * The CONSTRUCT for one page of records: a stable slice (ORDER BY) of the endpoint's datasets, data services
 * and series with IRIs, each with its own triples and the triples of what it refers to, two levels deep
 * (distributions, contact points, publishers, periods, licence documents, and their checksums, addresses …),
 * stopping at other records and catalogues. fedcat then splits records exactly as for a document, so a record
 * whose closure is at most three levels deep hashes the same whichever way it was harvested. Only integers are
 * spliced in.
 */
export function recordPageQuery(offset: number, limit = SPARQL_PAGE_SIZE): string {
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1) throw new RangeError('offset and limit must be non-negative integers');
  const notARecord = (v: string) => `FILTER NOT EXISTS { VALUES ?stop { dcat:Dataset dcat:DataService dcat:DatasetSeries dcat:Catalog dcat:CatalogRecord } ${v} a ?stop }`;
  return `PREFIX dcat: <${dcat.namespace}>
CONSTRUCT { ?r ?p ?o . ?o ?p2 ?o2 . ?o2 ?p3 ?o3 }
WHERE {
  { SELECT DISTINCT ?r WHERE { VALUES ?t { dcat:Dataset dcat:DataService dcat:DatasetSeries } ?r a ?t . FILTER(isIRI(?r)) }
    ORDER BY ?r LIMIT ${limit} OFFSET ${offset} }
  ?r ?p ?o .
  OPTIONAL {
    FILTER(!isLiteral(?o))
    ?o ?p2 ?o2 .
    ${notARecord('?o')}
    OPTIONAL { FILTER(!isLiteral(?o2)) ?o2 ?p3 ?o3 . ${notARecord('?o2')} }
  }
}`;
}

function recordsIn(quads: readonly Quad[]): number {
  const records = new Set<string>();
  for (const q of quads) if (q.predicate.equals(rdf.type) && RECORD_TYPES.has(q.object.value) && q.subject.termType === 'NamedNode') records.add(q.subject.value);
  return records.size;
}

/**
 * Reads a SPARQL endpoint page by page with {@link recordPageQuery} (GET, SPARQL 1.1 protocol) until a page
 * holds fewer records than asked for. Endpoints send no validators for queries, so every harvest reads all
 * pages; unchanged records are still skipped by their hash.
 */
export async function readSparqlEndpoint(sourceId: string, endpoint: string, ctx: ReadContext): Promise<ReadResult> {
  const quads: Quad[] = [];
  let bytes = 0;
  let syntax: RdfSyntax | null = null;
  const digest = new ContentDigest();
  for (let page = 0; ; page++) {
    if (page >= ctx.maxPages) throw new SourceLimitExceeded(sourceId, `more than ${ctx.maxPages} SPARQL pages of ${SPARQL_PAGE_SIZE} records`);
    const url = new URL(endpoint);
    url.searchParams.set('query', recordPageQuery(page * SPARQL_PAGE_SIZE));
    const doc = await ctx.limiter.run(hostKey(url.href), () => fetchDocument(sourceId, url.href, ctx.policy));
    bytes += Buffer.byteLength(doc.body);
    digest.update(doc.body);
    if (bytes > ctx.policy.maxBytes) throw new SourceLimitExceeded(sourceId, `SPARQL pages exceed ${ctx.policy.maxBytes} bytes together`);
    const pageSyntax = detectSyntax(doc.contentType, doc.url, doc.body);
    syntax ??= pageSyntax;
    const pageQuads = await parseRdf(doc.body, pageSyntax, endpoint, sourceId, ctx.policy.jsonLdContexts);
    // CONSTRUCT answers repeat a record's triples once per solution of the optional parts.
    const seen = new Set<string>();
    for (const q of pageQuads) {
      const key = ntriple(q);
      if (seen.has(key)) continue;
      seen.add(key);
      quads.push(q);
    }
    ctx.onProgress({ pages: page + 1, bytes, quads: quads.length });
    if (recordsIn(pageQuads) < SPARQL_PAGE_SIZE) return { syntax, bytes, pages: page + 1, quads, etag: null, lastModified: null, digest: digest.digest() };
  }
}
