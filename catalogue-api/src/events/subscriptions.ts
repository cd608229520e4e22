import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { ControlDb } from '../control/control-db.js';
import type { Filter } from './subscription-filter.js';

/** A webhook subscription (the CloudEvents Subscriptions API's object, protocol HTTP) and its delivery state. */
export interface Subscription {
  readonly id: string;
  /** Who made it: an organisation's IRI, or null for an admin token. */
  readonly owner: string | null;
  readonly types: readonly string[];
  readonly filters: readonly Filter[];
  readonly sink: string;
  readonly protocol: 'HTTP';
  readonly createdAt: string;
  /** Delivery: the last sequence delivered, whether the handshake passed, and what went wrong last. */
  readonly delivered: number;
  readonly handshake: boolean;
  readonly state: 'active' | 'ended';
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
}

interface Row {
  id: string; owner: string | null; body: string; secret: string; created_at: string; delivered: number; handshake: number;
  state: Subscription['state']; attempts: number; next_attempt_at: string | null; last_error: string | null;
}
const fromRow = (r: Row): Subscription & { readonly secret: string } => {
  const body = JSON.parse(r.body) as { types: string[]; filters: Filter[]; sink: string };
  return {
    id: r.id, owner: r.owner, ...body, protocol: 'HTTP', createdAt: r.created_at, delivered: r.delivered, handshake: r.handshake === 1,
    state: r.state, attempts: r.attempts, nextAttemptAt: r.next_attempt_at, lastError: r.last_error, secret: r.secret,
  };
};

/** The Standard Webhooks signature of a delivery: `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`. */
export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** Webhook subscriptions in the control plane's database, with where each one's delivery stands. */
export class Subscriptions {
  constructor(private readonly control: ControlDb) {}

  /** Registers one; the secret it signs deliveries with is returned here only. Delivery starts after the newest event. */
  create(owner: string | null, s: { types: readonly string[]; filters: readonly Filter[]; sink: string }, after: number, now = new Date()): Subscription & { readonly secret: string } {
    const id = randomUUID();
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    this.control.write(() => this.control.db.prepare(`INSERT INTO subscriptions (id, owner, body, secret, created_at, delivered, handshake, state, attempts)
      VALUES (?, ?, ?, ?, ?, ?, 0, 'active', 0)`).run(id, owner, JSON.stringify({ types: s.types, filters: s.filters, sink: s.sink }), secret, now.toISOString(), after));
    return this.get(id)!;
  }

  get(id: string): (Subscription & { readonly secret: string }) | null {
    const row = this.control.db.prepare('SELECT * FROM subscriptions WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** An owner's subscriptions (every one for null: an admin). */
  list(owner: string | null | 'all'): Subscription[] {
    const rows = (owner === 'all' ? this.control.db.prepare('SELECT * FROM subscriptions ORDER BY created_at').all()
      : this.control.db.prepare('SELECT * FROM subscriptions WHERE owner IS ? ORDER BY created_at').all(owner)) as Row[];
    return rows.map(fromRow);
  }

  /** The active ones, due for delivery now. */
  due(now: Date): (Subscription & { readonly secret: string })[] {
    return (this.control.db.prepare("SELECT * FROM subscriptions WHERE state = 'active' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)").all(now.toISOString()) as Row[]).map(fromRow);
  }

  delete(id: string): boolean {
    return this.control.write(() => this.control.db.prepare('DELETE FROM subscriptions WHERE id = ?').run(id).changes > 0);
  }

  /** Records a delivered event (or one the filters passed over): the cursor moves, the error and retry count clear. */
  delivered(id: string, sequence: number): void {
    this.control.write(() => this.control.db.prepare('UPDATE subscriptions SET delivered = max(delivered, ?), attempts = 0, next_attempt_at = NULL, last_error = NULL WHERE id = ?').run(sequence, id));
  }

  handshakeDone(id: string): void {
    this.control.write(() => this.control.db.prepare('UPDATE subscriptions SET handshake = 1 WHERE id = ?').run(id));
  }

  /** Records a failed attempt and when to try again. */
  failed(id: string, error: string, retryAt: Date): void {
    this.control.write(() => this.control.db.prepare('UPDATE subscriptions SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?').run(retryAt.toISOString(), error, id));
  }

  /** Ends a subscription (its sink answered 410 Gone, or retries ran out). */
  end(id: string, why: string): void {
    this.control.write(() => this.control.db.prepare("UPDATE subscriptions SET state = 'ended', last_error = ? WHERE id = ?").run(why, id));
  }
}
