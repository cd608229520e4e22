import type { Quad } from '@rdfjs/types';
import { SourceLimitExceeded } from '../errors.js';
import { openDocument } from '../fetch/fetch-document.js';
import { hostKey } from '../fetch/host-limiter.js';
import { isHydraNext, isHydraPaging } from '../fetch/hydra.js';
import { parseDocument } from '../parse/parse-document.js';
import { ContentDigest } from './content-digest.js';
import type { ReadContext, ReadResult } from './read-result.js';

/** Quads between two progress reports while one page streams in. */
const PROGRESS_EVERY = 100_000;

/**
 * Reads an RDF catalogue document over http(s), parsing each page while it streams in and following Hydra
 * paging (`hydra:next`/`hydra:nextPage`) until there is no next page. A link back to a page already read, or
 * more than `maxPages` pages, fails the read; the byte cap applies to all pages together. Only the first page
 * is fetched conditionally. A page is read (not just requested) within the per-host limit.
 */
export async function readHttpCatalogue(sourceId: string, url: string, ctx: ReadContext): Promise<ReadResult | 'not-modified'> {
  const seen = new Set<string>();
  const quads: Quad[] = [];
  let next: string | null = url;
  let first: Pick<ReadResult, 'syntax' | 'etag' | 'lastModified'> | null = null;
  let bytes = 0;
  const digest = new ContentDigest();
  while (next) {
    const location: string = next;
    if (seen.has(location)) throw new SourceLimitExceeded(sourceId, `Hydra paging loops: ${location} was already fetched`);
    if (seen.size >= ctx.maxPages) throw new SourceLimitExceeded(sourceId, `more than ${ctx.maxPages} Hydra pages`);
    seen.add(location);
    const budget = ctx.policy.maxBytes - bytes;
    const page = await ctx.limiter.run(hostKey(location), async () => {
      const doc = await openDocument(sourceId, location, { ...ctx.policy, maxBytes: budget }, first ? undefined : ctx.previous);
      if (doc === 'not-modified') return doc;
      let link: string | null = null;
      const syntax = await parseDocument(digest.tap(doc.body), doc, sourceId, (q) => {
        if (isHydraNext(q)) link ??= q.object.value;
        if (isHydraPaging(q)) return;
        quads.push(q);
        if (quads.length % PROGRESS_EVERY === 0) ctx.onProgress({ pages: seen.size - 1, bytes: bytes + doc.body.bytes, quads: quads.length });
      }, ctx.policy.jsonLdContexts).catch((err: unknown) => {
        const overBudget = err instanceof SourceLimitExceeded && bytes > 0 && doc.body.bytes > budget;
        throw overBudget ? new SourceLimitExceeded(sourceId, `pages exceed ${ctx.policy.maxBytes} bytes together`, { cause: err }) : err;
      });
      return { syntax, url: doc.url, etag: doc.etag, lastModified: doc.lastModified, bytes: doc.body.bytes, link: link as string | null };
    });
    if (page === 'not-modified') return 'not-modified';
    bytes += page.bytes;
    first ??= { syntax: page.syntax, etag: page.etag, lastModified: page.lastModified };
    next = page.link ? new URL(page.link, page.url).href : null;
    ctx.onProgress({ pages: seen.size, bytes, quads: quads.length });
  }
  return { ...first!, bytes, pages: seen.size, quads, digest: digest.digest() };
}
