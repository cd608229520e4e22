import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { hostPort, mayConnect, type PrivateAccess } from '@fedcat/harvester';
import type { EventLog } from '../../events/event-log.js';
import { ALL_EVENT_TYPES } from '../../events/event-types.js';
import type { Filter } from '../../events/subscription-filter.js';
import type { Subscription, Subscriptions } from '../../events/subscriptions.js';
import type { Authenticator } from '../../http/auth.js';
import { Forbidden, InvalidSubscription, SubscriptionNotFound } from '../../http/errors.js';
import { problem, problemResponses } from '../../schemas/common.js';

export interface SubscriptionRouteOptions {
  readonly subscriptions: Subscriptions;
  readonly events: EventLog;
  readonly auth: Authenticator;
  /** Which private addresses a sink may have (the harvest's policy). */
  readonly privateAccess: PrivateAccess;
}

const Dialect = Type.Record(Type.String({ pattern: '^[a-z0-9]{1,20}$' }), Type.String({ maxLength: 2000 }));
const SubscriptionRequest = Type.Object({
  types: Type.Optional(Type.Array(Type.String(), { maxItems: 20, description: `Event types; all when empty: ${ALL_EVENT_TYPES.join(', ')}` })),
  filters: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 20, description: 'CloudEvents Subscriptions API filters: exact, prefix, suffix (attribute → value), all, any (lists), not' })),
  sink: Type.String({ maxLength: 2000, description: 'The webhook URL events are POSTed to' }),
  protocol: Type.Literal('HTTP'),
  protocolsettings: Type.Optional(Type.Object({ method: Type.Optional(Type.Literal('POST')) })),
}, { additionalProperties: false });

/** Whether a value is a filter of the dialects the API requires, nested at most `depth` deep. */
function isFilter(x: unknown, depth = 4): x is Filter {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || depth === 0) return false;
  const entries = Object.entries(x);
  if (entries.length !== 1) return false;
  const [dialect, value] = entries[0]!;
  if (dialect === 'exact' || dialect === 'prefix' || dialect === 'suffix') {
    return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
  }
  if (dialect === 'all' || dialect === 'any') return Array.isArray(value) && value.every((f) => isFilter(f, depth - 1));
  if (dialect === 'not') return isFilter(value, depth - 1);
  return false;
}

/** A sink fedcat may deliver to: http(s), and an address the harvest's policy allows (checked again at every connect). */
async function checkSink(sink: string, privateAccess: PrivateAccess): Promise<URL> {
  let url: URL;
  try { url = new URL(sink); } catch { throw new InvalidSubscription('sink must be an absolute https URL'); }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password) throw new InvalidSubscription('sink must be an http(s) URL without credentials in it');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new InvalidSubscription(`sink ${url.host} has no address`);
  const refused = addresses.find((a) => !mayConnect(privateAccess, hostPort(url), a));
  if (refused) throw new InvalidSubscription(`sink ${url.host} resolves to the non-public address ${refused}, which fedcat does not deliver to`);
  return url;
}

/** A subscription as its owner reads it: never its secret. */
const shown = ({ id, types, filters, sink, protocol, createdAt, delivered, handshake, state, attempts, nextAttemptAt, lastError }: Subscription) => ({
  id, types, filters, sink, protocol, createdAt, delivery: { delivered, handshake, state, attempts, nextAttemptAt, lastError },
});

/**
 * Webhook subscriptions to the change events (the CloudEvents Subscriptions API, protocol HTTP): `POST /v1/subscriptions`
 * (a token; the secret that signs deliveries is answered once), `GET` the token's own (an admin's: all), `GET /{id}`
 * with where its delivery stands, `DELETE /{id}`. Every event is public, so any organisation may subscribe to any.
 */
const Json = (description: string) => ({ description, content: { 'application/json': { schema: Type.Object({}, { additionalProperties: true }) } } });

const subscriptionRoutes: FastifyPluginAsyncTypebox<SubscriptionRouteOptions> = async (app, { subscriptions, events, auth, privateAccess }) => {
  const mine = (request: Parameters<Authenticator['require']>[0], id: string) => {
    const principal = auth.require(request);
    const sub = subscriptions.get(id);
    if (!sub) throw new SubscriptionNotFound(id);
    if (principal.role !== 'admin' && sub.owner !== principal.org) throw new Forbidden('this subscription is another organisation\'s');
    return sub;
  };

  app.post('/', { schema: { summary: 'Subscribe a webhook to change events', tags: ['events'], body: SubscriptionRequest, response: { 201: Json('The subscription, with its secret (answered this once)'), 401: problem('No token'), ...problemResponses } } }, async (request, reply) => {
    const principal = auth.require(request);
    const types = request.body.types ?? [];
    const unknown = types.filter((t) => !(ALL_EVENT_TYPES as readonly string[]).includes(t));
    if (unknown.length > 0) throw new InvalidSubscription(`types ${unknown.join(', ')}: must be among ${ALL_EVENT_TYPES.join(', ')}`);
    const filters = request.body.filters ?? [];
    const bad = filters.findIndex((f) => !isFilter(f));
    if (bad >= 0) throw new InvalidSubscription(`filters/${bad} must be one of exact, prefix, suffix (attribute → value), all, any (lists of filters) or not (a filter)`);
    const sink = await checkSink(request.body.sink, privateAccess);
    const sub = subscriptions.create(principal.role === 'admin' ? null : principal.org, { types, filters: filters as Filter[], sink: sink.href }, events.bounds().newest);
    return reply.code(201).header('location', `/v1/subscriptions/${sub.id}`).send({ ...shown(sub), secret: sub.secret });
  });

  app.get('/', { schema: { summary: 'Your webhook subscriptions', tags: ['events'], response: { 200: Json('Your subscriptions'), 401: problem('No token'), ...problemResponses } } }, async (request) => {
    const principal = auth.require(request);
    return { subscriptions: subscriptions.list(principal.role === 'admin' ? 'all' : principal.org).map(shown) };
  });

  const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
  app.get('/:id', { schema: { summary: 'A subscription and where its delivery stands', tags: ['events'], params: Id, response: { 200: Json('The subscription'), 401: problem('No token'), 403: problem("Another organisation's"), ...problemResponses } } }, async (request) => shown(mine(request, request.params.id)));
  app.delete('/:id', { schema: { summary: 'End a subscription', tags: ['events'], params: Id, response: { 204: { description: 'Ended' }, 401: problem('No token'), 403: problem("Another organisation's"), ...problemResponses } } }, async (request, reply) => {
    mine(request, request.params.id);
    subscriptions.delete(request.params.id);
    return reply.code(204).send();
  });
};

export default subscriptionRoutes;
