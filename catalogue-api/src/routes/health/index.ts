import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { SearchIndex } from '../../search/search-index.js';
import type { QuadStore } from '../../store/quad-store.js';

export interface HealthRouteOptions { readonly store: QuadStore; readonly search: SearchIndex; readonly startedAt: number }

/**
 * `GET /health`: always answers (search serves while the store loads). `status` is `ok` when every part is
 * ready, `starting` while the store loads, `degraded` when the store failed.
 */
const health: FastifyPluginAsyncTypebox<HealthRouteOptions> = async (app, { store, search, startedAt }) => {
  app.get('/', {
    schema: { summary: 'Health of the store and the search index', tags: ['health'],
      response: { 200: Type.Object({
        status: Type.Union([Type.Literal('ok'), Type.Literal('starting'), Type.Literal('degraded')]),
        uptimeSeconds: Type.Number(),
        store: Type.Object({ status: Type.String(), graphsLoaded: Type.Integer(), graphsTotal: Type.Integer(), error: Type.Optional(Type.String()) }),
        sparql: Type.Object({ status: Type.String(), restarts: Type.Integer({ description: 'queries cut off at the time limit since start' }) }),
        search: Type.Object({ status: Type.String(), documents: Type.Integer() }),
      }) } },
  }, async (_request, reply) => {
    const s = store.state();
    const lane = store.queryLaneState();
    const documents = await search.count();
    reply.header('cache-control', 'no-store');
    return {
      status: s.status === 'ready' ? 'ok' as const : s.status === 'loading' ? 'starting' as const : 'degraded' as const,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      store: { status: s.status, graphsLoaded: s.graphsLoaded, graphsTotal: s.graphsTotal, ...(s.error ? { error: s.error } : {}) },
      sparql: { status: lane.status, restarts: lane.restarts },
      search: { status: 'ready', documents },
    };
  });
};

export default health;
