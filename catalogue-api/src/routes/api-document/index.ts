import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { fetchDescription, NotOpenApi, parseOpenApi, type FetchPolicy } from '@fedcat/harvester';
import type { ResolutionIndex } from '../../directory/resolution-index.js';
import { DirectoryNotReady, NodeNotFound, ServiceNotFound, ValidationUrlUnreachable } from '../../http/errors.js';
import { problem, problemResponses } from '../../schemas/common.js';

export interface ApiDocumentRouteOptions {
  readonly directory: ResolutionIndex;
  readonly policy: FetchPolicy;
}

/** How long a document read for the console is used before it is read again. */
const KEEP_MS = 5 * 60_000;
const CAPS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000 };

/** JSON of a resolved document, a reference back to an enclosing object written as `{"$ref": "(circular)"}`. */
function acyclicJson(value: unknown): string {
  const path: unknown[] = [];
  return JSON.stringify(value, function (this: unknown, _key, v: unknown) {
    if (typeof v !== 'object' || v === null) return v;
    while (path.length > 0 && path.at(-1) !== this) path.pop();
    if (path.includes(v)) return { $ref: '(circular)' };
    path.push(v);
    return v;
  });
}

/**
 * `GET /v1/dataservices/{id}/openapi`: a data service's OpenAPI document as JSON, its internal references resolved,
 * read from where its publisher describes it (under the harvest's address policy) and kept five minutes: what the
 * try-it console builds its forms from, and a download for developers.
 */
const apiDocument: FastifyPluginAsyncTypebox<ApiDocumentRouteOptions> = async (app, { directory, policy }) => {
  const kept = new Map<string, { readonly at: number; readonly json: string }>();
  app.get('/:id/openapi', {
    schema: {
      summary: "A data service's OpenAPI document (JSON, internal references resolved)", tags: ['service directory'],
      params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$', description: 'Data service record id' }) }),
      response: { 200: { description: 'The OpenAPI document', content: { 'application/json': { schema: Type.Object({}, { additionalProperties: true }) } } }, 502: problem('The document could not be read from its publisher'), ...problemResponses },
    },
  }, async (request, reply) => {
    if (directory.state().builds === 0) throw new DirectoryNotReady('the store is still loading');
    const view = directory.get(request.params.id)?.view;
    if (!view) throw new ServiceNotFound(request.params.id);
    const url = view.api?.descriptionUrl;
    if (!url) throw new NodeNotFound(`an OpenAPI document of ${view.iri}`);
    let entry = kept.get(request.params.id);
    if (!entry || Date.now() - entry.at > KEEP_MS) {
      const fetched = await fetchDescription(url, policy, CAPS);
      if (!fetched.ok) throw new ValidationUrlUnreachable(`${url}: ${fetched.reason}`);
      try {
        entry = { at: Date.now(), json: acyclicJson((await parseOpenApi(fetched.text)).resolved) };
      } catch (err) {
        if (err instanceof NotOpenApi) throw new ValidationUrlUnreachable(`${url} is not an OpenAPI document: ${err.message}`);
        throw err;
      }
      kept.set(request.params.id, entry);
    }
    return reply.header('cache-control', 'public, max-age=300').type('application/json; charset=utf-8').serializer((x: unknown) => String(x)).send(entry.json);
  });
};

export default apiDocument;
