import { CloudEvent } from 'cloudevents';
import { EVENT_TYPES } from './event-types.js';
import type { LoggedEvent } from './event-log.js';

/** What every event of this fedcat says of where it comes from. */
export interface EventOrigin {
  /** `urn:nld:oin:<the operator's OIN>:systeem:fedcat`: the NL GOV profile's form, never a data location. */
  readonly source: string;
  /** Public base URL: `dataref` is the record's REST URL under it. */
  readonly baseUrl: string;
}

/** The NL GOV profile's source for an operator's OIN. */
export function eventSource(oin: string): string {
  return `urn:nld:oin:${oin}:systeem:fedcat`;
}

/**
 * A logged event as a CloudEvent (spec 1.0, NL GOV profile 1.1), built and validated by the official SDK: `id`,
 * `source`, reverse-DNS versioned `type`, `time` (when fedcat logged it), `subject` the record IRI, `dataref` its REST
 * URL, `sequence`/`sequencetype` Integer for gap detection, and small JSON `data` without personal data.
 */
export function toCloudEvent(e: LoggedEvent, origin: EventOrigin): CloudEvent<Record<string, unknown>> {
  const kind = e.recordType === 'Dataset' ? 'datasets' : 'dataservices';
  const event = new CloudEvent<Record<string, unknown>>({
    specversion: '1.0', id: e.id, source: origin.source, type: EVENT_TYPES[e.recordType][e.change], time: e.time,
    subject: e.iri, datacontenttype: 'application/json',
    dataref: `${origin.baseUrl}/v1/${kind}/${e.recordId}`, sequence: String(e.sequence), sequencetype: 'Integer',
    data: { change: e.change, record: e.iri, recordType: e.recordType, id: e.recordId, title: e.title, source: e.source, etag: e.etag, previousEtag: e.previousEtag },
  }, true);
  event.validate();
  return event;
}
