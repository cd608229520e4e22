import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { NodeNotFound } from '../../http/errors.js';
import { describeRecords, type QuadStore } from '@fedcat/catalogue';
import { GRAPH_TYPES } from '../../rdf/formats.js';
import { serialiseGraph } from '../../rdf/serialise.js';
import { problemResponses, textResponse } from '../../schemas/common.js';
import { graphMediaType, requireReadyStore } from '../graph-request.js';

export interface GenidRouteOptions { readonly store: QuadStore; readonly genidBase: string }

/**
 * `GET /.well-known/genid/{source}/{name}`: the IRIs fedcat mints for publishers' blank nodes (RDF 1.1 skolem IRIs)
 * dereference to their description (their triples and the unnamed nodes below them, from every source graph) in
 * Turtle, JSON-LD, N-Triples or RDF/XML. The IRI enters the query as a bound term only.
 */
const genid: FastifyPluginAsyncTypebox<GenidRouteOptions> = async (app, { store, genidBase }) => {
  app.get('/:source/:name', {
    schema: {
      summary: 'Describe a node fedcat named (a skolemised blank node)', tags: ['linked data'],
      params: Type.Object({
        source: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' }),
        name: Type.String({ pattern: '^[A-Za-z0-9_-]{22}$', description: 'The node\'s name: a hash of where it sits and what it says' }),
      }),
      querystring: Type.Object({ format: Type.Optional(Type.String({ description: 'turtle, jsonld, ntriples or rdfxml; instead of Accept' })) }),
      response: { 200: textResponse(GRAPH_TYPES, 'The node\'s description'), ...problemResponses },
    },
  }, async (request, reply) => {
    const { source, name } = request.params;
    const mediaType = graphMediaType(request.query.format, request.headers.accept);
    requireReadyStore(store.state());
    const iri = `${genidBase}${source}/${name}`;
    const quads = await describeRecords(store, [{ iri, source }], genidBase);
    if (quads.length === 0) throw new NodeNotFound(iri);
    return reply.header('vary', 'Accept').type(`${mediaType}; charset=utf-8`).serializer((x: unknown) => String(x)).send(serialiseGraph(quads, mediaType));
  });
};

export default genid;
