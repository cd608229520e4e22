import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { SourceNotFound } from '../../http/errors.js';
import { feedFrame, type CatalogueOperator, type FeedSource } from '../../feed/feed-frame.js';
import { describeRecords, type QuadStore, type SearchIndex } from '@fedcat/catalogue';
import { GRAPH_TYPES } from '../../rdf/formats.js';
import { serialiseGraph } from '../../rdf/serialise.js';
import type { SourceRegistry } from '../../control/sources.js';
import { PageNumber, problemResponses, textResponse } from '../../schemas/common.js';
import { graphMediaType, requireReadyStore } from '../graph-request.js';
import { setPagingHeaders } from '../paging.js';

export interface CatalogRouteOptions {
  readonly search: SearchIndex;
  readonly store: QuadStore;
  readonly sources: SourceRegistry;
  readonly operator: CatalogueOperator;
  /** Public base URL: the catalogue's IRIs and page links live under it. */
  readonly baseUrl: string;
  /** Where skolemised blank nodes live: they are described with the record that points to them. */
  readonly genidBase: string;
}

const FeedQuery = Type.Object({
  page: Type.Optional(PageNumber()),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
  'modified-since': Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})?)?$', description: 'Only records whose dct:modified (as published) is on or after this date or date-time' })),
  publisher: Type.Optional(Type.String({ format: 'uri', description: 'Only records of this organisation (dct:publisher IRI)' })),
  format: Type.Optional(Type.String({ description: 'turtle, jsonld, ntriples or rdfxml; overrides Accept' })),
});
type FeedQuery = Static<typeof FeedQuery>;

const feedResponses = {
  200: textResponse(GRAPH_TYPES, 'One page of the catalogue as Turtle, JSON-LD, N-Triples or RDF/XML, with hydra:next / hydra:previous links'),
  ...problemResponses,
};

/**
 * `GET /catalog`: the federation's DCAT catalogue for other catalogues to harvest, paged with Hydra; and
 * `GET /catalog/sources/{id}` for one source's records. Each page is a `dcat:Catalog` listing its records
 * (`dcat:dataset`, `dcat:service`) with their full descriptions, one `dct:hasPart` sub-catalogue per source on
 * the page, and a `hydra:PartialCollectionView`. The page's records come from the search index (title order,
 * then id), their descriptions from the store.
 */
const catalog: FastifyPluginAsyncTypebox<CatalogRouteOptions> = async (app, opts) => {
  const { search, store, sources, operator, baseUrl, genidBase } = opts;
  const sourceCatalogue = (id: string) => `${baseUrl}/catalog/sources/${encodeURIComponent(id)}`;

  async function page(request: FastifyRequest, reply: FastifyReply, query: FeedQuery, source: FeedSource | null) {
    const mediaType = graphMediaType(query.format, request.headers.accept);
    requireReadyStore(store.state());
    const pageNo = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    const result = await search.search({
      filters: { ...(source ? { source: [source.id] } : {}), ...(query.publisher ? { publisher: [query.publisher] } : {}) },
      ...(query['modified-since'] ? { modifiedSince: query['modified-since'] } : {}),
      sort: 'title:asc', offset: (pageNo - 1) * pageSize, limit: pageSize,
    });
    const items = result.hits.map((h) => h.document).filter((d) => !d.iri.startsWith('_:')).map((d) => ({ iri: d.iri, type: d.type, source: d.source }));
    const described = items.length === 0 ? [] : await describeRecords(store, items, genidBase);
    const pageSources = source ? [source] : (await sources.list()).filter((s) => items.some((i) => i.source === s.id));
    const collection = source ? sourceCatalogue(source.id) : `${baseUrl}/catalog`;
    const pageUrl = (n: number) => {
      const u = new URL(collection);
      u.searchParams.set('page', String(n));
      u.searchParams.set('pageSize', String(pageSize));
      if (query['modified-since']) u.searchParams.set('modified-since', query['modified-since']);
      if (query.publisher) u.searchParams.set('publisher', query.publisher);
      return u.href;
    };
    const frame = feedFrame({
      catalogue: collection, sourceCatalogue, pageUrl, page: pageNo, pageSize, total: result.total, items,
      sources: pageSources.map((s) => ({ id: s.id, url: s.url, org: s.org ?? null })),
      operator: source ? { ...operator, title: `${operator.title}: bron ${source.id}`, description: `Records die fedcat oogstte uit ${source.url}` } : operator,
    });
    setPagingHeaders(request, reply, pageNo, pageSize, result.total);
    return reply.header('vary', 'Accept')
      .type(`${mediaType}; charset=utf-8`).send(serialiseGraph([...frame, ...described], mediaType));
  }

  app.get('/', {
    schema: { summary: 'The whole federation as a DCAT catalogue, Hydra-paged', tags: ['catalog'], querystring: FeedQuery, response: feedResponses },
  }, async (request, reply) => page(request, reply, request.query, null));

  app.get('/sources/:id', {
    schema: { summary: "One source's records as a DCAT catalogue, Hydra-paged", tags: ['catalog'], querystring: FeedQuery,
      params: Type.Object({ id: Type.String() }), response: feedResponses },
  }, async (request, reply) => {
    const source = await sources.get(request.params.id);
    if (!source) throw new SourceNotFound(request.params.id);
    return page(request, reply, request.query, { id: source.id, url: source.url, org: source.org ?? null });
  });
};

export default catalog;
