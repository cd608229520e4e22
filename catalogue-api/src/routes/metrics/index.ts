import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Registry } from 'prom-client';
import { textResponse } from '../../schemas/common.js';

export interface MetricsRouteOptions { readonly register: Registry }

/** `GET /metrics`: Prometheus text exposition of the process's metrics (see `metrics.ts`). */
const metricsRoute: FastifyPluginAsyncTypebox<MetricsRouteOptions> = async (app, { register }) => {
  app.get('/', {
    schema: { summary: 'Prometheus metrics: requests, latencies, process, catalogue state', tags: ['health'],
      response: { 200: textResponse(['text/plain'], 'Prometheus text format 0.0.4') } },
  }, async (_request, reply) => {
    const body = await register.metrics();
    return reply.header('cache-control', 'no-store').type(register.contentType).serializer((x: unknown) => String(x)).send(body);
  });
};

export default metricsRoute;
