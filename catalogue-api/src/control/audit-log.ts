import type { Actor } from './actor.js';
import type { ControlDb } from './control-db.js';

/** Changes the audit log records. */
export type AuditAction =
  | 'source.created' | 'source.updated' | 'source.deleted' | 'source.imported'
  | 'harvest.requested' | 'token.created' | 'token.revoked';

/** One recorded change: who did what to which target, when, and the target before and after. */
export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: Actor;
  readonly action: AuditAction;
  /** `source:<id>` or `token:<id>`. */
  readonly target: string;
  /** Organisations the target belonged to before or after the change: whose tokens may read the entry. */
  readonly orgs: readonly string[];
  readonly before: unknown;
  readonly after: unknown;
}

export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'at' | 'orgs'> & { readonly at?: string };

/** What to read: newest first, before a sequence number, only one organisation's or one target's entries. */
export interface AuditQuery {
  readonly org?: string;
  readonly target?: string;
  readonly before?: number;
  readonly limit: number;
}

interface Row { seq: number; at: string; actor: string; action: string; target: string; orgs: string; before: string | null; after: string | null }

const orgOf = (value: unknown): string | null => {
  const org = (value as { org?: unknown } | null | undefined)?.org;
  return typeof org === 'string' ? org : null;
};

/**
 * The append-only audit log of the control plane. {@link append} is called inside the transaction that makes the
 * change, so a change and its entry are committed together or not at all.
 */
export class AuditLog {
  constructor(private readonly control: ControlDb) {}

  append(entry: NewAuditEntry): void {
    const orgs = [...new Set([orgOf(entry.before), orgOf(entry.after)].filter((o): o is string => o !== null))];
    this.control.db.prepare('INSERT INTO audit (at, actor, action, target, orgs, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      entry.at ?? new Date().toISOString(), JSON.stringify(entry.actor), entry.action, entry.target, JSON.stringify(orgs),
      entry.before === undefined ? null : JSON.stringify(entry.before), entry.after === undefined ? null : JSON.stringify(entry.after),
    );
  }

  list(query: AuditQuery): AuditEntry[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.org !== undefined) { where.push('EXISTS (SELECT 1 FROM json_each(orgs) WHERE value = ?)'); params.push(query.org); }
    if (query.target !== undefined) { where.push('target = ?'); params.push(query.target); }
    if (query.before !== undefined) { where.push('seq < ?'); params.push(query.before); }
    const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    const rows = this.control.db.prepare(sql).all(...params, query.limit) as Row[];
    return rows.map((r) => ({
      seq: r.seq, at: r.at, actor: JSON.parse(r.actor) as Actor, action: r.action as AuditAction, target: r.target,
      orgs: JSON.parse(r.orgs) as string[], before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after),
    }));
  }
}
