import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { isPublishedGraph, QueryTimeout, SOURCE_GRAPH_PREFIX, type AnswerFormats, type ProtocolDataset, type QueryAnswer, type QueryOptions, type StoreState } from '@fedcat/catalogue';
import type { SparqlLimits } from '../../config/load-config.js';
import { noneMatch } from '../../http/caching.js';
import { FederationRefused, NotAcceptable, SparqlBadDataset, SparqlMissingQuery, SparqlServiceRefused, SparqlUpdateAsQuery, SparqlUpdateForbidden, UnsupportedMediaType } from '../../http/errors.js';
import { negotiate } from '../../http/negotiation.js';
import { serialiseGraph } from '../../rdf/serialise.js';
import { problem, textResponse } from '../../schemas/common.js';
import { readQuery } from '../../store/query-form.js';
import { requireReadyStore } from '../graph-request.js';
import { answerFormat, FORMAT_PARAMETERS, offeredTypes, SPARQL_GRAPH_TYPES, SPARQL_SOLUTION_TYPES } from './answer-format.js';
import { ClientBudget } from './client-budget.js';
import { resultCapNode, serviceDescription } from './service-description.js';
import { withTruncationNote } from './truncation-note.js';
import { publicScope, type RequestScope } from './visibility.js';

/** What answers the endpoint's queries: the store (`/sparql`) or the federation (`/sparql/federated`). */
export interface SparqlBackend {
  state(): StoreState;
  query(sparql: string, formats: AnswerFormats, options?: QueryOptions): Promise<QueryAnswer>;
  /** The store's version, for conditional answers; without it answers are revalidated by their content. */
  version?(): string | null;
  /** The graphs held, for the Service Description's dataset. */
  listGraphs?(): Promise<readonly { graph: string; quads: number }[]>;
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
  /** What a request may see and who asks; public, by address, when omitted. */
  readonly scope?: (request: FastifyRequest) => Promise<RequestScope>;
  /** Where a browser asking for the endpoint itself is sent (the UI's query page). */
  readonly queryPage?: string;
}

type Params = Record<string, string | string[] | undefined>;

const oneOrMore = (description: string) => Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())], { description }));
const FORMAT_DESCRIPTION = 'A result format name (json, xml, csv, tsv, turtle, n3, nt, nq, trig, rdf+xml, json-ld) or media type; repeatable; the first one servable for the query form wins over Accept';
/** Protocol parameters, documented; the handler checks them itself (a repeated `query` is a 400). */
const ProtocolParams = Type.Object({
  query: oneOrMore('The SPARQL query (exactly one); without one, GET answers the Service Description'),
  'default-graph-uri': oneOrMore('Graphs whose merge is the default graph; wins over the query\'s FROM'),
  'named-graph-uri': oneOrMore('Named graphs of the dataset; wins over the query\'s FROM NAMED'),
  format: oneOrMore(FORMAT_DESCRIPTION), output: oneOrMore(FORMAT_DESCRIPTION), results: oneOrMore(FORMAT_DESCRIPTION),
});

