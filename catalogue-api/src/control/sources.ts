import { existsSync, readFileSync, renameSync } from 'node:fs';
import type { Source } from '@fedcat/catalogue';
import { UserError } from '../user-error.js';
import { SYSTEM_ACTOR, type Actor } from './actor.js';
import type { AuditLog } from './audit-log.js';
import type { ControlDb } from './control-db.js';
import { InvalidSource, resolveSource, sourceIdOf, type SourceInput } from './source-input.js';

export { InvalidSource, type SourceInput } from './source-input.js';

/** Thrown when a new source's id is taken. */
export class SourceExists extends UserError {
  readonly code = 'SOURCE_EXISTS';
  constructor(readonly id: string) {
    super(`a source with id '${id}' exists; change it instead, or choose another id`);
  }
}

/** Thrown for a change to a source that is not registered. */
export class UnknownSource extends UserError {
  readonly code = 'UNKNOWN_SOURCE';
  constructor(readonly id: string) {
    super(`no source with id '${id}'`);
  }
}

/** A check run inside a change's transaction on the source as it is then (e.g. that the caller owns it); throws to refuse. */
export type SourceGuard = (existing: Source) => void;

const target = (id: string) => `source:${id}`;
const same = (a: Source, b: Source) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The registered sources, in the control database. Every change is one transaction together with its audit entry,
 * and reads are fresh, so the CLI, scheduled harvests and a running server share them without restart.
 */
export class SourceRegistry {
  constructor(private readonly control: ControlDb, private readonly audit: AuditLog) {}

  private read(id: string): Source | undefined {
    const row = this.control.db.prepare('SELECT body FROM sources WHERE id = ?').get(id) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as Source) : undefined;
  }

  private save(source: Source): void {
    this.control.db.prepare('INSERT INTO sources (id, org, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET org = excluded.org, body = excluded.body')
      .run(source.id, source.org, JSON.stringify(source));
  }

  /** Sources in the order they were registered. */
  async list(): Promise<Source[]> {
    return (this.control.db.prepare('SELECT body FROM sources ORDER BY rowid').all() as { body: string }[]).map((r) => JSON.parse(r.body) as Source);
  }

  async get(id: string): Promise<Source | undefined> {
    return this.read(id);
  }

  /** Registers a new source; {@link SourceExists} when its id is taken. */
  async create(input: SourceInput, by: Actor, now = new Date()): Promise<Source> {
    return this.control.write(() => this.createNow(input, by, now));
  }

  /** Changes a registered source (fields not given keep their value); {@link UnknownSource} when there is none. */
  async update(id: string, input: SourceInput, by: Actor, guard?: SourceGuard, now = new Date()): Promise<Source> {
    return this.control.write(() => this.updateNow(id, input, by, guard, now));
  }

  /** Adds a source, or updates the source with the same id (what `fedcat sources add` does). */
  async upsert(input: SourceInput, by: Actor = SYSTEM_ACTOR, now = new Date()): Promise<Source> {
    return this.control.write(() => {
      const id = sourceIdOf(input);
      return this.read(id) ? this.updateNow(id, input, by, undefined, now) : this.createNow({ ...input, id }, by, now);
    });
  }

  private createNow(input: SourceInput, by: Actor, now: Date): Source {
    const id = sourceIdOf(input);
    if (this.read(id)) throw new SourceExists(id);
    const source = resolveSource({ ...input, id }, undefined, now);
    this.save(source);
    this.audit.append({ actor: by, action: 'source.created', target: target(id), before: null, after: source, at: now.toISOString() });
    return source;
  }

  private updateNow(id: string, input: SourceInput, by: Actor, guard: SourceGuard | undefined, now: Date): Source {
    const existing = this.read(id);
    if (!existing) throw new UnknownSource(id);
    guard?.(existing);
    if (input.id !== undefined && input.id !== id) throw new InvalidSource(`a source's id cannot change (${id} → ${input.id}); register a new source instead`);
    const source = resolveSource(input, existing, now);
    if (same(source, existing)) return existing;
    this.save(source);
    this.audit.append({ actor: by, action: 'source.updated', target: target(id), before: existing, after: source, at: now.toISOString() });
    return source;
  }

  /** Unregisters a source; its data is dropped by the caller (see `dropSourceData`). */
  async remove(id: string, by: Actor, guard?: SourceGuard, now = new Date()): Promise<Source> {
    return this.control.write(() => {
      const existing = this.read(id);
      if (!existing) throw new UnknownSource(id);
      guard?.(existing);
      this.control.db.prepare('DELETE FROM sources WHERE id = ?').run(id);
      this.audit.append({ actor: by, action: 'source.deleted', target: target(id), before: existing, after: null, at: now.toISOString() });
      return existing;
    });
  }

  /** Records that a harvest of a source was asked for (by the API), in the audit log. */
  harvestRequested(source: Source, by: Actor, now = new Date()): void {
    this.control.write(() => this.audit.append({ actor: by, action: 'harvest.requested', target: target(source.id), before: null, after: { org: source.org }, at: now.toISOString() }));
  }

  /**
   * Takes over the sources of a data directory from before the control database (`sources.json`), once: each
   * becomes a row with an audit entry, and the file is renamed to `sources.json.imported`.
   */
  importJsonFile(path: string): number {
    if (!existsSync(path)) return 0;
    const { sources } = JSON.parse(readFileSync(path, 'utf8')) as { sources: Source[] };
    const imported = this.control.write(() => {
      let n = 0;
      for (const source of sources) {
        if (this.read(source.id)) continue;
        this.save(source);
        this.audit.append({ actor: SYSTEM_ACTOR, action: 'source.imported', target: target(source.id), before: null, after: source });
        n++;
      }
      return n;
    });
    try { renameSync(path, `${path}.imported`); } catch { /* another process took it over at the same moment */ }
    return imported;
  }
}
