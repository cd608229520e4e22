import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor, Role } from './actor.js';
import type { AuditLog } from './audit-log.js';
import type { ControlDb } from './control-db.js';
import { UserError } from '../user-error.js';

/** A token as stored and listed: never its secret, only the secret's SHA-256. */
export interface TokenRecord {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The organisation an `organisation` token acts for; null for admin tokens. */
  readonly org: string | null;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** Who a request's token says it is. */
export type Principal = Extract<Actor, { kind: 'token' }>;

/** Thrown for a token request that cannot be accepted. */
export class InvalidTokenRequest extends UserError {
  readonly code = 'INVALID_TOKEN_REQUEST';
}

// `fedcat_<12 hex id>_<43 base64url secret>`: the prefix lets secret scanners recognise a leaked token; the id finds
// the row without revealing anything; the secret carries 256 random bits.
const TOKEN = /^fedcat_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
/** How often a token's `lastUsedAt` is rewritten while it is in use. */
const TOUCH_EVERY_MS = 60_000;

const sha256 = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();

interface Row { id: string; secret_sha256: string; name: string; role: Role; org: string | null; created_at: string; last_used_at: string | null; revoked_at: string | null }

const toRecord = (r: Row): TokenRecord => ({
  id: r.id, name: r.name, role: r.role, org: r.org, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at,
});

/**
 * API tokens. A token is shown once, when created; the database keeps its SHA-256 only (a random 256-bit secret needs
 * no slow hash: there is nothing to guess from). Verification compares digests in constant time.
 */
export class TokenStore {
  constructor(private readonly control: ControlDb, private readonly audit: AuditLog) {}

  create(request: { role: Role; org?: string | null; name: string }, by: Actor, now = new Date()): { token: string; record: TokenRecord } {
    const org = request.org ?? null;
    if (request.role === 'organisation' && !org) throw new InvalidTokenRequest('an organisation token needs the organisation\'s IRI (--org)');
    if (request.role === 'admin' && org) throw new InvalidTokenRequest('an admin token acts for every organisation: give --admin or --org, not both');
    if (org && !URL.canParse(org)) throw new InvalidTokenRequest(`organisation must be an IRI, not '${org}'`);
    if (!request.name.trim()) throw new InvalidTokenRequest('give the token a name saying who uses it (--name)');
    const id = randomBytes(6).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const row: Row = { id, secret_sha256: sha256(secret).toString('hex'), name: request.name.trim(), role: request.role, org, created_at: now.toISOString(), last_used_at: null, revoked_at: null };
    this.control.write(() => {
      this.control.db.prepare('INSERT INTO tokens (id, secret_sha256, name, role, org, created_at) VALUES (@id, @secret_sha256, @name, @role, @org, @created_at)').run(row);
      this.audit.append({ actor: by, action: 'token.created', target: `token:${id}`, before: null, after: toRecord(row), at: row.created_at });
    });
    return { token: `fedcat_${id}_${secret}`, record: toRecord(row) };
  }

  /** The principal a presented token stands for; null when it is malformed, unknown or revoked. */
  verify(token: string, now = new Date()): Principal | null {
    const m = TOKEN.exec(token);
    if (!m) return null;
    const row = this.control.db.prepare('SELECT * FROM tokens WHERE id = ?').get(m[1]) as Row | undefined;
    if (!row || row.revoked_at) return null;
    if (!timingSafeEqual(Buffer.from(row.secret_sha256, 'hex'), sha256(m[2]!))) return null;
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
      this.control.db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?').run(now.toISOString(), row.id);
    }
    return { kind: 'token', tokenId: row.id, name: row.name, role: row.role, org: row.org };
  }

  list(): TokenRecord[] {
    return (this.control.db.prepare('SELECT * FROM tokens ORDER BY created_at, id').all() as Row[]).map(toRecord);
  }

  /** Revokes a token at once; requests with it fail from then on. */
  revoke(id: string, by: Actor, now = new Date()): TokenRecord {
    return this.control.write(() => {
      const row = this.control.db.prepare('SELECT * FROM tokens WHERE id = ?').get(id) as Row | undefined;
      if (!row) throw new InvalidTokenRequest(`no token with id '${id}'; see fedcat tokens list`);
      if (row.revoked_at) return toRecord(row);
      this.control.db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ?').run(now.toISOString(), id);
      const after = { ...row, revoked_at: now.toISOString() };
      this.audit.append({ actor: by, action: 'token.revoked', target: `token:${id}`, before: toRecord(row), after: toRecord(after), at: now.toISOString() });
      return toRecord(after);
    });
  }
}
