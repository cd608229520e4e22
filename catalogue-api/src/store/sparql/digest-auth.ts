import { createHash, randomBytes } from 'node:crypto';

/** The parameters of a `WWW-Authenticate: Digest …` challenge (RFC 7616). */
export interface DigestChallenge {
  readonly realm: string;
  readonly nonce: string;
  readonly opaque?: string;
  readonly qop?: string;
  readonly algorithm: string;
}

/** Reads the Digest challenge of a `WWW-Authenticate` header (null when it offers none). */
export function parseDigestChallenge(header: string | null): DigestChallenge | null {
  if (!header) return null;
  const at = header.search(/\bDigest\s/i);
  if (at < 0) return null;
  const params = new Map<string, string>();
  for (const m of header.slice(at + 7).matchAll(/([A-Za-z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) {
    params.set(m[1]!.toLowerCase(), (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1'));
  }
  const realm = params.get('realm');
  const nonce = params.get('nonce');
  if (realm === undefined || nonce === undefined) return null;
  const qop = params.get('qop')?.split(',').map((q) => q.trim()).find((q) => q === 'auth');
  const opaque = params.get('opaque');
  return { realm, nonce, algorithm: params.get('algorithm') ?? 'MD5', ...(qop ? { qop } : {}), ...(opaque !== undefined ? { opaque } : {}) };
}

const HASHES: Record<string, string> = { 'MD5': 'md5', 'SHA-256': 'sha256' };

/** True when fedcat can answer the challenge (MD5 or SHA-256, with `qop=auth` or none). */
export const canAnswer = (c: DigestChallenge): boolean => HASHES[c.algorithm.toUpperCase()] !== undefined;

/**
 * The `Authorization` header answering a Digest challenge for one request. `nc` counts the requests made with
 * the same nonce (a server may accept it again until it says `stale=true`).
 */
export function digestAuthorization(c: DigestChallenge, req: { method: string; uri: string; user: string; password: string; nc: number }): string {
  const alg = HASHES[c.algorithm.toUpperCase()] ?? 'md5';
  const h = (s: string) => createHash(alg).update(s, 'utf8').digest('hex');
  const ha1 = h(`${req.user}:${c.realm}:${req.password}`);
  const ha2 = h(`${req.method}:${req.uri}`);
  const nc = req.nc.toString(16).padStart(8, '0');
  const cnonce = randomBytes(8).toString('hex');
  const response = c.qop ? h(`${ha1}:${c.nonce}:${nc}:${cnonce}:${c.qop}:${ha2}`) : h(`${ha1}:${c.nonce}:${ha2}`);
  const quote = (s: string) => `"${s.replace(/(["\\])/g, '\\$1')}"`;
  const parts = [
    `username=${quote(req.user)}`, `realm=${quote(c.realm)}`, `nonce=${quote(c.nonce)}`, `uri=${quote(req.uri)}`,
    `algorithm=${c.algorithm}`, `response=${quote(response)}`,
    ...(c.qop ? [`qop=${c.qop}`, `nc=${nc}`, `cnonce=${quote(cnonce)}`] : []),
    ...(c.opaque !== undefined ? [`opaque=${quote(c.opaque)}`] : []),
  ];
  return `Digest ${parts.join(', ')}`;
}
