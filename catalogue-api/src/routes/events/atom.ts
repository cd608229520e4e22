import { escapeMarkup } from '../../http/markup.js';
import type { LoggedEvent } from '../../events/event-log.js';
import { CHANGE_WORDS, TYPE_WORDS } from '../../events/event-types.js';

/**
 * An Atom 1.0 feed (RFC 4287) of record events, newest first, in Dutch: each entry the record's page, what happened
 * ("Dataset gewijzigd: Bomenregister") and when. Its `updated` is the newest entry's time (the epoch when empty).
 */
export function atomFeed(events: readonly LoggedEvent[], baseUrl: string, source: string | null): string {
  const self = `${baseUrl}/v1/events.atom${source ? `?source=${encodeURIComponent(source)}` : ''}`;
  const updated = events[0]?.time ?? new Date(0).toISOString();
  const entries = events.map((e) => {
    const page = `${baseUrl}/${e.recordType === 'Dataset' ? 'datasets' : 'dataservices'}/${e.recordId}`;
    const title = `${TYPE_WORDS[e.recordType]} ${CHANGE_WORDS[e.change]}: ${e.title || e.iri}`;
    return `  <entry>
    <id>urn:uuid:${e.id}</id>
    <title>${escapeMarkup(title)}</title>
    <updated>${e.time}</updated>
    <link rel="alternate" type="text/html" href="${escapeMarkup(page)}"/>
    <summary>${escapeMarkup(`${title} (bron ${e.source}, volgnummer ${e.sequence})`)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
  <id>${escapeMarkup(self)}</id>
  <title>${escapeMarkup(source ? `Wijzigingen in de catalogus: bron ${source}` : 'Wijzigingen in de catalogus')}</title>
  <updated>${updated}</updated>
  <author><name>fedcat</name></author>
  <link rel="self" type="application/atom+xml" href="${escapeMarkup(self)}"/>
  <link rel="alternate" type="text/html" href="${escapeMarkup(`${baseUrl}/`)}"/>
${entries.join('\n')}
</feed>
`;
}
