import type { RecordType } from '@fedcat/catalogue';

/** What happened to a record, as its event says it (`data.change`). */
export type RecordChange = 'created' | 'updated' | 'retired';

/**
 * Every CloudEvent type fedcat publishes: reverse-DNS after the data (the federated data system's catalogue), then
 * the kind of record, then what happened, in Dutch as the NL GOV profile's examples are, versioned. The one table.
 */
export const EVENT_TYPES = {
  Dataset: { created: 'nl.fds.catalogus.dataset.aangemaakt.v1', updated: 'nl.fds.catalogus.dataset.gewijzigd.v1', retired: 'nl.fds.catalogus.dataset.ingetrokken.v1' },
  DataService: { created: 'nl.fds.catalogus.dataservice.aangemaakt.v1', updated: 'nl.fds.catalogus.dataservice.gewijzigd.v1', retired: 'nl.fds.catalogus.dataservice.ingetrokken.v1' },
} as const satisfies Record<RecordType, Record<RecordChange, string>>;

export type EventType = (typeof EVENT_TYPES)[RecordType][RecordChange];

/** Every type, for documentation and for checking a `type` filter. */
export const ALL_EVENT_TYPES: readonly EventType[] = Object.values(EVENT_TYPES).flatMap((t) => Object.values(t));

/** Dutch words for the Atom feed's titles. */
export const CHANGE_WORDS: Record<RecordChange, string> = { created: 'nieuw', updated: 'gewijzigd', retired: 'ingetrokken' };
export const TYPE_WORDS: Record<RecordType, string> = { Dataset: 'Dataset', DataService: 'API' };
