import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { SparqlLimits } from '../../config/load-config.js';
import { FederationRefused, NotAcceptable, SparqlBadDataset, SparqlMissingQuery, SparqlServiceRefused, SparqlUpdateForbidden, UnsupportedMediaType } from '../../http/errors.js';
import { negotiate } from '../../http/negotiation.js';
import { FORMAT_ALIASES, GRAPH_TYPES, SOLUTION_TYPES } from '../../rdf/formats.js';
import type { AnswerFormats, ProtocolDataset, QueryAnswer, QueryOptions, StoreState } from '@fedcat/catalogue';
import { classifySparql, declaresDataset, usesService } from '../../store/query-form.js';
import { problem, textResponse } from '../../schemas/common.js';
import { requireReadyStore } from '../graph-request.js';

/** What answers the endpoint's queries: the store (`/sparql`) or the federation (`/sparql/federated`). */
export interface SparqlBackend {
  state(): StoreState;
  query(sparql: string, formats: AnswerFormats, options?: QueryOptions): Promise<QueryAnswer>;
}

export interface SparqlRouteOptions {
  readonly backend: SparqlBackend;
  readonly limits: SparqlLimits;
  /**
   * The federated endpoint: SERVICE goes to registered sources' endpoints (the backend refuses any other), and the
   * dataset is fixed (no FROM, no protocol dataset).
   */
  readonly federated?: boolean;
  /** Requests with this header value (the federation's own sub-queries) are not cut at the result cap. */
  readonly uncapped?: { readonly header: string; readonly key: string };
}

type Params = Record<string, string | string[] | undefined>;

const oneOrMore = (description: string) => Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())], { description }));
/** Protocol parameters, documented; the handler checks them itself (a repeated `query` is a 400). */
const ProtocolParams = Type.Object({
  query: oneOrMore('The SPARQL query (exactly one)'),
  'default-graph-uri': oneOrMore('Graphs whose merge is the default graph; wins over the query\'s FROM'),
  'named-graph-uri': oneOrMore('Named graphs of the dataset; wins over the query\'s FROM NAMED'),
  format: Type.Optional(Type.String({ description: 'json, xml, csv, tsv, turtle, jsonld, ntriples or rdfxml; overrides Accept' })),
});

const RESPONSES = {
  200: textResponse([...SOLUTION_TYPES, ...GRAPH_TYPES], 'The answer: SELECT/ASK as SPARQL results, CONSTRUCT/DESCRIBE as RDF; headers Fedcat-Timeout-Ms, Fedcat-Result-Cap and, when cut, Fedcat-Truncated'),
  400: problem('Malformed query, repeated query parameter, bad dataset IRI, SERVICE (on /sparql) or FROM (on /sparql/federated)'),
  403: problem('SPARQL Update is refused: the endpoint is read-only'),
  406: problem('None of the Accept media types can be served'),
  415: problem('Request body is not UTF-8 or not a SPARQL media type'),
  502: problem('A source endpoint failed or was refused (federated queries only)'),
  503: problem('The query passed its time limit, or the store is still loading'),
};

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Parameters of the URL and of a form body together; a name in both keeps every value. */
function merge(a: Params, b: Params): Params {
  const out: Params = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = out[k] === undefined ? v : [...list(out[k]), ...list(v)];
  return out;
}

