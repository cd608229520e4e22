import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ResolutionIndex } from '../../directory/resolution-index.js';
import { resolveAnswer } from '../../directory/resolution-json.js';
import { entityTag } from '../../http/caching.js';
import { DirectoryNotReady, ServiceNotFound } from '../../http/errors.js';
import { problemResponses } from '../../schemas/common.js';

export interface ResolveRouteOptions { readonly directory: ResolutionIndex }

/** Gateways may keep an answer a minute and must revalidate after (the ETag makes that a 304). */
export const RESOLUTION_CACHE = 'public, max-age=60, must-revalidate';

/**
 * `GET /v1/resolve?service=`: where and how a data service is reached, for gateways that do not speak FSC. Served from
 * the in-memory service directory (never from the store), with the answer and its ETag made once per build.
 */
const resolveRoute: FastifyPluginAsyncTypebox<ResolveRouteOptions> = async (app, { directory }) => {
  app.get('/', {
    schema: {
      summary: 'Resolve a data service: endpoints, OpenAPI description, auth, lifecycle, health, FSC coordinates', tags: ['service directory'],
      querystring: Type.Object({
        service: Type.String({ minLength: 1, maxLength: 2000, description: 'The data service\'s record id or IRI' }),
        environment: Type.Optional(Type.String({ maxLength: 100, description: 'Only the OpenAPI servers of this environment (matched on their description or URL), e.g. productie, test' })),
      }),
      response: { 200: Type.Ref('Resolution'), 304: { description: 'Unchanged since the ETag sent in If-None-Match' }, ...problemResponses },
    },
  }, async (request, reply) => {
    if (directory.state().builds === 0) throw new DirectoryNotReady('the store is still loading');
    const entry = directory.get(request.query.service);
    if (!entry) throw new ServiceNotFound(request.query.service);
    const { environment } = request.query;
    const json = environment ? JSON.stringify(resolveAnswer(entry.view, (c) => directory.listing(c.groupId, c.peerId, c.serviceName) !== undefined, environment)) : entry.json;
    return reply.header('etag', environment ? entityTag(json) : entry.etag).header('cache-control', RESOLUTION_CACHE)
      .type('application/json; charset=utf-8').serializer((x: unknown) => String(x)).send(json);
  });
};

export default resolveRoute;
