import type { FastifyRequest } from 'fastify';
import { describeRecords, type QuadStore, type RecordType, type SearchIndex } from '@fedcat/catalogue';
import { jsonLdScript, schemaOrgDataset, schemaOrgWebApi } from '../../web/schema-org.js';
import { escapeMarkup } from '../../http/markup.js';

export interface RecordPageOptions {
  readonly search: SearchIndex;
  readonly store: QuadStore;
  readonly baseUrl: string;
  readonly genidBase: string;
}

/** What a record page adds to the page's head: its title, and markup (schema.org JSON-LD, canonical link). */
export interface PageHead {
  readonly title: string;
  readonly markup: string;
}

/**
 * What a crawler reads in the head of a record page (`/datasets/{id}`, `/dataservices/{id}`): the record's title and
 * its schema.org description (`Dataset`, `WebAPI`) as JSON-LD, with the page's canonical URL. Null for an unknown
 * record, a record without an IRI of its own, or a store still loading.
 */
export function recordHead(type: RecordType, opts: RecordPageOptions) {
  return async (request: FastifyRequest): Promise<PageHead | null> => {
    const id = (request.params as { id?: string }).id ?? '';
    const doc = /^[0-9a-f]{16}$/.test(id) ? await opts.search.get(id) : null;
    if (!doc || doc.type !== type || doc.iri.startsWith('_:') || opts.store.state().status !== 'ready') return null;
    const page = `${opts.baseUrl}/${type === 'Dataset' ? 'datasets' : 'dataservices'}/${doc.id}`;
    const quads = await describeRecords(opts.store, [doc], opts.genidBase, { agents: true });
    const description = type === 'Dataset' ? schemaOrgDataset(quads, doc.iri, page) : schemaOrgWebApi(quads, doc.iri, page);
    return { title: `${doc.title || doc.iri} – fedcat`, markup: `${jsonLdScript(description)}\n  <link rel="canonical" href="${escapeMarkup(page)}">` };
  };
}
