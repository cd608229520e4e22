import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { conceptLabels } from '@fedcat/vocab';
import { Type } from 'typebox';
import { problemResponses } from '../../schemas/common.js';

const Labels = Type.Object({
  labels: Type.Record(Type.String(), Type.Object({ nl: Type.String(), en: Type.String() }), { description: 'Concept IRI → its Dutch and English label' }),
});

/**
 * `GET /v1/labels`: the Dutch and English labels of the EU authority tables' concepts fedcat ships (data themes,
 * access rights, licences, distribution statuses), so a client can label facet and record values in its language.
 */
const labelsRoute: FastifyPluginAsyncTypebox = async (app) => {
  // Built on the first request, not at start-up (the tables are parsed on first use).
  let body: { labels: Record<string, { nl: string; en: string }> } | undefined;
  app.get('/', {
    schema: { summary: 'Dutch and English labels of the EU vocabulary concepts fedcat knows', tags: ['vocabularies'], response: { 200: Labels, ...problemResponses } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    body ??= { labels: Object.fromEntries(conceptLabels()) };
    return body;
  });
};

export default labelsRoute;
