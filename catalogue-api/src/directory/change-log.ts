import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../files/write-atomic.js';

/** One change of a resolution answer, as gateways' caches learn of it. */
export interface ResolutionChange {
  /** Position in the log: ask for changes `since` the last one you saw. */
  readonly seq: number;
  readonly at: string;
  /** The data service's record id and IRI. */
  readonly service: string;
  readonly iri: string;
  readonly change: 'added' | 'changed' | 'removed';
  /** The ETag of its resolution answer now; null when removed. */
  readonly etag: string | null;
}

interface Persisted {
  readonly seq: number;
  readonly etags: Record<string, { iri: string; etag: string }>;
  readonly changes: ResolutionChange[];
}

/**
 * The changes of resolution answers, newest last, and what each service's answer was after the last build (its
 * ETag), so a build compares against it, also after a restart: the file in the data directory carries both. Keeps the
 * last `capacity` changes; a client further behind must read everything again (see {@link tooOld}).
 */
export class ChangeLog {
  private seq = 0;
  private etags = new Map<string, { iri: string; etag: string }>();
  private changes: ResolutionChange[] = [];
  private readonly listeners = new Set<(changes: readonly ResolutionChange[]) => void>();

  constructor(private readonly path: string | null, private readonly capacity = 10_000) {}

  async load(): Promise<void> {
    if (!this.path) return;
    try {
      const saved = JSON.parse(await readFile(this.path, 'utf8')) as Persisted;
      this.seq = saved.seq;
      this.etags = new Map(Object.entries(saved.etags));
      this.changes = saved.changes;
    } catch {
      // no log yet, or an unreadable one: start afresh (the first build records every service as added)
    }
  }

  /** The sequence number of the newest change (0 when none). */
  head(): number {
    return this.seq;
  }

  /** True when changes after `since` were already dropped: the client must read everything again. */
  tooOld(since: number): boolean {
    const oldest = this.changes[0]?.seq ?? this.seq + 1;
    return since < oldest - 1 && since < this.seq;
  }

  /** Changes after `since`, at most `limit`, oldest first. */
  since(since: number, limit: number): ResolutionChange[] {
    const start = this.changes.findIndex((c) => c.seq > since);
    return start < 0 ? [] : this.changes.slice(start, start + limit);
  }

  /** Calls `listener` with each batch of new changes; returns the unsubscribe function. */
  subscribe(listener: (changes: readonly ResolutionChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Compares a build's answers (service id → IRI and ETag) with the last build's, records the differences as changes
   * and tells subscribers. Returns the new changes.
   */
  async record(current: ReadonlyMap<string, { iri: string; etag: string }>, at: Date): Promise<ResolutionChange[]> {
    const fresh: ResolutionChange[] = [];
    const stamp = at.toISOString();
    for (const [service, now] of current) {
      const before = this.etags.get(service);
      if (before?.etag === now.etag) continue;
      fresh.push({ seq: ++this.seq, at: stamp, service, iri: now.iri, change: before ? 'changed' : 'added', etag: now.etag });
    }
    for (const [service, before] of this.etags) {
      if (!current.has(service)) fresh.push({ seq: ++this.seq, at: stamp, service, iri: before.iri, change: 'removed', etag: null });
    }
    if (fresh.length === 0) return fresh;
    this.etags = new Map(current);
    this.changes.push(...fresh);
    if (this.changes.length > this.capacity) this.changes = this.changes.slice(-this.capacity);
    if (this.path) {
      const saved: Persisted = { seq: this.seq, etags: Object.fromEntries(this.etags), changes: this.changes };
      await writeFileAtomic(this.path, JSON.stringify(saved));
    }
    for (const listener of this.listeners) listener(fresh);
    return fresh;
  }
}
