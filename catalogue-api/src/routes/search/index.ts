import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SearchIndex, SearchResponse } from '@fedcat/catalogue';
import { searchRequestFromQuery } from '../../search/request-from-query.js';
import { problemResponses } from '../../schemas/common.js';
import { SearchQuery, SearchResult } from '../../schemas/records.js';
import { setPagingHeaders } from '../paging.js';

export interface SearchRouteOptions { readonly search: SearchIndex }

/** Shapes a port response for REST: page numbers instead of offsets. */
export function toSearchResult(res: SearchResponse) {
  return {
    hits: res.hits, total: res.total, page: Math.floor(res.offset / Math.max(res.limit, 1)) + 1, pageSize: res.limit,
    facets: res.facets, corrections: res.corrections, processingTimeMs: res.processingTimeMs,
  };
}

/** `GET /v1/search`: full text over datasets and data services, with filters, facet counts, sort and paging. */
const search: FastifyPluginAsyncTypebox<SearchRouteOptions> = async (app, { search: index }) => {
  app.get('/', {
    schema: {
      summary: 'Search datasets and data services',
      tags: ['search'],
      querystring: SearchQuery,
      response: { 200: SearchResult, ...problemResponses },
    },
  }, async (request, reply) => {
    const req = searchRequestFromQuery(request.query);
    const result = toSearchResult(await index.search(req));
    setPagingHeaders(request, reply, result.page, result.pageSize, result.total);
    return result;
  });
};

export default search;
