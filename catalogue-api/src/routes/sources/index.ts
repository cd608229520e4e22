import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SourceNotFound } from '../../errors.js';
import type { RunLog } from '../../registry/runs.js';
import type { SourceRegistry } from '../../registry/sources.js';
import { problemResponses } from '../../schemas/common.js';
import { SourceWithStatus } from '../../schemas/sources.js';

export interface SourceRouteOptions { readonly sources: SourceRegistry; readonly runs: RunLog }

/** `GET /v1/sources[/{id}]`: registered sources with their last run and last successful run. */
const sourcesRoute: FastifyPluginAsyncTypebox<SourceRouteOptions> = async (app, { sources, runs }) => {
  app.get('/', {
    schema: { summary: 'Registered sources and their harvest status', tags: ['sources'],
      response: { 200: Type.Object({ sources: Type.Array(SourceWithStatus) }), ...problemResponses } },
  }, async () => {
    const list = await sources.list();
    return { sources: await Promise.all(list.map(async (s) => ({ ...s, ...(await runs.status(s.id)) }))) };
  });

  app.get('/:id', {
    schema: { summary: 'One source and its harvest status', tags: ['sources'], params: Type.Object({ id: Type.String() }),
      response: { 200: SourceWithStatus, ...problemResponses } },
  }, async (request) => {
    const source = await sources.get(request.params.id);
    if (!source) throw new SourceNotFound(request.params.id);
    return { ...source, ...(await runs.status(source.id)) };
  });
};

export default sourcesRoute;
