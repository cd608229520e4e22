import { createHash, randomUUID } from 'node:crypto';
import type { CatalogueDocument, RecordType } from '@fedcat/catalogue';
import type { RecordChange } from './event-types.js';

/** An event about to be published: everything but its sequence, which it gets when its change commits. */
export interface PendingEvent {
  /** UUID, kept through every delivery of it. */
  readonly id: string;
  /** When the event was logged (the profile asks that `time` be documented: this is it). */
  readonly time: string;
  readonly recordType: RecordType;
  readonly change: RecordChange;
  /** The record's IRI (the event's `subject`). */
  readonly iri: string;
  /** The record's id (its REST URL, the event's `dataref`, is made of it). */
  readonly recordId: string;
  readonly title: string;
  /** The source (harvest registration) the record is in. */
  readonly source: string;
  /** A strong ETag of the record's new indexed document; null for a retired record. */
  readonly etag: string | null;
  /** The ETag it had before (null for a new record): a consumer, and a test, can chain a record's events by it. */
  readonly previousEtag: string | null;
}

/** A weak-free entity tag of a document's content (what changes when its listing would). */
export function documentTag(doc: CatalogueDocument): string {
  return `"${createHash('sha256').update(JSON.stringify({ ...doc, harvestedAt: undefined })).digest('base64url').slice(0, 27)}"`;
}

/**
 * The events a source's change makes (pure but for ids and time): a record in `upsert` that the source held before
 * is updated, one it did not is created; a record in `remove` is retired. `before` gives the source's documents as
 * they were (by id), what tells created from updated and what a retired record was.
 */
export function recordEvents(
  source: string, upsert: readonly CatalogueDocument[], remove: readonly string[], before: ReadonlyMap<string, CatalogueDocument>,
  now: () => string = () => new Date().toISOString(), uuid: () => string = randomUUID,
): PendingEvent[] {
  const time = now();
  const out: PendingEvent[] = [];
  for (const doc of upsert) {
    const was = before.get(doc.id);
    const [etag, previousEtag] = [documentTag(doc), was ? documentTag(was) : null];
    if (etag === previousEtag) continue;
    out.push({ id: uuid(), time, recordType: doc.type, change: was ? 'updated' : 'created', iri: doc.iri, recordId: doc.id, title: doc.title, source, etag, previousEtag });
  }
  for (const id of remove) {
    const was = before.get(id);
    if (!was) continue;
    out.push({ id: uuid(), time, recordType: was.type, change: 'retired', iri: was.iri, recordId: id, title: was.title, source, etag: null, previousEtag: documentTag(was) });
  }
  return out;
}
