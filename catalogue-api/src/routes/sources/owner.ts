import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sourceKind, type QuadStore, type SearchIndex, type Source } from '@fedcat/catalogue';
import { Type } from 'typebox';
import { assertCanAssign, assertCanManage, assertMayRegister, type Authenticator } from '../../http/auth.js';
import { HarvestsUnavailable, SourceConflict, SourceNotFound } from '../../http/errors.js';
import type { HarvestLauncher } from '../../harvest/launcher.js';
import type { RunLog } from '../../control/runs.js';
import type { RunningHarvests } from '../../control/running-harvests.js';
import type { SourceRegistry } from '../../control/sources.js';
import type { SourceInput } from '../../control/source-input.js';
import { problem, problemResponses } from '../../schemas/common.js';
import { dropSourceData } from '../../maintenance/remove-source.js';

export interface OwnerRouteOptions {
  readonly sources: SourceRegistry;
  readonly runs: RunLog;
  readonly running: RunningHarvests;
  readonly store: QuadStore;
  readonly search: SearchIndex;
  readonly auth: Authenticator;
  /** Starts requested harvests; without it, `POST …/harvests` answers 503. */
  readonly launcher?: HarvestLauncher;
}

/** A source's settings as its owner reads them. */
export function settingsOf(s: Source) {
  return {
    id: s.id, url: s.url, org: s.org, kind: sourceKind(s), ...(s.fscGroup ? { fscGroup: s.fscGroup } : {}), interval: s.interval ?? null, paused: s.paused ?? false,
    limits: s.limits ?? {}, invalidRecords: s.invalidRecords ?? 'quarantine' as const, profile: s.profile ?? null, addedAt: s.addedAt,
  };
}

const secured = { security: [{ bearerAuth: [] }], tags: ['owners'] };
const ownerProblems = {
  ...problemResponses,
  401: problem('No token, or a malformed, unknown or revoked one (see WWW-Authenticate)'),
  403: problem('The token acts for another organisation than the source\'s'),
};
const Id = Type.Object({ id: Type.String() });

/**
 * The owner API on `/v1/sources`: data owners register, change, pause and delete their organisation's sources, read
 * their settings and ask for a harvest, with a token scoped to the organisation (admin tokens: any source). Every
 * change is written to the audit log in the transaction that makes it.
 */
const ownerRoutes: FastifyPluginAsyncTypebox<OwnerRouteOptions> = async (app, opts) => {
  const { sources, auth } = opts;
  // RFC 7396 bodies for PATCH, parsed like JSON.
  app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  const owned = async (principal: ReturnType<Authenticator['require']>, id: string) => {
    const source = await sources.get(id);
    if (!source) throw new SourceNotFound(id);
    assertCanManage(principal, source);
    return source;
  };

  app.get('/:id/settings', {
    schema: { ...secured, summary: 'A source\'s settings (owner or admin)', params: Id,
      response: { 200: Type.Ref('SourceSettings'), ...ownerProblems } },
  }, async (request, reply) => {
    const principal = auth.require(request);
    reply.header('cache-control', 'private, no-store');
    return settingsOf(await owned(principal, request.params.id));
  });

  app.post('/', {
    schema: { ...secured, summary: 'Register a source for the token\'s organisation', body: Type.Ref('SourceCreate'),
      response: { 201: Type.Ref('SourceSettings'), 409: problem('A source with this id exists'), ...ownerProblems } },
  }, async (request, reply) => {
    const principal = auth.require(request);
    const body = request.body as SourceInput;
    assertCanAssign(principal, body.org);
    assertMayRegister(principal, body);
    const input = { ...body, org: body.org ?? principal.org };
    const source = await sources.create(input, principal);
    return reply.code(201).header('location', `/v1/sources/${source.id}`).send(settingsOf(source));
  });

  app.patch('/:id', {
    schema: { ...secured, summary: 'Change a source\'s settings (JSON Merge Patch); paused: true pauses it', params: Id,
      body: Type.Ref('SourcePatch'), response: { 200: Type.Ref('SourceSettings'), ...ownerProblems } },
  }, async (request) => {
    const principal = auth.require(request);
    const patch = request.body as SourceInput;
    const source = await sources.update(request.params.id, patch, principal, (existing) => {
      assertCanManage(principal, existing);
      assertCanAssign(principal, patch.org);
      assertMayRegister(principal, { url: patch.url ?? existing.url, kind: patch.kind === undefined ? existing.kind : patch.kind });
    });
    return settingsOf(source);
  });

  app.delete('/:id', {
    schema: { ...secured, summary: 'Delete a source with everything harvested from it', params: Id,
      response: { 204: Type.Null({ description: 'Deleted' }), 409: problem('The source is being harvested'), ...ownerProblems } },
  }, async (request, reply) => {
    const principal = auth.require(request);
    const { id } = request.params;
    await owned(principal, id);
    if (await opts.running.get(id)) throw new SourceConflict(`source '${id}' is being harvested; delete it when the harvest has ended`);
    await sources.remove(id, principal, (existing) => assertCanManage(principal, existing));
    await dropSourceData(id, opts);
    return reply.code(204).send(null);
  });

  app.post('/:id/harvests', {
    schema: { ...secured, summary: 'Harvest a source now; follow its progress at /v1/sources/{id}', params: Id,
      response: {
        202: Type.Object({ source: Type.String(), status: Type.Literal('started'), monitor: Type.String() }),
        409: problem('The source is paused or already being harvested'), ...ownerProblems,
      } },
  }, async (request, reply) => {
    const principal = auth.require(request);
    const source = await owned(principal, request.params.id);
    if (source.paused) throw new SourceConflict(`source '${source.id}' is paused; resume it (PATCH paused: false) before harvesting`);
    if (!opts.launcher) throw new HarvestsUnavailable(source.id);
    if ((await opts.launcher.launch(source, 'requested')) === 'busy') throw new SourceConflict(`source '${source.id}' is already being harvested`);
    sources.harvestRequested(source, principal);
    const monitor = `/v1/sources/${source.id}`;
    return reply.code(202).header('location', monitor).send({ source: source.id, status: 'started' as const, monitor });
  });
};

export default ownerRoutes;
