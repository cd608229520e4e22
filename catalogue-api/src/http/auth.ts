import type { FastifyRequest } from 'fastify';
import { sourceKind, type Source } from '@fedcat/catalogue';
import type { Principal, TokenStore } from '../control/tokens.js';
import { Forbidden, InvalidToken, Unauthenticated } from './errors.js';

/**
 * Who a request acts for, from its `Authorization: Bearer <token>` header. Tokens are accepted in that header only
 * (never in the URL, where logs and proxies keep them).
 */
export class Authenticator {
  constructor(private readonly tokens: TokenStore) {}

  /** The request's principal; null without a token; {@link InvalidToken} for a bad one. */
  principal(request: FastifyRequest): Principal | null {
    const header = request.headers.authorization;
    if (header === undefined) return null;
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    const principal = m ? this.tokens.verify(m[1]!) : null;
    if (!principal) throw new InvalidToken();
    return principal;
  }

  /** The request's principal; {@link Unauthenticated} without a token. */
  require(request: FastifyRequest): Principal {
    const principal = this.principal(request);
    if (!principal) throw new Unauthenticated();
    return principal;
  }
}

/** Admin tokens manage every source; an organisation's token only that organisation's. */
export function canManage(principal: Principal, org: string | null): boolean {
  return principal.role === 'admin' || (org !== null && principal.org === org);
}

/** Refuses (403) a principal that may not manage the source. */
export function assertCanManage(principal: Principal, source: Pick<Source, 'id' | 'org'>): void {
  if (canManage(principal, source.org)) return;
  throw new Forbidden(source.org
    ? `token '${principal.name}' acts for ${principal.org}; source '${source.id}' belongs to ${source.org}`
    : `source '${source.id}' belongs to no organisation: only an admin token manages it`);
}

/** Refuses (403) an organisation token naming another organisation as a source's owner. */
export function assertCanAssign(principal: Principal, org: string | null | undefined): void {
  if (org === undefined || principal.role === 'admin' || org === principal.org) return;
  throw new Forbidden(`token '${principal.name}' acts for ${principal.org}: it cannot make ${org ?? 'no organisation'} the owner of a source`);
}

/**
 * Refuses (403) an organisation token a source that reads files (`file:` URLs, `kind: files`): such a source reads
 * the server's own disk (below FEDCAT_HARVEST_FILES), which only the operator may point it at.
 */
export function assertMayRegister(principal: Principal, source: { readonly url?: string | undefined; readonly kind?: Source['kind'] | undefined }): void {
  if (principal.role === 'admin' || source.url === undefined) return;
  // A path (no scheme) is a file too: the source input reads it as a file: URL.
  const url = source.url.trim();
  const readsFiles = sourceKind({ url, kind: source.kind ?? undefined }) === 'files' || /^file:/i.test(url) || !/^[a-z][a-z0-9+.-]*:/i.test(url);
  if (!readsFiles) return;
  throw new Forbidden(`token '${principal.name}' is an organisation's: only an admin token registers a source that reads files on the server (${source.url})`);
}
