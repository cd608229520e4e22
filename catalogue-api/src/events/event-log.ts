import type { ControlDb } from '../control/control-db.js';
import type { PendingEvent } from './record-events.js';

/** A published event: its pending part and the sequence it got when its change committed. */
export interface LoggedEvent extends PendingEvent {
  readonly sequence: number;
}

/** What a reader of the event log asks for. */
export interface EventQuery {
  readonly after: number;
  readonly limit: number;
  /** Only events of these kinds (a `type` filter, read through EVENT_TYPES); all when absent. */
  readonly kinds?: readonly { readonly recordType: PendingEvent['recordType']; readonly change: PendingEvent['change'] }[];
  readonly subject?: string;
}

interface Row {
  seq: number; id: string; time: string; record_type: PendingEvent['recordType']; change: PendingEvent['change'];
  iri: string; record_id: string; title: string; source: string; etag: string | null; previous_etag: string | null;
}
const fromRow = (r: Row): LoggedEvent => ({
  sequence: r.seq, id: r.id, time: r.time, recordType: r.record_type, change: r.change, iri: r.iri, recordId: r.record_id, title: r.title, source: r.source, etag: r.etag, previousEtag: r.previous_etag,
});

/**
 * The durable outbox and event log, in the control plane's database. A harvest writes its events as pending, tagged
 * with its run, before it publishes; once the change is in the store it commits them: in one transaction they get the
 * next sequence numbers, in order, so the log has no gaps and never an event of a change that did not happen. A
 * process that died in between leaves pending events that {@link recover} commits (the store holds the run's graph)
 * or drops (it does not).
 */
export class EventLog {
  constructor(private readonly control: ControlDb, private readonly now: () => number = Date.now) {}

  /** Logs a run's events as pending (nothing reads them yet). */
  addPending(run: string, events: readonly PendingEvent[]): void {
    const insert = this.control.db.prepare(`INSERT OR IGNORE INTO event_outbox (id, run, time, record_type, change, iri, record_id, title, source, etag, previous_etag)
      VALUES (@id, @run, @time, @recordType, @change, @iri, @recordId, @title, @source, @etag, @previousEtag)`);
    this.control.write(() => { for (const e of events) insert.run({ ...e, run }); });
  }

  /** Publishes a run's pending events: each gets the next sequence number, in the order they were logged. */
  commit(run: string): number {
    return this.control.write(() => {
      const moved = this.control.db.prepare(`INSERT INTO events (id, time, record_type, change, iri, record_id, title, source, etag, previous_etag)
        SELECT id, time, record_type, change, iri, record_id, title, source, etag, previous_etag FROM event_outbox WHERE run = ? ORDER BY rowid`).run(run).changes;
      this.control.db.prepare('DELETE FROM event_outbox WHERE run = ?').run(run);
      return moved;
    });
  }

  /** Drops a run's pending events (its change did not happen). */
  discard(run: string): void {
    this.control.write(() => this.control.db.prepare('DELETE FROM event_outbox WHERE run = ?').run(run));
  }

  /**
   * After a crash, for one source: pending events of the run whose graph the store holds are committed (their change
   * happened), those of any other run dropped. Call it where no harvest of the source runs (its claim held).
   */
  recover(source: string, runInStore: string | null): void {
    const runs = this.control.db.prepare('SELECT DISTINCT run FROM event_outbox WHERE source = ?').pluck().all(source) as string[];
    for (const run of runs) {
      if (run === runInStore) this.commit(run);
      else this.discard(run);
    }
  }

  /** Sources with pending events (what a start-up recovery looks at). */
  pendingSources(): string[] {
    return this.control.db.prepare('SELECT DISTINCT source FROM event_outbox ORDER BY source').pluck().all() as string[];
  }

  /** Events after a sequence number, in order, at most `limit`, of the types and subject asked for. */
  read(q: EventQuery): LoggedEvent[] {
    const where = ['seq > ?'];
    const params: (string | number)[] = [q.after];
    if (q.kinds && q.kinds.length > 0) {
      where.push(`(${q.kinds.map(() => '(record_type = ? AND change = ?)').join(' OR ')})`);
      params.push(...q.kinds.flatMap((k) => [k.recordType, k.change]));
    }
    if (q.subject) { where.push('iri = ?'); params.push(q.subject); }
    const rows = this.control.db.prepare(`SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`).all(...params, q.limit) as Row[];
    return rows.map(fromRow);
  }

  /** The last events, newest first (the Atom feed). */
  latest(limit: number, source?: readonly string[]): LoggedEvent[] {
    const rows = (source
      ? this.control.db.prepare(`SELECT * FROM events WHERE source IN (${source.map(() => '?').join(',')}) ORDER BY seq DESC LIMIT ?`).all(...source, limit)
      : this.control.db.prepare('SELECT * FROM events ORDER BY seq DESC LIMIT ?').all(limit)) as Row[];
    return rows.map(fromRow);
  }

  /** The lowest sequence number still kept, and the highest given (0 when none). */
  bounds(): { readonly oldest: number | null; readonly newest: number } {
    const r = this.control.db.prepare('SELECT min(seq) AS oldest, max(seq) AS newest FROM events').get() as { oldest: number | null; newest: number | null };
    const given = this.control.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").pluck().get() as number | undefined;
    return { oldest: r.oldest, newest: r.newest ?? given ?? 0 };
  }

  /** How far a named reader (a NATS stream) has published: the last sequence it acknowledged, 0 when none. */
  cursor(name: string): number {
    return (this.control.db.prepare('SELECT seq FROM event_cursors WHERE name = ?').pluck().get(name) as number | undefined) ?? 0;
  }

  /** Moves a named reader's cursor on (never back). */
  advance(name: string, seq: number): void {
    this.control.write(() => this.control.db.prepare(`INSERT INTO event_cursors (name, seq) VALUES (?, ?)
      ON CONFLICT (name) DO UPDATE SET seq = max(seq, excluded.seq)`).run(name, seq));
  }

  /** Forgets events logged longer than `keepMs` ago (the newest is always kept, so the sequence goes on). */
  prune(keepMs: number): number {
    const cutoff = new Date(this.now() - keepMs).toISOString();
    return this.control.write(() => this.control.db.prepare('DELETE FROM events WHERE time < ? AND seq < (SELECT max(seq) FROM events)').run(cutoff).changes);
  }
}
