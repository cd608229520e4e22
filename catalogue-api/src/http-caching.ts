import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** A strong entity tag of a representation: its SHA-256, shortened (collisions between versions are not a concern). */
export function entityTag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** True when `If-None-Match` names the tag (weak comparison, RFC 9110 §13.1.2) or is `*`. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(etag));
}

/** What a successful read may be kept for, unless its route says otherwise. */
export const DEFAULT_CACHE_CONTROL = 'public, max-age=60';

/**
 * Conditional reads for every GET/HEAD answered 200 with a body in memory: an `ETag` from the body, `304 Not
 * Modified` when `If-None-Match` names it, and `Cache-Control` (the route's own, or {@link DEFAULT_CACHE_CONTROL}).
 * Gateways and harvesting catalogues revalidate large answers (feed pages, record RDF) for a few bytes.
 */
export function registerHttpCaching(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', DEFAULT_CACHE_CONTROL);
    const etag = (reply.getHeader('etag') as string | undefined) ?? entityTag(payload);
    reply.header('etag', etag);
    if (!noneMatch(request.headers['if-none-match'], etag)) return payload;
    reply.code(304).removeHeader('content-length');
    return '';
  });
}
