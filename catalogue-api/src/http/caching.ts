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
 * Headers on every answer (`always`: the API-Version the NL API Design Rules ask for), and conditional reads for
 * every GET/HEAD answered 200 with a body in memory: an `ETag` from the body (or the route's own), `304 Not Modified`
 * when `If-None-Match` names it, and `Cache-Control` (the route's own, or {@link DEFAULT_CACHE_CONTROL}). Gateways and
 * harvesting catalogues revalidate large answers (feed pages, record RDF) for a few bytes. One callback-style hook:
 * it runs on every answer, and an async hook per concern cost the hottest route (resolution) a tenth of its rate.
 */
export function registerHttpCaching(app: FastifyInstance, always: Readonly<Record<string, string>> = {}): void {
  const headers = Object.entries(always);
  app.addHook('onSend', (request, reply, payload, done) => {
    for (const [name, value] of headers) reply.header(name, value);
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) {
      done(null, payload);
      return;
    }
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', DEFAULT_CACHE_CONTROL);
    // An answer that must not be stored has nothing to revalidate.
    if (String(reply.getHeader('cache-control')).includes('no-store')) {
      done(null, payload);
      return;
    }
    const etag = (reply.getHeader('etag') as string | undefined) ?? entityTag(payload);
    reply.header('etag', etag);
    if (!noneMatch(request.headers['if-none-match'], etag)) {
      done(null, payload);
      return;
    }
    reply.code(304).removeHeader('content-length');
    done(null, '');
  });
}
