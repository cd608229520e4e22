import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ResolutionIndex } from '../../directory/resolution-index.js';
import { DirectoryNotReady, InvalidFilter, ServiceNotFound } from '../../http/errors.js';
import { listParam, matchesFilters, registerDetail, registerSummary, type RegisterDetail } from '../../register/api-register.js';
import { RegisterApiDetail, RegisterApiSummary } from '../../schemas/api-register.js';
import { problemResponses } from '../../schemas/common.js';

export interface ApiRegisterRouteOptions {
  readonly directory: ResolutionIndex;
  /** Public base URL: an API's fedcat page is its contact page when the record names none. */
  readonly baseUrl: string;
}

const STATUSES = ['active', 'deprecated', 'sunset', 'retired'];
const AUTHS = ['none', 'api_key', 'oauth2', 'openid', 'bearer', 'basic', 'http', 'unknown'];
const List = Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())]));

/** Refuses values outside a filter's allowed ones, naming both. */
function only(field: string, values: readonly string[], allowed: readonly string[]): readonly string[] {
  const bad = values.filter((v) => !allowed.includes(v));
  if (bad.length > 0) throw new InvalidFilter(`${field} ${bad.join(', ')}: must be one of ${allowed.join(', ')}`);
  return values;
}

/**
 * developer.overheid.nl's API register interface over fedcat's data services: `GET /v1/api-register/apis` (ApiSummary
 * list with the register's filters and paging headers) and `GET /v1/api-register/apis/{id}` (ApiDetail). From the
 * in-memory service directory.
 */
const apiRegister: FastifyPluginAsyncTypebox<ApiRegisterRouteOptions> = async (app, { directory, baseUrl }) => {
  app.addSchema(RegisterApiSummary);
  app.addSchema(RegisterApiDetail);
  const listed = (): RegisterDetail[] => {
    if (directory.state().builds === 0) throw new DirectoryNotReady('the store is still loading');
    return directory.views().flatMap((v) => registerDetail(v, `${baseUrl}/dataservices/${v.id}`) ?? []);
  };

  app.get('/apis', {
    schema: {
      summary: "APIs in the API register's shape (ApiSummary), with its filters", tags: ['api register'],
      querystring: Type.Object({
        page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
        perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        organisation: Type.Optional(Type.String({ description: 'Organisation URI' })),
        ids: Type.Optional(Type.String({ description: 'Comma-separated API ids' })),
        status: List, oasVersion: List, adrScore: List, auth: List,
      }),
      response: { 200: Type.Array(Type.Ref('RegisterApiSummary')), ...problemResponses },
    },
  }, async (request, reply) => {
    const q = request.query;
    const filters = {
      ...(q.organisation ? { organisation: q.organisation } : {}),
      ids: listParam(q.ids), status: only('status', listParam(q.status), STATUSES), oasVersion: listParam(q.oasVersion),
      adrScore: only('adrScore', listParam(q.adrScore), [...Array.from({ length: 101 }, (_, i) => String(i)), 'unknown']),
      auth: only('auth', listParam(q.auth), AUTHS),
    };
    const matches = listed().filter((d) => matchesFilters(d, filters));
    const page = q.page ?? 1;
    const perPage = q.perPage ?? 20;
    const pages = Math.max(1, Math.ceil(matches.length / perPage));
    const link = (n: number, rel: string) => {
      const u = new URL(request.url, baseUrl);
      u.searchParams.set('page', String(n));
      return `<${baseUrl}${u.pathname}${u.search}>; rel="${rel}"`;
    };
    const links = [link(1, 'first'), ...(page > 1 ? [link(page - 1, 'prev')] : []), ...(page < pages ? [link(page + 1, 'next')] : []), link(pages, 'last')];
    // API-Version is fedcat's own (the register's interface is part of fedcat's API), set for every answer.
    return reply.header('link', links.join(', ')).header('total-count', String(matches.length))
      .header('current-page', String(page)).header('per-page', String(perPage)).header('total-pages', String(pages))
      .send(matches.slice((page - 1) * perPage, page * perPage).map(registerSummary));
  });

  app.get('/apis/:id', {
    schema: {
      summary: "One API in the API register's shape (ApiDetail)", tags: ['api register'],
      params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$', description: 'Data service record id' }) }),
      response: { 200: Type.Ref('RegisterApiDetail'), ...problemResponses },
    },
  }, async (request, reply) => {
    const detail = listed().find((d) => d.id === request.params.id);
    if (!detail) throw new ServiceNotFound(request.params.id);
    return reply.send(detail);
  });
};

export default apiRegister;