const RESPONSES = {
  200: textResponse([...SPARQL_SOLUTION_TYPES, ...SPARQL_GRAPH_TYPES], 'The answer: SELECT/ASK as SPARQL results, CONSTRUCT/DESCRIBE as RDF (GET without a query: the Service Description); headers Fedcat-Timeout-Ms, Fedcat-Result-Cap and, when cut, Fedcat-Truncated'),
  303: { description: 'A browser asking for the endpoint itself is sent to the query page' },
  304: { description: 'Not modified since the ETag given in If-None-Match (the store has not changed)' },
  400: problem('Malformed query, an update sent as a query, repeated query parameter, bad dataset IRI, SERVICE (on /sparql) or FROM (on /sparql/federated)'),
  403: problem('SPARQL Update is refused: the endpoint is read-only'),
  406: problem('None of the Accept media types can be served'),
  415: problem('Request body is not UTF-8 or not a SPARQL media type'),
  429: problem('Too many queries of this client under way, or its queries ran past its share; retry after Retry-After seconds'),
  502: problem('A source endpoint failed or was refused (federated queries only)'),
  503: problem('Busy (no place to run the query came free in time) or the store is still loading; retry after Retry-After seconds'),
  504: problem('The query ran into its time limit; narrow it (retrying will not help)'),
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

/** A weak entity tag of an answer: the store's version and everything else the answer depends on. */
const answerTag = (parts: readonly unknown[]) => `W/"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 27)}"`;

/**
 * SPARQL 1.1 Protocol, query operation only: GET, POST form-encoded and POST application/sparql-query, with
 * `default-graph-uri` / `named-graph-uri` (which win over the query's FROM). Updates are refused before anything
 * runs (403; an update sent as a query is a 400). Request bodies must be UTF-8. The answer format follows the first
 * servable `format`/`output`/`results` value, else `Accept` (q-values). GET without a query answers the Service
 * Description (a browser is sent to the query page). Every answer states the endpoint's limits
 * (`Fedcat-Timeout-Ms`, `Fedcat-Result-Cap`) and a cut answer says so; a query past its time limit gets 504; a
 * client past its share 429. GET answers revalidate against the store's version (never for NOW(), RAND()…).
 */
const sparql: FastifyPluginAsync<SparqlRouteOptions> = async (app, { backend, limits, federated = false, uncapped, scope = publicScope, queryPage }) => {
  const budget = new ClientBudget({ maxInFlight: 4, budgetMs: limits.clientBudgetMs ?? 2 * limits.timeoutMs, windowMs: 60_000 });
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

  const endpointOf = (request: FastifyRequest) => `${request.protocol}://${request.host}${request.url.split('?')[0]!.replace(/\/$/, '')}`;

  /** The public dataset's graphs for the Service Description, read once per store version. */
  let described: { version: string | null; graphs: readonly { graph: string; quads: number; inDefault: boolean }[] } | null = null;
  async function describedGraphs() {
    if (federated || !backend.listGraphs) return [];
    const version = backend.version?.() ?? null;
    if (described && version !== null && described.version === version) return described.graphs;
    const graphs = (await backend.listGraphs()).filter((g) => isPublishedGraph(g.graph)).map((g) => ({ ...g, inDefault: g.graph.startsWith(SOURCE_GRAPH_PREFIX) }));
    described = { version, graphs };
    return graphs;
  }

  async function describe(request: FastifyRequest, reply: FastifyReply) {
    const mediaType = negotiate(request.headers.accept, [...SPARQL_GRAPH_TYPES, ...(queryPage ? ['text/html'] : [])]);
    if (!mediaType) throw new NotAcceptable([...SPARQL_GRAPH_TYPES, 'text/html'].join(', '));
    reply.header('vary', 'Accept');
    if (mediaType === 'text/html') return reply.redirect(queryPage!, 303);
    requireReadyStore(backend.state());
    const quads = serviceDescription({ endpoint: endpointOf(request), federated, timeoutMs: limits.timeoutMs, resultCap: limits.resultCap, namedGraphs: await describedGraphs() });
    return reply.header('cache-control', 'public, no-cache').type(`${mediaType}; charset=utf-8`).send(serialiseGraph(quads, mediaType));
  }

  async function run(request: FastifyRequest, reply: FastifyReply, text: string | undefined, params: Params) {
    if ('update' in params) throw new SparqlUpdateForbidden();
    if (!text || text.trim() === '') throw new SparqlMissingQuery("no 'query' parameter or application/sparql-query body");
    const dataset = protocolDataset(params);
    const reading = readQuery(text);
    const { kind } = reading;
    if (kind.kind === 'update') throw new SparqlUpdateAsQuery();
    if (federated && (dataset || reading.declaresDataset)) throw new FederationRefused('its dataset is the catalogue plus the registered SPARQL sources; FROM and default-graph-uri/named-graph-uri are not taken');
    if (!federated && reading.usesService) throw new SparqlServiceRefused('use /sparql/federated to include the SPARQL endpoints of registered sources');
    const answerKind = kind.kind === 'query' && (kind.form === 'CONSTRUCT' || kind.form === 'DESCRIBE') ? 'graph' : 'solutions';
    const mediaType = answerFormat(answerKind, FORMAT_PARAMETERS.flatMap((name) => list(params[name])), request.headers.accept);
    if (!mediaType) throw new NotAcceptable(offeredTypes(answerKind).join(', '));
    requireReadyStore(backend.state());
    const who = await scope(request);
    const internal = uncapped !== undefined && request.headers[uncapped.header] === uncapped.key;
    // The protocol's base IRI is the endpoint's own URL (without the query string).
    const baseIri = `${request.protocol}://${request.host}${request.url.split('?')[0]}`;
    const cacheable = request.method === 'GET' && !reading.volatile;
    const tagOf = (version: string | null | undefined) => (version ? answerTag([version, text, mediaType, dataset ?? null, who.visibility, baseIri, internal]) : null);
    reply.header('vary', 'Accept, Authorization');
    if (cacheable) {
      reply.header('cache-control', `${who.personal ? 'private' : 'public'}, no-cache`);
      const tag = tagOf(backend.version?.());
      if (tag && noneMatch(request.headers['if-none-match'], tag)) return reply.code(304).header('etag', tag).send();
    } else {
      reply.header('cache-control', 'no-store');
    }
    // The federation's own sub-queries are part of a query that was admitted already.
    const release = internal ? () => undefined : budget.admit(who.client);
    let answer: QueryAnswer;
    try {
      answer = await backend.query(text, answerKind === 'graph' ? { solutions: SPARQL_SOLUTION_TYPES[0], graph: mediaType } : { solutions: mediaType, graph: SPARQL_GRAPH_TYPES[0] }, {
        ...(dataset ? { dataset } : {}),
        baseIri,
        timeoutMs: limits.timeoutMs,
        client: internal ? 'federation' : who.client,
        ...(federated ? {} : { visibility: who.visibility }),
        ...(internal ? {} : { resultCap: limits.resultCap }),
      });
      release(answer.runMs ?? 0);
    } catch (err) {
      release(err instanceof QueryTimeout ? limits.timeoutMs : 0);
      throw err;
    }
    const tag = cacheable ? tagOf(answer.version) : null;
    if (tag) reply.header('etag', tag);
    let body = answer.body;
    if (answer.truncated) {
      reply.header('fedcat-truncated', 'true');
      body = withTruncationNote(body, answer.mediaType, limits.resultCap, resultCapNode(endpointOf(request)));
    }
    return reply.type(`${answer.mediaType}; charset=utf-8`).send(body);
  }

  const over = federated ? ' over the catalogue and registered SPARQL sources' : '';
  app.get('/', { schema: { summary: `Run a SPARQL query${over} (SPARQL 1.1 Protocol, query via GET), or read the Service Description`, tags: ['sparql'], querystring: ProtocolParams, response: RESPONSES } }, async (request, reply) => {
    const params = request.query as Params;
    if (params.query === undefined && params.update === undefined) return describe(request, reply);
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
