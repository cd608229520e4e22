import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { CatalogueDocument, SearchIndex } from '@fedcat/catalogue';
import { SitemapFileNotFound } from '../../http/errors.js';
import { escapeMarkup } from '../../http/markup.js';
import { problemResponses, textResponse } from '../../schemas/common.js';

export interface SeoRouteOptions {
  readonly search: SearchIndex;
  /** Public base URL: page locations are written under it. */
  readonly baseUrl: string;
  /** URLs per sitemap file (the sitemap protocol allows 50,000); more records make `/sitemap.xml` an index. */
  readonly sitemapSize?: number;
}

const SITEMAP_LIMIT = 50_000;
const DATE = /^\d{4}-\d{2}-\d{2}/;

/** One record page as a sitemap `<url>`, with its `dct:modified` date where the publisher gives one. */
function urlEntry(baseUrl: string, d: CatalogueDocument): string {
  const loc = `${baseUrl}/${d.type === 'Dataset' ? 'datasets' : 'dataservices'}/${d.id}`;
  const lastmod = d.modified && DATE.test(d.modified) ? `<lastmod>${d.modified.slice(0, 10)}</lastmod>` : '';
  return `<url><loc>${escapeMarkup(loc)}</loc>${lastmod}</url>`;
}

/**
 * `GET /robots.txt` and `GET /sitemap.xml`: every record page (datasets and data services with an IRI), once, for
 * search engines. Up to `sitemapSize` pages it is one sitemap; beyond, a sitemap index of `/sitemaps/{n}.xml` files
 * of that size each (the sitemap protocol's limit is 50,000 URLs per file). From the search index, in id order.
 */
const seo: FastifyPluginAsyncTypebox<SeoRouteOptions> = async (app, { search, baseUrl, sitemapSize = SITEMAP_LIMIT }) => {
  const size = Math.min(sitemapSize, SITEMAP_LIMIT);
  // Record pages of file n (from 0): the index's documents in id order, those with an IRI of their own (a page).
  const page = async (n: number) => (await search.browse(n * size, size)).filter((d) => !d.iri.startsWith('_:'));
  const urlset = (docs: readonly CatalogueDocument[]) => '<?xml version="1.0" encoding="UTF-8"?>\n'
    + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${docs.map((d) => urlEntry(baseUrl, d)).join('\n')}\n</urlset>\n`;
  const send = (reply: { header(k: string, v: string): unknown; type(t: string): { send(b: string): unknown } }, body: string) => {
    reply.header('cache-control', 'public, max-age=3600');
    return reply.type('application/xml; charset=utf-8').send(body);
  };

  app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) => reply.type('text/plain; charset=utf-8').send(
    ['User-agent: *', 'Allow: /', 'Disallow: /owner', 'Disallow: /query', 'Disallow: /sparql', 'Disallow: /v1/', `Sitemap: ${baseUrl}/sitemap.xml`, ''].join('\n')));

  app.get('/sitemap.xml', { schema: { summary: 'Every record page for search engines (a sitemap, or a sitemap index past its size)', tags: ['catalog'], response: { 200: textResponse(['application/xml'], 'A sitemap (urlset) or a sitemap index'), ...problemResponses } } }, async (_request, reply) => {
    const total = await search.count();
    if (total <= size) return send(reply, urlset(await page(0)));
    const files = Math.ceil(total / size);
    return send(reply, '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
      + Array.from({ length: files }, (_, i) => `<sitemap><loc>${escapeMarkup(`${baseUrl}/sitemaps/${i + 1}.xml`)}</loc></sitemap>`).join('\n') + '\n</sitemapindex>\n');
  });

  app.get('/sitemaps/:n.xml', {
    schema: { summary: 'One file of the sitemap index', tags: ['catalog'], params: Type.Object({ n: Type.Integer({ minimum: 1, maximum: 10_000 }) }), response: { 200: textResponse(['application/xml'], 'One sitemap file (urlset)'), ...problemResponses } },
  }, async (request, reply) => {
    const docs = await page(request.params.n - 1);
    if (docs.length === 0 && (request.params.n - 1) * size >= await search.count()) throw new SitemapFileNotFound(request.params.n);
    return send(reply, urlset(docs));
  });
};

export default seo;
