import type { Quad } from '@rdfjs/types';
import { SourceLimitExceeded } from '../errors.js';
import { fetchConditional } from '../fetch/fetch-document.js';
import { hostKey } from '../fetch/host-limiter.js';
import { hydraNext, isHydraPaging } from '../fetch/hydra.js';
import { parseRdf } from '../parse/parse-rdf.js';
import { detectSyntax } from '../parse/syntax.js';
import type { ReadContext, ReadResult } from './read-result.js';

/**
 * Reads an RDF catalogue document over http(s), following Hydra paging (`hydra:next`/`hydra:nextPage`)
 * until there is no next page. A link back to a page already read, or more than `maxPages` pages, fails
 * the read; the byte cap applies to all pages together. Only the first page is fetched conditionally.
 */
export async function readHttpCatalogue(sourceId: string, url: string, ctx: ReadContext): Promise<ReadResult | 'not-modified'> {
  const seen = new Set<string>();
  const quads: Quad[] = [];
  let next: string | null = url;
  let first: Pick<ReadResult, 'syntax' | 'etag' | 'lastModified'> | null = null;
  let bytes = 0;
  while (next) {
    const location: string = next;
    if (seen.has(location)) throw new SourceLimitExceeded(sourceId, `Hydra paging loops: ${location} was already fetched`);
    if (seen.size >= ctx.maxPages) throw new SourceLimitExceeded(sourceId, `more than ${ctx.maxPages} Hydra pages`);
    seen.add(location);
    const doc = await ctx.limiter.run(hostKey(location), () =>
      fetchConditional(sourceId, location, ctx.policy, first ? undefined : ctx.previous));
    if (doc === 'not-modified') return 'not-modified';
    bytes += Buffer.byteLength(doc.body);
    if (bytes > ctx.policy.maxBytes) throw new SourceLimitExceeded(sourceId, `pages exceed ${ctx.policy.maxBytes} bytes together`);
    const syntax = detectSyntax(doc.contentType, doc.url, doc.body);
    const page = await parseRdf(doc.body, syntax, doc.url, sourceId);
    for (const q of page) if (!isHydraPaging(q)) quads.push(q);
    first ??= { syntax, etag: doc.etag, lastModified: doc.lastModified };
    const link = hydraNext(page);
    next = link ? new URL(link, doc.url).href : null;
    ctx.onProgress({ pages: seen.size, bytes, quads: quads.length });
  }
  return { ...first!, bytes, pages: seen.size, quads };
}
