import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { stringify as toYaml } from 'yaml';
import type { ResolutionIndex } from '../../directory/resolution-index.js';
import { DirectoryNotReady, NodeNotFound, ServiceNotFound } from '../../http/errors.js';
import { postmanCollection } from '../../register/postman.js';
import { problem, problemResponses, textResponse } from '../../schemas/common.js';
import type { OpenApiDocuments } from '../../try/openapi-documents.js';

export interface ApiDocumentRouteOptions {
  readonly directory: ResolutionIndex;
  readonly documents: OpenApiDocuments;
}

const Params = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$', description: 'Data service record id' }) });

/**
 * A data service's OpenAPI document, as fedcat reads it from its publisher (internal references resolved):
 * `GET /v1/dataservices/{id}/openapi` as JSON, or YAML with `?format=yaml` (a download), and
 * `GET /v1/dataservices/{id}/postman`, a Postman collection (v2.1; Bruno imports it) of its operations.
 */
const apiDocument: FastifyPluginAsyncTypebox<ApiDocumentRouteOptions> = async (app, { directory, documents }) => {
  const documentOf = async (id: string) => {
    if (directory.state().builds === 0) throw new DirectoryNotReady('the store is still loading');
    const view = directory.get(id)?.view;
    if (!view) throw new ServiceNotFound(id);
    if (!view.api?.descriptionUrl) throw new NodeNotFound(`an OpenAPI document of ${view.iri}`);
    return { view, doc: await documents.get(view.api.descriptionUrl) };
  };

  app.get('/:id/openapi', {
    schema: {
      summary: "A data service's OpenAPI document (internal references resolved), as JSON or YAML", tags: ['service directory'],
      params: Params,
      querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('yaml')], { description: 'yaml: a YAML download; json (default)' })) }),
      response: {
        200: { description: 'The OpenAPI document', content: { 'application/json': { schema: Type.Object({}, { additionalProperties: true }) }, ...textResponse(['application/yaml'], '').content } },
        502: problem('The document could not be read from its publisher'), ...problemResponses,
      },
    },
  }, async (request, reply) => {
    const { doc } = await documentOf(request.params.id);
    reply.header('cache-control', 'public, max-age=300');
    if (request.query.format === 'yaml') {
      return reply.header('content-disposition', `attachment; filename="${request.params.id}-openapi.yaml"`).type('application/yaml; charset=utf-8')
        .serializer((x: unknown) => String(x)).send(toYaml(doc));
    }
    return reply.type('application/json; charset=utf-8').send(doc);
  });

  app.get('/:id/postman', {
    schema: {
      summary: "A Postman collection (v2.1) of a data service's operations, for Postman, Bruno or Insomnia", tags: ['service directory'],
      params: Params,
      response: { 200: { description: 'The collection', content: { 'application/json': { schema: Type.Object({}, { additionalProperties: true }) } } }, 502: problem('The document could not be read from its publisher'), ...problemResponses },
    },
  }, async (request, reply) => {
    const { view, doc } = await documentOf(request.params.id);
    return reply.header('content-disposition', `attachment; filename="${request.params.id}.postman_collection.json"`).send(postmanCollection(doc, view.title));
  });
};

export default apiDocument;
