import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { QuadStore, SearchIndex } from '@fedcat/catalogue';
import type { BackendDescription } from '../../backends.js';

export interface HealthRouteOptions {
  readonly store: QuadStore;
  readonly search: SearchIndex;
  readonly startedAt: number;
  readonly backends: { readonly store: BackendDescription; readonly search: BackendDescription };
}

const Backend = {
  backend: Type.String({ description: 'oxigraph or sparql (store); embedded or meilisearch (search)' }),
  endpoint: Type.Optional(Type.String({ description: 'where a remote backend is reached (never credentials)' })),
};

/**
 * `GET /health`: always answers 200 (search serves while the store loads or is unreachable: a load balancer should
 * keep such a process, whose siblings share the same store). `status` is `ok` when every part is ready and
 * reachable, `starting` while the store loads, `degraded` when the store or the search index cannot be used; each
 * part says which backend it is and, for remote ones, where, and why it cannot be used.
 */
const health: FastifyPluginAsyncTypebox<HealthRouteOptions> = async (app, { store, search, startedAt, backends }) => {
  app.get('/', {
    schema: { summary: 'Health of the store and the search index', tags: ['health'],
      response: { 200: Type.Object({
        status: Type.Union([Type.Literal('ok'), Type.Literal('starting'), Type.Literal('degraded')]),
        uptimeSeconds: Type.Number(),
        store: Type.Object({ status: Type.String(), ...Backend, graphsLoaded: Type.Integer(), graphsTotal: Type.Integer(), error: Type.Optional(Type.String()) }),
        sparql: Type.Object({
          status: Type.String(), restarts: Type.Integer({ description: 'queries cut off at the time limit since start' }),
          workersReady: Type.Optional(Type.Integer({ description: 'query workers loaded and answering (embedded store)' })),
          workers: Type.Optional(Type.Integer({ description: 'query workers configured (FEDCAT_SPARQL_WORKERS)' })),
        }),
        search: Type.Object({ status: Type.String(), ...Backend, documents: Type.Integer(), error: Type.Optional(Type.String()) }),
      }) } },
  }, async (_request, reply) => {
    const s = store.state();
    const lane = store.queryLaneState();
    // Counting is the search backend's reachability check (Meilisearch: one request).
    const searched = await search.count().then((documents) => ({ status: 'ready', documents }), (err: unknown) => ({
      status: 'failed', documents: 0, error: err instanceof Error ? err.message : String(err),
    }));
    const where = (b: BackendDescription) => ({ backend: b.kind, ...(b.endpoint ? { endpoint: b.endpoint } : {}) });
    reply.header('cache-control', 'no-store');
    return {
      status: s.status === 'failed' || searched.status === 'failed' ? 'degraded' as const : s.status === 'loading' ? 'starting' as const : 'ok' as const,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      store: { status: s.status, ...where(backends.store), graphsLoaded: s.graphsLoaded, graphsTotal: s.graphsTotal, ...(s.error ? { error: s.error } : {}) },
      sparql: { status: lane.status, restarts: lane.restarts, ...(lane.workers !== undefined ? { workersReady: lane.workersReady ?? 0, workers: lane.workers } : {}) },
      search: { ...searched, ...where(backends.search) },
    };
  });
};

export default health;
