import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RunLog } from '../../control/runs.js';
import type { SourceRegistry } from '../../control/sources.js';
import { PageNumber, problemResponses } from '../../schemas/common.js';
import { setPagingHeaders } from '../paging.js';

export interface RunRouteOptions { readonly sources: SourceRegistry; readonly runs: RunLog }

/** `GET /v1/runs`: the recent harvest runs of every source (the last 50 each), newest first, paged. */
const runsRoute: FastifyPluginAsyncTypebox<RunRouteOptions> = async (app, { sources, runs }) => {
  app.get('/', {
    schema: {
      summary: 'Recent harvest runs of all sources, newest first', tags: ['sources'],
      querystring: Type.Object({
        status: Type.Optional(Type.Union([Type.Literal('succeeded'), Type.Literal('unchanged'), Type.Literal('failed')])),
        page: PageNumber(),
        pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
      }),
      response: { 200: Type.Object({ runs: Type.Array(Type.Ref('Run')), total: Type.Integer() }), ...problemResponses },
    },
  }, async (request, reply) => {
    const { status, page, pageSize } = request.query;
    const all = (await Promise.all((await sources.list()).map((s) => runs.history(s.id)))).flat()
      .filter((r) => status === undefined || r.status === status)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.source.localeCompare(b.source));
    setPagingHeaders(request, reply, page, pageSize, all.length);
    reply.header('cache-control', 'no-cache');
    return { runs: all.slice((page - 1) * pageSize, page * pageSize), total: all.length };
  });
};

export default runsRoute;
