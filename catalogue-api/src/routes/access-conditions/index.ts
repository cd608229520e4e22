import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { describeRecords, type QuadStore, type RecordType, type SearchIndex } from '@fedcat/catalogue';
import { accessConditions } from '../../directory/access-conditions.js';
import { describeAccessRelated } from '../../directory/access-query.js';
import type { ResolutionIndex } from '../../directory/resolution-index.js';
import { RECORD_KIND, RecordNotFound } from '../../http/errors.js';
import { problemResponses } from '../../schemas/common.js';
import { requireReadyStore } from '../graph-request.js';

export interface AccessConditionsRouteOptions {
  readonly search: SearchIndex;
  readonly store: QuadStore;
  readonly directory: ResolutionIndex;
  readonly type: RecordType;
  readonly genidBase: string;
}


/**
 * `GET /v1/dataservices/{id}/access-conditions` and `/v1/datasets/{id}/access-conditions`: how to get access, from
 * the record's description in the store and what the service directory knows (FSC Directory listings).
 */
const accessConditionsRoute: FastifyPluginAsyncTypebox<AccessConditionsRouteOptions> = async (app, { search, store, directory, type, genidBase }) => {
  const tag = type === 'Dataset' ? 'datasets' : 'dataservices';
  app.get('/:id/access-conditions', {
    schema: {
      summary: `How to get access to a ${type === 'Dataset' ? 'dataset' : 'data service'}: rights, licence, legal basis, purpose, FSC, policy decision point, contact`,
      tags: [tag, 'service directory'],
      params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$', description: 'Record id (16 hex characters)' }) }),
      response: { 200: Type.Ref('AccessConditions'), ...problemResponses },
    },
  }, async (request) => {
    const doc = await search.get(request.params.id);
    if (!doc || doc.type !== type || doc.iri.startsWith('_:')) throw new RecordNotFound(RECORD_KIND[type], request.params.id);
    requireReadyStore(store.state());
    // The record from its source's graph; the services and agents it refers to may be described by other sources.
    const own = await describeRecords(store, [doc], genidBase);
    const quads = [...own, ...await describeAccessRelated(store, own, doc.iri)];
    const conditions = accessConditions(quads, doc.iri, {
      genidBase,
      fscListing: (groupId, peerId, serviceName) => {
        const listing = directory.listing(groupId, peerId, serviceName);
        return listing ? { managerAddress: directory.peer(groupId, peerId)?.managerAddress ?? null } : null;
      },
    });
    if (!conditions) throw new RecordNotFound(RECORD_KIND[type], request.params.id);
    return conditions;
  });
};

export default accessConditionsRoute;
