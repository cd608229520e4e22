import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FetchPolicy } from '@fedcat/harvester';
import type { ResolutionIndex } from '../../directory/resolution-index.js';
import { DirectoryNotReady, ServiceNotFound, TryRateLimited } from '../../http/errors.js';
import { problem, problemResponses } from '../../schemas/common.js';
import { TryAnswer } from '../../schemas/try.js';
import { WindowLimit } from '../../try/rate-limit.js';
import { sendTry, type TryLimits } from '../../try/send-try.js';
import { apiKeyHeaders, type OpenApiDocuments } from '../../try/openapi-documents.js';
import { checkTry, TRY_HEADERS, TRY_METHODS } from '../../try/try-request.js';

export interface TryRouteOptions {
  readonly directory: ResolutionIndex;
  /** The APIs' OpenAPI documents: an API key header their security schemes name may be passed on. */
  readonly documents: OpenApiDocuments;
  /** The harvest's fetch policy: which addresses fedcat may connect to. */
  readonly policy: FetchPolicy;
  readonly limits?: Partial<TryLimits & { readonly perClientPerMinute: number; readonly perApiPerMinute: number }>;
}

const TryBody = Type.Object({
  method: Type.String({ description: `HTTP method: ${TRY_METHODS.join(' or ')}` }),
  url: Type.String({ maxLength: 4000, description: "Absolute URL under one of the API's OpenAPI servers or endpoint URLs" }),
  headers: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 4000 }), { description: `Request headers; allowed: ${TRY_HEADERS.join(', ')}, an API key header the API's security scheme names, and content-type with a body` })),
  body: Type.Optional(Type.String({ maxLength: 1024 * 1024, description: 'A request body, for a method the API\'s owner allows besides GET and HEAD (fedcat:tryMethod)' })),
}, { additionalProperties: false });

/**
 * `POST /v1/dataservices/{id}/try`: the try-it console's proxy. Sends one GET or HEAD (or a method its owner allows,
 * fedcat:tryMethod; never when the owner switched it off, fedcat:tryConsole false) to a public API (security none
 * or an API key) under its own servers, under the harvest's address policy, with a time limit, a size cap and rate
 * limits per client and per API; answers what the API answered, wrapped. Every refusal is a problem naming why.
 */
const tryRoute: FastifyPluginAsyncTypebox<TryRouteOptions> = async (app, { directory, documents, policy, limits = {} }) => {
  const caps: TryLimits = { timeoutMs: limits.timeoutMs ?? 10_000, maxBytes: limits.maxBytes ?? 2 * 1024 * 1024 };
  const clientShare = limits.perClientPerMinute ?? 30;
  const apiShare = limits.perApiPerMinute ?? 60;
  const perClient = new WindowLimit(clientShare);
  const perApi = new WindowLimit(apiShare);
  app.addSchema(TryAnswer);
  app.post('/:id/try', {
    schema: {
      summary: "Try an API from its page: fedcat sends the request and answers with the API's answer", tags: ['service directory'],
      params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$', description: 'Data service record id' }) }),
      body: TryBody,
      response: {
        200: Type.Ref('TryAnswer'), 403: problem('The API is not public, or its address is not one fedcat connects to'),
        429: problem('Too many tries from you or for this API; see Retry-After'), 502: problem('The API could not be reached, or its answer was too large'),
        504: problem('The API did not answer in time'), ...problemResponses,
      },
    },
  }, async (request) => {
    if (directory.state().builds === 0) throw new DirectoryNotReady('the store is still loading');
    const entry = directory.get(request.params.id);
    if (!entry) throw new ServiceNotFound(request.params.id);
    const view = entry.view;
    // An API key goes in the header its document's security scheme names (read only for APIs that use one).
    const keyHeaders = view.api?.authTypes.includes('api_key') && view.api.descriptionUrl
      ? apiKeyHeaders(await documents.get(view.api.descriptionUrl).catch(() => ({}))).map((h) => h.toLowerCase()) : [];
    const checked = checkTry(request.body, {
      accessRights: view.accessRights, authTypes: view.api?.authTypes ?? [], servers: view.api?.servers.map((s) => s.url) ?? [], endpointUrls: view.endpointUrls, keyHeaders, owner: view.tryIt,
    });
    const client = request.ip;
    const wait = perClient.take(client) ?? perApi.take(request.params.id);
    if (wait !== null) throw Object.assign(new TryRateLimited(`at most ${clientShare} a minute from one client and ${apiShare} a minute for one API; try again in ${wait} s`), { retryAfterSeconds: wait });
    return sendTry(checked, policy, caps);
  });
};

export default tryRoute;
