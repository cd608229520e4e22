import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ServerResponse } from 'node:http';
import { API_VERSION } from '../../http/api-version.js';
import type { ChangeLog, ResolutionChange } from '../../directory/change-log.js';
import type { ResolutionIndex } from '../../directory/resolution-index.js';
import { ChangesGone } from '../../http/errors.js';
import { problem, problemResponses } from '../../schemas/common.js';

export interface ChangesRouteOptions {
  readonly directory: ResolutionIndex;
  /** How often an idle stream sends a comment, so proxies keep it open (ms). */
  readonly heartbeatMs?: number;
}

const Since = Type.Optional(Type.Integer({ minimum: 0, description: 'The seq (or next) of the last change you saw; 0 or absent for all kept changes' }));

function checkSince(log: ChangeLog, since: number): void {
  if (log.tooOld(since)) throw new ChangesGone(String(since), String(log.head()));
}

const event = (c: ResolutionChange) => `id: ${c.seq}\nevent: ${c.change}\ndata: ${JSON.stringify(c)}\n\n`;

/**
 * What changed in the service directory, for gateway caches: `GET /v1/changes?since=` (poll; each answer says where to
 * go on from) and `GET /v1/changes/stream` (Server-Sent Events, resumable with Last-Event-ID). A change is a data
 * service whose resolution answer (its ETag) is new, different or gone after a harvest.
 */
const changesRoute: FastifyPluginAsyncTypebox<ChangesRouteOptions> = async (app, { directory, heartbeatMs = 15_000 }) => {
  const log = directory.changes;
  const open = new Set<ServerResponse>();
  // Streams never end by themselves: closing the server ends them (clients reconnect with Last-Event-ID).
  app.addHook('onClose', async () => { for (const res of open) res.end(); });

  app.get('/', {
    schema: {
      summary: 'Changes of resolution answers since a point', tags: ['service directory'],
      querystring: Type.Object({ since: Since, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 })) }),
      response: { 200: Type.Ref('Changes'), ...problemResponses, 410: problem('Changes since then are no longer kept: read the resolutions again') },
    },
  }, async (request, reply) => {
    await directory.ready();
    const since = request.query.since ?? 0;
    checkSince(log, since);
    const changes = log.since(since, request.query.limit ?? 1000);
    reply.header('cache-control', 'no-cache');
    // Where to go on from: after the last change given, or, when none, where the client already is.
    return { changes, next: changes.at(-1)?.seq ?? since };
  });

  app.get('/stream', {
    schema: {
      summary: 'Changes as Server-Sent Events (event: added|changed|removed; id: seq; data: the change as JSON)', tags: ['service directory'],
      querystring: Type.Object({ since: Since }),
      response: { 200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: Type.String() } } }, ...problemResponses, 410: problem('Changes since then are no longer kept') },
    },
  }, async (request, reply) => {
    await directory.ready();
    const lastEventId = Number(request.headers['last-event-id']);
    const since = Number.isInteger(lastEventId) && lastEventId >= 0 ? lastEventId : request.query.since ?? log.head();
    checkSince(log, since);
    reply.hijack();
    const res = reply.raw;
    // Headers set so far (CORS) go along; the stream's own after them.
    res.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no',
      'api-version': API_VERSION,
    });
    res.write('retry: 5000\n\n');
    let sent = since;
    const send = (changes: readonly ResolutionChange[]) => {
      for (const c of changes) if (c.seq > sent) { res.write(event(c)); sent = c.seq; }
    };
    send(log.since(since, 10_000));
    const unsubscribe = log.subscribe(send);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
    heartbeat.unref();
    open.add(res);
    const end = () => { clearInterval(heartbeat); unsubscribe(); open.delete(res); };
    request.raw.on('close', end);
    res.on('error', end);
  });
};

export default changesRoute;
