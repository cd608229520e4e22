import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RunningHarvests } from '../../control/running-harvests.js';
import { problemResponses } from '../../schemas/common.js';

export interface HarvestRouteOptions { readonly running: RunningHarvests }

/** `GET /v1/harvests`: harvests running now, in this process or any other on the same data directory. */
const harvestsRoute: FastifyPluginAsyncTypebox<HarvestRouteOptions> = async (app, { running }) => {
  app.get('/', {
    schema: { summary: 'Harvests in progress, with pages, bytes, triples and records so far', tags: ['sources'],
      response: { 200: Type.Object({ harvests: Type.Array(Type.Ref('RunningHarvest')) }), ...problemResponses } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { harvests: await running.list() };
  });
};

export default harvestsRoute;
