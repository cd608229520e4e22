import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Authenticator } from '../../http/auth.js';
import type { AuditLog } from '../../control/audit-log.js';
import { problem, problemResponses } from '../../schemas/common.js';

export interface AuditRouteOptions { readonly audit: AuditLog; readonly auth: Authenticator }

/**
 * `GET /v1/audit-log`: every change to sources and tokens, newest first: who, what, when, before and after. An
 * organisation's token reads the entries about its organisation's sources; an admin token reads all.
 */
const auditRoute: FastifyPluginAsyncTypebox<AuditRouteOptions> = async (app, { audit, auth }) => {
  app.get('/', {
    schema: {
      summary: 'The audit log, newest first', tags: ['owners'], security: [{ bearerAuth: [] }],
      querystring: Type.Object({
        source: Type.Optional(Type.String({ description: 'Only entries about this source' })),
        before: Type.Optional(Type.Integer({ minimum: 1, description: 'Only entries older than this seq (the next page)' })),
        limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
      }),
      response: {
        200: Type.Object({ entries: Type.Array(Type.Ref('AuditEntry')), next: Type.Union([Type.String(), Type.Null()]) }),
        401: problem('No token, or a malformed, unknown or revoked one'), ...problemResponses,
      },
    },
  }, async (request, reply) => {
    const principal = auth.require(request);
    const { source, before, limit } = request.query;
    const entries = audit.list({
      ...(principal.role === 'admin' ? {} : { org: principal.org! }),
      ...(source !== undefined ? { target: `source:${source}` } : {}), ...(before !== undefined ? { before } : {}), limit,
    });
    const last = entries.at(-1);
    const next = entries.length === limit && last
      ? `/v1/audit-log?${new URLSearchParams({ ...(source !== undefined ? { source } : {}), before: String(last.seq), limit: String(limit) })}`
      : null;
    if (next) reply.header('link', `<${next}>; rel="next"`);
    reply.header('cache-control', 'private, no-store');
    return { entries, next };
  });
};

export default auditRoute;