/** The protocol dataset (`default-graph-uri`, `named-graph-uri`), if the request gives one; each must be an absolute IRI. */
function protocolDataset(params: Params): ProtocolDataset | undefined {
  const defaultGraphs = list(params['default-graph-uri']);
  const namedGraphs = list(params['named-graph-uri']);
  if (defaultGraphs.length === 0 && namedGraphs.length === 0) return undefined;
  for (const iri of [...defaultGraphs, ...namedGraphs]) {
    if (!URL.canParse(iri) || /[\s<>"{}|\\^`]/.test(iri)) throw new SparqlBadDataset(`'${iri}' is not an absolute IRI`);
  }
  return { defaultGraphs, namedGraphs };
}

function single(params: Params, name: string): string | undefined {
  const v = params[name];
  if (Array.isArray(v)) throw new SparqlMissingQuery(`the '${name}' parameter was given ${v.length} times`);
  return v;
}

/**
 * SPARQL 1.1 Protocol, query operation only: GET, POST form-encoded and POST application/sparql-query, with
 * `default-graph-uri` / `named-graph-uri` (which win over the query's FROM). Updates are refused before anything
 * runs. Request bodies must be UTF-8. The answer format follows `format`, else `Accept` (q-values).
 * Every answer states the endpoint's limits (`Fedcat-Timeout-Ms`, `Fedcat-Result-Cap`) and a cut answer says so
 * (`Fedcat-Truncated: true`); a query past its time limit gets 503.
 */
const sparql: FastifyPluginAsync<SparqlRouteOptions> = async (app, { backend, limits, federated = false, uncapped }) => {
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('fedcat-timeout-ms', String(limits.timeoutMs)).header('fedcat-result-cap', String(limits.resultCap));
  });
  app.addContentTypeParser('application/sparql-query', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('application/sparql-update', { parseAs: 'string' }, (_req, _body, done) => done(new SparqlUpdateForbidden(), undefined));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => {
    const params: Params = {};
    for (const [k, v] of new URLSearchParams(body as string)) params[k] = params[k] === undefined ? v : [...list(params[k]), v];
    done(null, params);
  });

  async function run(request: FastifyRequest, reply: FastifyReply, text: string | undefined, params: Params) {
    if ('update' in params) throw new SparqlUpdateForbidden();
    if (!text || text.trim() === '') throw new SparqlMissingQuery("no 'query' parameter or application/sparql-query body");
    const dataset = protocolDataset(params);
    const kind = classifySparql(text);
    if (kind.kind === 'update') throw new SparqlUpdateForbidden();
    if (federated && (dataset || declaresDataset(text))) throw new FederationRefused('its dataset is the catalogue plus the registered SPARQL sources; FROM and default-graph-uri/named-graph-uri are not taken');
    if (!federated && usesService(text)) throw new SparqlServiceRefused('use /sparql/federated to include the SPARQL endpoints of registered sources');
    const isGraph = kind.kind === 'query' && (kind.form === 'CONSTRUCT' || kind.form === 'DESCRIBE');
    const offers = isGraph ? GRAPH_TYPES : SOLUTION_TYPES;
    const format = single(params, 'format');
    const accept = format ? FORMAT_ALIASES[format.toLowerCase()] ?? format : request.headers.accept?.replace(/application\/json/g, SOLUTION_TYPES[0]);
    const mediaType = negotiate(accept, offers);
    if (!mediaType) throw new NotAcceptable(offers.join(', '));
    requireReadyStore(backend.state());
    const capped = !(uncapped && request.headers[uncapped.header] === uncapped.key);
    const answer = await backend.query(text, isGraph ? { solutions: SOLUTION_TYPES[0], graph: mediaType } : { solutions: mediaType, graph: GRAPH_TYPES[0] }, {
      ...(dataset ? { dataset } : {}),
      // The protocol's base IRI is the endpoint's own URL (without the query string).
      baseIri: `${request.protocol}://${request.host}${request.url.split('?')[0]}`,
      timeoutMs: limits.timeoutMs,
      ...(capped ? { resultCap: limits.resultCap } : {}),
    });
    if (answer.truncated) reply.header('fedcat-truncated', 'true');
    return reply.header('vary', 'Accept').type(`${answer.mediaType}; charset=utf-8`).send(answer.body);
  }

  const over = federated ? ' over the catalogue and registered SPARQL sources' : '';
  app.get('/', { schema: { summary: `Run a SPARQL query${over} (SPARQL 1.1 Protocol, query via GET)`, tags: ['sparql'], querystring: ProtocolParams, response: RESPONSES } }, async (request, reply) => {
    const params = request.query as Params;
    return run(request, reply, single(params, 'query'), params);
  });

  app.post('/', {
    schema: {
      summary: `Run a SPARQL query${over} (SPARQL 1.1 Protocol, query via POST)`, tags: ['sparql'], querystring: ProtocolParams,
      body: { content: { 'application/sparql-query': { schema: Type.String({ description: 'The query' }) }, 'application/x-www-form-urlencoded': { schema: ProtocolParams } } },
      response: RESPONSES,
    },
  }, async (request, reply) => {
    const contentType = request.headers['content-type'] ?? '';
    const type = contentType.split(';')[0]!.trim().toLowerCase();
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') throw new UnsupportedMediaType(`${type}; charset=${charset}`, 'UTF-8');
    const queryParams = request.query as Params;
    if (type === 'application/sparql-query') return run(request, reply, request.body as string, queryParams);
    if (type === 'application/x-www-form-urlencoded') {
      const params = merge(queryParams, request.body as Params);
      return run(request, reply, single(params, 'query'), params);
    }
    throw new SparqlMissingQuery('POST a form with a query parameter or an application/sparql-query body');
  });
};

export default sparql;
