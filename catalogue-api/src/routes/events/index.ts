import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { EventLog } from '../../events/event-log.js';
import { ALL_EVENT_TYPES, EVENT_TYPES, type RecordChange } from '../../events/event-types.js';
import { toCloudEvent, type EventOrigin } from '../../events/cloud-event.js';
import { EventsGone, InvalidFilter } from '../../http/errors.js';
import { problem, problemResponses, textResponse } from '../../schemas/common.js';
import { atomFeed } from './atom.js';

export interface EventRouteOptions {
  readonly events: EventLog;
  readonly origin: EventOrigin;
  /** How long events are kept, for the 410 answer's words. */
  readonly retentionDays: number;
}

const BATCH = 'application/cloudevents-batch+json';
const KINDS = new Map<string, { recordType: keyof typeof EVENT_TYPES; change: RecordChange }>(Object.entries(EVENT_TYPES).flatMap(([recordType, changes]) =>
  Object.entries(changes).map(([change, type]) => [type, { recordType: recordType as keyof typeof EVENT_TYPES, change: change as RecordChange }] as const)));

/**
 * `GET /v1/events`: the change events as NL GOV CloudEvents, pulled (the NL minimal subscription profile's http-pull):
 * a batch after a sequence number, `Link: rel=next` to go on; 410 when events after it are no longer kept.
 * `GET /v1/events.atom`: the last 100 changes of datasets and APIs for feed readers, in Dutch.
 */
const eventRoutes: FastifyPluginAsyncTypebox<EventRouteOptions> = async (app, { events, origin, retentionDays }) => {
  // Events past their retention are forgotten by the API process, at most every ten minutes, when someone reads them.
  let prunedAt = 0;
  app.addHook('onRequest', async () => {
    if (Date.now() - prunedAt < 10 * 60_000) return;
    prunedAt = Date.now();
    events.prune(retentionDays * 86_400_000);
  });
  app.get('/events', {
    schema: {
      summary: 'Change events as CloudEvents (NL GOV profile), after a sequence number', tags: ['events'],
      querystring: Type.Object({
        after: Type.Optional(Type.Integer({ minimum: 0, description: 'Sequence number of the last event read (0: from the start)' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
        type: Type.Optional(Type.String({ description: `Comma-separated event types: ${ALL_EVENT_TYPES.join(', ')}` })),
        subject: Type.Optional(Type.String({ maxLength: 2000, description: 'Only events about this record IRI' })),
      }),
      response: { 200: textResponse([BATCH], 'A JSON array of CloudEvents in structured mode, oldest first'), 410: problem('Events after this sequence number are no longer kept'), ...problemResponses },
    },
  }, async (request, reply) => {
    const after = request.query.after ?? 0;
    const limit = request.query.limit ?? 100;
    const types = (request.query.type ?? '').split(',').map((t) => t.trim()).filter(Boolean);
    const unknown = types.filter((t) => !KINDS.has(t));
    if (unknown.length > 0) throw new InvalidFilter(`type ${unknown.join(', ')}: must be one of ${ALL_EVENT_TYPES.join(', ')}`);
    const { oldest } = events.bounds();
    if (oldest !== null && after < oldest - 1) throw new EventsGone(String(after), String(retentionDays), String(oldest - 1));
    const batch = events.read({ after, limit, kinds: types.map((t) => KINDS.get(t)!), ...(request.query.subject ? { subject: request.query.subject } : {}) });
    const last = batch.at(-1)?.sequence ?? after;
    const next = new URLSearchParams({ ...(request.query.type ? { type: request.query.type } : {}), ...(request.query.subject ? { subject: request.query.subject } : {}), after: String(last), limit: String(limit) });
    return reply.header('link', `<${origin.baseUrl}/v1/events?${next}>; rel="next"`).header('cache-control', 'no-cache').type(`${BATCH}; charset=utf-8`)
      .serializer((x: unknown) => String(x)).send(JSON.stringify(batch.map((e) => toCloudEvent(e, origin).toJSON())));
  });

  app.get('/events.atom', {
    schema: {
      summary: 'The last 100 changes of datasets and APIs as an Atom feed (in Dutch)', tags: ['events'],
      querystring: Type.Object({ source: Type.Optional(Type.String({ description: 'Only the changes of this source' })) }),
      response: { 200: textResponse(['application/atom+xml'], 'An Atom 1.0 feed'), ...problemResponses },
    },
  }, async (request, reply) => {
    const latest = events.latest(100, request.query.source ? [request.query.source] : undefined);
    return reply.header('cache-control', 'public, max-age=60').type('application/atom+xml; charset=utf-8')
      .send(atomFeed(latest, origin.baseUrl, request.query.source ?? null));
  });
};

export default eventRoutes;
