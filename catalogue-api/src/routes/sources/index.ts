import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SourceNotFound } from '../../errors.js';
import type { RunLog } from '../../registry/runs.js';
import type { SourceRegistry } from '../../registry/sources.js';
import { problemResponses } from '../../schemas/common.js';

export interface SourceRouteOptions { readonly sources: SourceRegistry; readonly runs: RunLog }

/** `GET /v1/sources[/{id}]`: registered sources with their last run and last successful run. */
const sourcesRoute: FastifyPluginAsyncTypebox<SourceRouteOptions> = async (app, { sources, runs }) => {
  app.get('/', {
    schema: { summary: 'Registered sources and their harvest status', tags: ['sources'],
      response: { 200: Type.Object({ sources: Type.Array(Type.Ref('SourceWithStatus')) }), ...problemResponses } },
  }, async () => {
    const list = await sources.list();
    return { sources: await Promise.all(list.map(async (s) => ({ ...s, ...(await runs.status(s.id)) }))) };
  });

  app.get('/:id', {
    schema: { summary: 'One source and its harvest status', tags: ['sources'], params: Type.Object({ id: Type.String() }),
      response: { 200: Type.Ref('SourceWithStatus'), ...problemResponses } },
  }, async (request) => {
    const source = await sources.get(request.params.id);
    if (!source) throw new SourceNotFound(request.params.id);
    return { ...source, ...(await runs.status(source.id)) };
  });

  app.get('/:id/runs', {
    schema: { summary: 'Harvest runs of a source, newest first (the last 50)', tags: ['sources'], params: Type.Object({ id: Type.String() }),
      response: { 200: Type.Object({ runs: Type.Array(Type.Ref('Run')) }), ...problemResponses } },
  }, async (request) => {
    const source = await sources.get(request.params.id);
    if (!source) throw new SourceNotFound(request.params.id);
    return { runs: [...(await runs.history(source.id))] };
  });
};

export default sourcesRoute;
