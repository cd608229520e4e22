import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { describeRecords, sourceGraph, type QuadStore, type SearchIndex } from '@fedcat/catalogue';
import { aggregateFromRows, measurementsFromDescription, qualityVocabularies, rating, scoreRecord } from '@fedcat/shapes/quality';
import { Type } from 'typebox';
import { RECORD_KIND, RecordNotFound, QualityNotAssessed, SourceNotFound } from '../../http/errors.js';
import { aggregateQualityJson, recordQualityJson } from '../../quality/quality-json.js';
import { measurementRows, ORGANISATION_QUALITY_QUERY, organisationRows, sourceQualityQuery } from '../../queries/quality.js';
import type { RunLog } from '../../control/runs.js';
import type { SourceRegistry } from '../../control/sources.js';
import { problemResponses } from '../../schemas/common.js';
import { requireReadyStore } from '../graph-request.js';
import { OrganisationQuality } from '../../schemas/quality.js';

export interface QualityRouteOptions {
  readonly store: QuadStore;
  readonly search: SearchIndex;
  readonly sources: SourceRegistry;
  readonly runs: RunLog;
  /** Where fedcat mints IRIs: the stored measurements live under it, and belong to a record's description. */
  readonly genidBase: string;
}

/** Quality answers come from small queries; one that takes longer than this is cut off (503) instead of waiting. */
const TIMEOUT_MS = 10_000;

/**
 * The MQA quality fedcat stored as DQV at harvest, read back from the store so the API, SPARQL and the UI agree (the
 * indicators a record's own statements decide are measured again from them, by the harvest's function):
 * `GET /v1/datasets/{id}/quality` (per indicator, explained), `GET /v1/sources/{id}/quality` (the source's averages
 * and shares, with the unmapped values of its last harvest) and `GET /v1/organisations/quality` (each publisher's average).
 */
const qualityRoute: FastifyPluginAsyncTypebox<QualityRouteOptions> = async (app, { store, search, sources, runs, genidBase }) => {
  const query = async (sparql: string) => {
    requireReadyStore(store.state());
    return store.select(sparql, { timeoutMs: TIMEOUT_MS });
  };

  app.get('/datasets/:id/quality', {
    schema: {
      summary: 'The MQA quality score of a dataset, per indicator, explained in Dutch and English', tags: ['quality'],
      params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$', description: 'Record id (16 hex characters)' }) }),
      response: { 200: Type.Ref('RecordQuality'), ...problemResponses },
    },
  }, async (request, reply) => {
    const doc = await search.get(request.params.id);
    if (!doc || doc.type !== 'Dataset') throw new RecordNotFound(RECORD_KIND.Dataset, request.params.id);
    requireReadyStore(store.state());
    const description = await describeRecords(store, [doc], genidBase, {}, { timeoutMs: TIMEOUT_MS });
    const { measurements, storedScore } = measurementsFromDescription(description, doc.iri, await qualityVocabularies());
    if (storedScore === null) throw new QualityNotAssessed(`dataset ${request.params.id}`);
    reply.header('cache-control', 'no-cache');
    return recordQualityJson(scoreRecord(doc.iri, measurements));
  });

  app.get('/sources/:id/quality', {
    schema: {
      summary: "A source's MQA quality: average score and how many of its datasets meet each indicator", tags: ['quality', 'sources'],
      params: Type.Object({ id: Type.String() }), response: { 200: Type.Ref('AggregateQuality'), ...problemResponses },
    },
  }, async (request, reply) => {
    const source = await sources.get(request.params.id);
    if (!source) throw new SourceNotFound(request.params.id);
    const rows = measurementRows(await query(sourceQualityQuery(sourceGraph(source.id))));
    if (rows.length === 0) throw new QualityNotAssessed(`source ${source.id}`);
    reply.header('cache-control', 'no-cache');
    const unmapped = (await runs.status(source.id)).lastSuccess?.stats?.quality?.unmapped;
    return { ...aggregateQualityJson(aggregateFromRows(rows)), ...(unmapped ? { unmappedValues: [...unmapped] } : {}) };
  });

  app.get('/organisations/quality', {
    schema: {
      summary: "Each publishing organisation's average MQA score over its datasets", tags: ['quality', 'organisations'],
      response: { 200: OrganisationQuality, ...problemResponses },
    },
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    const rows = organisationRows(await query(ORGANISATION_QUALITY_QUERY));
    return { organisations: rows.map((r) => ({ ...r, rating: rating(r.score) })) };
  });
};

export default qualityRoute;
