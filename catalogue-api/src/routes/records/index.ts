import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { describeRecords, recordId, StoreUnavailable, type QuadStore, type RecordType, type SearchIndex } from '@fedcat/catalogue';
import type { ResolutionIndex } from '../../directory/resolution-index.js';
import { paths } from '../../directory/resolution-json.js';
import { RECORD_KIND, RecordNotFound, NotAcceptable } from '../../http/errors.js';
import { negotiate } from '../../http/negotiation.js';
import { serialiseGraph } from '../../rdf/serialise.js';
import { FORMAT_ALIASES, GRAPH_TYPES } from '../../rdf/formats.js';
import { problemResponses, textResponse } from '../../schemas/common.js';
import { SearchQuery, SearchResult } from '../../schemas/records.js';
import { searchRequestFromQuery } from '../../search/request-from-query.js';
import { setPagingHeaders } from '../paging.js';
import { toSearchResult } from '../search/index.js';

export interface RecordRouteOptions {
  readonly search: SearchIndex; readonly store: QuadStore; readonly type: RecordType; readonly directory?: ResolutionIndex;
  /** Base of fedcat's skolem IRIs: such nodes belong to the record's description. */
  readonly genidBase?: string;
}

const OFFERS = ['application/json', ...GRAPH_TYPES];
/** The RDF syntaxes a record downloads as (`?format=`), with their file extensions. */
const RECORD_FORMATS = ['turtle', 'jsonld', 'rdfxml', 'ntriples'] as const;
const FILE_EXTENSION: Record<(typeof RECORD_FORMATS)[number], string> = { turtle: 'ttl', jsonld: 'jsonld', rdfxml: 'rdf', ntriples: 'nt' };

/** The datasets a data service serves (`dcat:servesDataset`) as the index knows them; IRIs it does not hold, with no id. */
async function servedDatasets(search: SearchIndex, iris: readonly string[]) {
  return Promise.all(iris.map(async (iri) => {
    const found = await search.get(recordId(iri));
    return found ? { iri, id: found.id, title: found.title } : { iri, id: null, title: null };
  }));
}

/**
 * `GET /v1/datasets` and `/v1/dataservices` (listing from the search index) and `/{id}` (JSON from the
 * index, with possible duplicates in other sources and, for a data service, the service directory's view; Turtle, JSON-LD, N-Triples or RDF/XML from the store, by `Accept`).
 */
const records: FastifyPluginAsyncTypebox<RecordRouteOptions> = async (app, { search, store, type, directory, genidBase }) => {
  const tag = type === 'Dataset' ? 'datasets' : 'dataservices';
  app.get('/', {
    schema: { summary: `List ${tag}`, tags: [tag], querystring: SearchQuery, response: { 200: SearchResult, ...problemResponses } },
  }, async (request, reply) => {
    const result = toSearchResult(await search.search(searchRequestFromQuery(request.query, type)));
    setPagingHeaders(request, reply, result.page, result.pageSize, result.total);
    return result;
  });

  app.get('/:id', {
    schema: {
      summary: `One ${type}, as JSON or RDF`, tags: [tag],
      params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$', description: 'Record id (16 hex characters)' }) }),
      querystring: Type.Object({
        format: Type.Optional(Type.Union(RECORD_FORMATS.map((f) => Type.Literal(f)), { description: 'turtle, jsonld, rdfxml or ntriples: the RDF description, whatever Accept says (what a download link asks for)' })),
      }),
      response: {
        200: { description: 'The record: JSON from the index, or its RDF description from the store',
          content: { 'application/json': { schema: Type.Ref('CatalogueRecordDetail') }, ...textResponse(GRAPH_TYPES, '').content } },
        ...problemResponses,
      },
    },
  }, async (request, reply) => {
    const doc = await search.get(request.params.id);
    if (!doc || doc.type !== type) throw new RecordNotFound(RECORD_KIND[type], request.params.id);
    const mediaType = request.query.format ? FORMAT_ALIASES[request.query.format]! : negotiate(request.headers.accept, OFFERS);
    if (!mediaType) throw new NotAcceptable(OFFERS.join(', '));
    reply.header('vary', 'Accept');
    if (mediaType === 'application/json') {
      const duplicates = await search.possibleDuplicates(doc.id);
      // A data service's API description, FSC coordinates and PDPs, as the service directory holds them.
      const view = type === 'DataService' && directory && !doc.iri.startsWith('_:')
        ? (store.state().status === 'ready' ? await directory.describe(doc.iri) : directory.get(doc.id)?.view)
        : undefined;
      const served = view ? await servedDatasets(search, view.servesDatasets) : [];
      return {
        ...doc,
        ...(view ? { api: view.api, fsc: view.fsc, policyDecisionPoints: view.pdps, servesDatasets: served, tryIt: view.tryIt } : {}),
        ...(doc.iri.startsWith('_:') ? {} : { accessConditions: type === 'Dataset' ? `/v1/datasets/${doc.id}/access-conditions` : paths.accessConditions(doc.id) }),
        possibleDuplicates: duplicates.map(({ document: d, sharedKeys }) => ({ id: d.id, iri: d.iri, type: d.type, title: d.title, source: d.source, publisherName: d.publisherName, sharedKeys })),
      };
    }
    if (doc.iri.startsWith('_:')) throw new NotAcceptable('application/json (this record has no IRI of its own)');
    if (store.state().status !== 'ready') throw new StoreUnavailable('still loading; JSON is available now');
    // The record with its publisher and contact point: a DCAT-AP-NL description on its own.
    const quads = await describeRecords(store, [doc], genidBase, { agents: true });
    if (request.query.format) reply.header('content-disposition', `attachment; filename="${doc.id}.${FILE_EXTENSION[request.query.format]}"`);
    return reply.serializer((x: unknown) => String(x)).type(`${mediaType}; charset=utf-8`).send(serialiseGraph(quads, mediaType));
  });
};

export default records;
