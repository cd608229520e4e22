import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { NotAcceptable, SparqlMissingQuery, SparqlSyntax, SparqlUpdateForbidden, StoreUnavailable } from '../../errors.js';
import { negotiate } from '../../negotiate.js';
import { FORMAT_ALIASES, GRAPH_TYPES, SOLUTION_TYPES } from '../../rdf-formats.js';
import type { QuadStore } from '../../store/quad-store.js';
import { classifySparql } from '../../store/query-form.js';

export interface SparqlRouteOptions { readonly store: QuadStore }

type Params = Record<string, string | string[] | undefined>;

function single(params: Params, name: string): string | undefined {
  const v = params[name];
  if (Array.isArray(v)) throw new SparqlMissingQuery(`the '${name}' parameter was given ${v.length} times`);
  return v;
}

/**
 * SPARQL 1.1 Protocol, query operation only: GET, POST form-encoded and POST application/sparql-query.
 * Updates are refused before anything runs. The answer format follows `format`, else `Accept` (q-values).
 */
const sparql: FastifyPluginAsync<SparqlRouteOptions> = async (app, { store }) => {
  app.addContentTypeParser('application/sparql-query', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('application/sparql-update', { parseAs: 'string' }, (_req, _body, done) => done(new SparqlUpdateForbidden(), undefined));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => {
    const params: Params = {};
    for (const [k, v] of new URLSearchParams(body as string)) {
      const prev = params[k];
      params[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    done(null, params);
  });

  async function run(request: FastifyRequest, reply: FastifyReply, text: string | undefined, params: Params) {
    if ('update' in params) throw new SparqlUpdateForbidden();
    if (!text || text.trim() === '') throw new SparqlMissingQuery("no 'query' parameter or application/sparql-query body");
    for (const p of ['default-graph-uri', 'named-graph-uri']) {
      if (params[p] !== undefined) throw new SparqlSyntax(`'${p}' is not supported yet: all graphs are queried as their union`);
    }
    const kind = classifySparql(text);
    if (kind.kind === 'update') throw new SparqlUpdateForbidden();
    const isGraph = kind.kind === 'query' && (kind.form === 'CONSTRUCT' || kind.form === 'DESCRIBE');
    const offers = isGraph ? GRAPH_TYPES : SOLUTION_TYPES;
    const format = single(params, 'format');
    const accept = format ? FORMAT_ALIASES[format.toLowerCase()] ?? format : request.headers.accept?.replace(/application\/json/g, SOLUTION_TYPES[0]);
    const mediaType = negotiate(accept, offers);
    if (!mediaType) throw new NotAcceptable(offers.join(', '));
    const state = store.state();
    if (state.status !== 'ready') {
      throw new StoreUnavailable(state.status === 'loading' ? `still loading (${state.graphsLoaded}/${state.graphsTotal} graphs)` : (state.error ?? 'failed'));
    }
    const answer = await store.query(text, isGraph ? { solutions: SOLUTION_TYPES[0], graph: mediaType } : { solutions: mediaType, graph: GRAPH_TYPES[0] });
    return reply.header('vary', 'Accept').type(`${answer.mediaType}; charset=utf-8`).send(answer.body);
  }

  app.get('/', async (request, reply) => {
    const params = request.query as Params;
    return run(request, reply, single(params, 'query'), params);
  });

  app.post('/', async (request, reply) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const queryParams = request.query as Params;
    if (type === 'application/sparql-query') return run(request, reply, request.body as string, queryParams);
    if (type === 'application/x-www-form-urlencoded') {
      const params = { ...queryParams, ...(request.body as Params) };
      return run(request, reply, single(params, 'query'), params);
    }
    throw new SparqlMissingQuery('POST a form with a query parameter or an application/sparql-query body');
  });
};

export default sparql;
