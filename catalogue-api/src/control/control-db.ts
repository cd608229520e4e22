import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Schema versions, applied in order; `PRAGMA user_version` says how many have run. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sources (id TEXT PRIMARY KEY, org TEXT, body TEXT NOT NULL);
   CREATE TABLE tokens (id TEXT PRIMARY KEY, secret_sha256 TEXT NOT NULL, name TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('admin', 'organisation')), org TEXT,
     created_at TEXT NOT NULL, last_used_at TEXT, revoked_at TEXT,
     CHECK ((role = 'admin') = (org IS NULL)));
   CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
     action TEXT NOT NULL, target TEXT NOT NULL, orgs TEXT NOT NULL, before TEXT, after TEXT);
   CREATE INDEX audit_target ON audit (target, seq);`,
  // Settings a data directory keeps, such as the base URL its IRIs were first minted under.
  `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // Change events: the outbox a harvest writes before it publishes (by run), and the log they move to, in sequence,
  // once the change is in the store (events/event-log.ts).
  `CREATE TABLE event_outbox (id TEXT PRIMARY KEY, run TEXT NOT NULL, time TEXT NOT NULL, record_type TEXT NOT NULL, change TEXT NOT NULL,
     iri TEXT NOT NULL, record_id TEXT NOT NULL, title TEXT NOT NULL, source TEXT NOT NULL, etag TEXT, previous_etag TEXT);
   CREATE INDEX event_outbox_run ON event_outbox (run);
   CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, time TEXT NOT NULL, record_type TEXT NOT NULL,
     change TEXT NOT NULL, iri TEXT NOT NULL, record_id TEXT NOT NULL, title TEXT NOT NULL, source TEXT NOT NULL, etag TEXT, previous_etag TEXT);
   CREATE INDEX events_iri ON events (iri, seq);
   CREATE INDEX events_time ON events (time);`,
  // Webhook subscriptions to those events and where each one's delivery stands (events/subscriptions.ts).
  `CREATE TABLE subscriptions (id TEXT PRIMARY KEY, owner TEXT, body TEXT NOT NULL, secret TEXT NOT NULL, created_at TEXT NOT NULL,
     delivered INTEGER NOT NULL, handshake INTEGER NOT NULL, state TEXT NOT NULL CHECK (state IN ('active', 'ended')),
     attempts INTEGER NOT NULL, next_attempt_at TEXT, last_error TEXT);
   CREATE TABLE event_cursors (name TEXT PRIMARY KEY, seq INTEGER NOT NULL);`,
];

/**
 * The control plane's database: registered sources, API tokens and the audit log, in `<dataDir>/control.sqlite`
 * (SQLite via better-sqlite3). WAL with full fsync on commit: a change that was answered survives a crash or power
 * loss, and processes sharing the data directory (server, CLI, scheduled harvests) see each other's commits at once.
 */
export class ControlDb {
  readonly db: Database.Database;
  /** True when this open created the schema (a new or pre-database data directory). */
  readonly created: boolean;

  constructor(dataDir: string) {
    if (dataDir !== ':memory:') mkdirSync(dataDir, { recursive: true });
    this.db = new Database(dataDir === ':memory:' ? ':memory:' : join(dataDir, 'control.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.created = this.migrate();
  }

  private migrate(): boolean {
    // IMMEDIATE: two processes opening a new data directory at once migrate it once.
    return this.db.transaction(() => {
      const version = this.db.pragma('user_version', { simple: true }) as number;
      for (let v = version; v < MIGRATIONS.length; v++) this.db.exec(MIGRATIONS[v]!);
      this.db.pragma(`user_version = ${MIGRATIONS.length}`);
      return version === 0;
    }).immediate();
  }

  /** Runs `fn` in one write transaction (taken at once, so concurrent writers queue instead of failing). */
  write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
