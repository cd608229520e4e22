import type { FastifyReply, FastifyRequest } from 'fastify';
import { describeRecords, type QuadStore, type RecordType, type SearchIndex } from '@fedcat/catalogue';
import { jsonLdScript, schemaOrgDataset, schemaOrgWebApi } from '../../web/schema-org.js';
import { escapeMarkup } from '../../http/markup.js';
import { pageShell } from './page-shell.js';

export interface RecordPageOptions {
  readonly root: string;
  readonly search: SearchIndex;
  readonly store: QuadStore;
  readonly baseUrl: string;
  readonly genidBase: string;
}


/**
 * The page shell of a record (`/datasets/{id}`, `/dataservices/{id}`) with what a crawler reads before any script
 * runs: the record's title as the page title and its schema.org description (`Dataset`, `WebAPI`) as JSON-LD. An
 * unknown record or a store still loading gets the plain shell; the UI says the rest.
 */
export function recordPage(type: RecordType, opts: RecordPageOptions) {
  const shell = pageShell(opts.root);
  return async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    let html = await shell();
    const doc = /^[0-9a-f]{16}$/.test(request.params.id) ? await opts.search.get(request.params.id) : null;
    if (doc && doc.type === type && !doc.iri.startsWith('_:') && opts.store.state().status === 'ready') {
      const page = `${opts.baseUrl}/${type === 'Dataset' ? 'datasets' : 'dataservices'}/${doc.id}`;
      const quads = await describeRecords(opts.store, [doc], opts.genidBase, { agents: true });
      const description = type === 'Dataset' ? schemaOrgDataset(quads, doc.iri, page) : schemaOrgWebApi(quads, doc.iri, page);
      html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeMarkup(doc.title || doc.iri)} – fedcat</title>`)
        .replace('</head>', `  ${jsonLdScript(description)}\n  <link rel="canonical" href="${escapeMarkup(page)}">\n</head>`);
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  };
}
