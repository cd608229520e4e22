import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ResolutionIndex } from '../../directory/resolution-index.js';
import { fscPeer, fscResolveAnswer, fscServiceListing } from '../../directory/resolution-json.js';
import type { FscListingView, FscPeerView } from '../../directory/service-view.js';
import { DirectoryNotReady, FscAmbiguous, FscGroupNotFound, FscServiceNotListed, InvalidCursor } from '../../http/errors.js';
import { problem, problemResponses } from '../../schemas/common.js';
import { RESOLUTION_CACHE } from '../resolve/index.js';

export interface FscRouteOptions { readonly directory: ResolutionIndex }

const SortOrder = Type.Union([Type.Literal('SORT_ORDER_ASCENDING'), Type.Literal('SORT_ORDER_DESCENDING')], { description: 'FSC sort order (default descending, as FSC)' });
const Paging = {
  cursor: Type.Optional(Type.String({ maxLength: 1000, description: 'next_cursor of the page before; empty for the first page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'At most this many (FSC: 1-1000); default 100' })),
  sort_order: Type.Optional(SortOrder),
};
const Group = Type.Object({ group: Type.String({ pattern: '^[a-zA-Z0-9./_-]{1,100}$', description: 'FSC Group ID' }) });

const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');
function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key || encodeCursor(key) !== cursor) throw new InvalidCursor('not a cursor this API gave');
  return key;
}

/** One FSC page of `items` (sorted ascending by `key`): after the cursor's item, in the asked order, with the next cursor. */
function page<T>(items: readonly T[], key: (t: T) => string, q: { cursor?: string; limit?: number; sort_order?: string }) {
  const descending = (q.sort_order ?? 'SORT_ORDER_DESCENDING') === 'SORT_ORDER_DESCENDING';
  const ordered = descending ? [...items].reverse() : items;
  const after = decodeCursor(q.cursor);
  const start = after === null ? 0 : ordered.findIndex((t) => (descending ? key(t) < after : key(t) > after));
  const limit = q.limit ?? 100;
  const slice = start < 0 ? [] : ordered.slice(start, start + limit);
  const more = start >= 0 && start + limit < ordered.length;
  return { slice, next_cursor: more && slice.length > 0 ? encodeCursor(key(slice[slice.length - 1]!)) : '' };
}

const serviceKey = (l: FscListingView) => `${l.peerId}\u0000${l.name}`;

/**
 * FSC-shaped reads of the harvested FSC Directories, so gateway tooling can use its Directory client: a group's
 * services and peers exactly as FSC's `GET /v1/services` and `GET /v1/peers` answer (with a `catalogue` object beside a
 * listing), and `GET /v1/fsc/resolve`, the one call that prepares a connection. All from the in-memory directory.
 */
const fscRoutes: FastifyPluginAsyncTypebox<FscRouteOptions> = async (app, { directory }) => {
  const ready = () => { if (directory.state().builds === 0) throw new DirectoryNotReady('the store is still loading'); };
  const group = (id: string) => {
    ready();
    const g = directory.group(id);
    if (!g) throw new FscGroupNotFound(id);
    return g;
  };

  app.get('/groups', {
    schema: { summary: 'FSC groups of the harvested Directories', tags: ['fsc'],
      response: { 200: Type.Object({ groups: Type.Array(Type.Object({ group_id: Type.String(), peers: Type.Integer(), services: Type.Integer() })) }), ...problemResponses } },
  }, async () => {
    ready();
    return { groups: directory.groupIds().map((id) => ({ group_id: id, peers: directory.group(id)!.peers.length, services: directory.group(id)!.services.length })) };
  });

  app.get('/groups/:group/services', {
    schema: {
      summary: 'A group\'s services, as FSC GET /v1/services (plus catalogue)', tags: ['fsc'], params: Group,
      querystring: Type.Object({
        ...Paging,
        peer_id: Type.Optional(Type.String({ minLength: 3, maxLength: 255, description: 'Services of this peer' })),
        service_name: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Services whose name contains this (case-insensitive); with peer_id, either matches (FSC)' })),
      }),
      response: { 200: Type.Ref('FscServices'), ...problemResponses },
    },
  }, async (request, reply) => {
    const g = group(request.params.group);
    const { peer_id: peerId, service_name: name } = request.query;
    const needle = name?.toLowerCase();
    const matches = (l: FscListingView) => (!peerId && !needle) || (peerId !== undefined && l.peerId === peerId) || (needle !== undefined && l.name.toLowerCase().includes(needle));
    const { slice, next_cursor } = page(g.services.filter(matches), serviceKey, request.query);
    reply.header('cache-control', RESOLUTION_CACHE);
    return {
      services: slice.map((l) => fscServiceListing(l, g.peersById.get(l.peerId), directory.serviceFor(l.groupId, l.peerId, l.name))),
      pagination: { next_cursor },
    };
  });

  app.get('/groups/:group/peers', {
    schema: {
      summary: 'A group\'s peers, as FSC GET /v1/peers (plus the catalogue\'s organisations)', tags: ['fsc'], params: Group,
      querystring: Type.Object({
        ...Paging,
        peer_name: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Peers whose name contains this (case-insensitive)' })),
        peer_id: Type.Optional(Type.String({ maxLength: 10_000, description: 'Comma-separated peer ids; overrides paging and the other filter (FSC)' })),
      }),
      response: { 200: Type.Ref('FscPeers'), ...problemResponses },
    },
  }, async (request, reply) => {
    const g = group(request.params.group);
    const withOrgs = (p: FscPeerView) => {
      const tooi = directory.organisationsWithOin(p.id);
      return { ...fscPeer(p), ...(tooi.length ? { catalogue: { tooi_uri: tooi } } : {}) };
    };
    reply.header('cache-control', RESOLUTION_CACHE);
    if (request.query.peer_id) {
      const ids = new Set(request.query.peer_id.split(',').map((s) => s.trim()).filter(Boolean));
      return { peers: g.peers.filter((p) => ids.has(p.id)).map(withOrgs), pagination: { next_cursor: '' } };
    }
    const needle = request.query.peer_name?.toLowerCase();
    const { slice, next_cursor } = page(g.peers.filter((p) => !needle || p.name.toLowerCase().includes(needle)), (p) => p.id, request.query);
    return { peers: slice.map(withOrgs), pagination: { next_cursor } };
  });

  app.get('/resolve', {
    schema: {
      summary: 'Prepare an FSC connection: provider Manager, token and contract endpoints, grant types and properties, OAS, access conditions', tags: ['fsc', 'service directory'],
      querystring: Type.Object({
        group_id: Type.Optional(Type.String({ pattern: '^[a-zA-Z0-9./_-]{1,100}$', description: 'FSC Group ID; may be left out when one group lists the service' })),
        peer_id: Type.String({ minLength: 3, maxLength: 255, description: 'The providing peer (its OIN)' }),
        service_name: Type.String({ minLength: 1, maxLength: 255 }),
      }),
      response: {
        200: Type.Ref('FscResolution'), 304: { description: 'Unchanged since the ETag sent in If-None-Match' },
        ...problemResponses, 409: problem('Several groups list the service: give group_id'),
      },
    },
  }, async (request, reply) => {
    ready();
    const { peer_id: peerId, service_name: name } = request.query;
    let groupId = request.query.group_id;
    if (!groupId) {
      const groups = directory.groupsListing(peerId, name);
      if (groups.length > 1) throw new FscAmbiguous(groups.join(', '));
      groupId = groups[0];
    }
    const listing = groupId ? directory.listing(groupId, peerId, name) : undefined;
    const peer = listing ? directory.peer(listing.groupId, peerId) : undefined;
    if (!listing || !peer) throw new FscServiceNotListed(`service '${name}' of peer ${peerId}${groupId ? ` in group ${groupId}` : ''}`);
    reply.header('cache-control', RESOLUTION_CACHE);
    return fscResolveAnswer(listing, peer, directory.serviceFor(listing.groupId, peerId, name), (id) => directory.peer(listing.groupId, id));
  });
};

export default fscRoutes;
