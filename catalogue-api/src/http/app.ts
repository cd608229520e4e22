import { randomUUID } from 'node:crypto';
import { logOneLinePerRequest } from './request-log.js';
import { pageShell, wantsPage } from '../routes/web/page-shell.js';
import { UI_CSP } from '../routes/web/index.js';
import { API_VERSION } from './api-version.js';
import fastifyCors from '@fastify/cors';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { defaultFetchPolicy, type FetchPolicy, type PrivateAccess } from '@fedcat/harvester';
import { DEFAULT_SPARQL_LIMITS, defaultOperator, genidBase, type SparqlLimits } from '../config/load-config.js';
import { Authenticator } from './auth.js';
import type { AuditLog } from '../control/audit-log.js';
import type { TokenStore } from '../control/tokens.js';
import type { CatalogueOperator } from '../feed/feed-frame.js';
import { ChangeLog } from '../directory/change-log.js';
import { ResolutionIndex } from '../directory/resolution-index.js';
import { Federation, FEDERATION_HEADER } from '../federation/federation.js';
import type { HarvestLauncher } from '../harvest/launcher.js';
import { registerHttpCaching } from './caching.js';
import { metricsRegistry } from './metrics.js';
import metrics from '../routes/metrics/index.js';
import accessConditions from '../routes/access-conditions/index.js';
import auditLog from '../routes/audit-log/index.js';
import changes from '../routes/changes/index.js';
import fsc from '../routes/fsc/index.js';
import resolve from '../routes/resolve/index.js';
import catalog from '../routes/catalog/index.js';
import { problemErrorHandler, sendProblem } from './problem.js';
import type { RunningHarvests } from '../control/running-harvests.js';
import type { RunLog } from '../control/runs.js';
import type { SourceRegistry } from '../control/sources.js';
import harvests from '../routes/harvests/index.js';
import genid from '../routes/genid/index.js';
import seo from '../routes/seo/index.js';
import health from '../routes/health/index.js';
import type { BackendDescription } from '../backends.js';
import labels from '../routes/labels/index.js';
import organisations from '../routes/organisations/index.js';
import quality from '../routes/quality/index.js';
import runsRoute from '../routes/runs/index.js';
import records from '../routes/records/index.js';
import search from '../routes/search/index.js';
import sources from '../routes/sources/index.js';
import ownerSources from '../routes/sources/owner.js';
import sparql from '../routes/sparql/index.js';
import { requestScope } from '../routes/sparql/visibility.js';
import validate from '../routes/validate/index.js';
import web from '../routes/web/index.js';
import tryRoute, { type TryRouteOptions } from '../routes/try/index.js';
import apiDocument from '../routes/api-document/index.js';
import { OpenApiDocuments } from '../try/openapi-documents.js';
import apiRegister from '../routes/api-register/index.js';
import eventRoutes from '../routes/events/index.js';
import subscriptionRoutes from '../routes/subscriptions/index.js';
import { WebhookDelivery } from '../events/webhook-delivery.js';
import { NatsPublisher } from '../events/nats-publisher.js';
import type { Subscriptions } from '../events/subscriptions.js';
import type { EventLog } from '../events/event-log.js';
import { eventSource } from '../events/cloud-event.js';
import { NO_OIN, type EventSettings } from '../config/event-settings.js';
import { Problem } from '../schemas/common.js';
import { AccessConditions, ApiDescription, Changes, FscPeers, FscResolution, FscServices, Resolution } from '../schemas/directory.js';
import { CatalogueRecord, CatalogueRecordDetail, SearchResult } from '../schemas/records.js';
import { AggregateQuality, RecordQuality } from '../schemas/quality.js';
import { AuditEntry, Run, RunningHarvest, SourceCreate, SourcePatch, SourceSettings, SourceWithStatus } from '../schemas/sources.js';
import type { QuadStore, SearchIndex } from '@fedcat/catalogue';
import { ValidationProfiles, ValidationReport } from '../schemas/validation.js';
import { Validators } from '../validation/validators.js';
import { DEFAULT_PROFILE_ID } from '@fedcat/shapes';

/** Everything the API serves from; built once by the entry point (server or CLI). */
export interface AppOptions {
  readonly store: QuadStore;
  readonly search: SearchIndex;
  readonly sources: SourceRegistry;
  readonly runs: RunLog;
  readonly running: RunningHarvests;
  /** API tokens of owners and operators. */
  readonly tokens: TokenStore;
  readonly audit: AuditLog;
  /** Starts harvests owners ask for; without one, `POST /v1/sources/{id}/harvests` answers 503. */
  readonly launcher?: HarvestLauncher;
  /** Public base URL (`FEDCAT_BASE_URL`); `http://localhost:8080` when omitted. */
  readonly baseUrl?: string;
  /** Publisher and contact of the DCAT feed; {@link defaultOperator} when omitted. */
  readonly operator?: CatalogueOperator;
  /** Limits of the public SPARQL endpoint; `DEFAULT_SPARQL_LIMITS` when omitted. */
  readonly sparql?: SparqlLimits;
  /** Private addresses registered SPARQL endpoints may resolve to in federated queries (the harvest's policy); none when omitted. */
  readonly privateAccess?: PrivateAccess;
  /** Origins whose pages may call the API from a browser (`FEDCAT_CORS_ORIGINS`); any (`*`) when omitted. */
  readonly corsOrigins?: '*' | readonly string[];
  /** How dry runs fetch `{"url"}` documents (the harvest's policy); the harvester's defaults when omitted. */
  readonly fetchPolicy?: FetchPolicy;
  /** The profile dry runs validate with when the request names none (FEDCAT_HARVEST_PROFILE); default DCAT-AP-NL 3.0. */
  readonly defaultProfile?: string;
  /** Change events: the log harvests publish to, and the events' source and retention; omitted: no events routes. */
  readonly events?: EventLog;
  readonly eventSettings?: EventSettings;
  /** Webhook subscriptions to the events; with them this process delivers (WebhookDelivery). */
  readonly subscriptions?: Subscriptions;
  /** Caps and rate limits of the try-it proxy (`POST /v1/dataservices/{id}/try`); tests set small ones. */
  readonly tryLimits?: TryRouteOptions['limits'];
  /** URLs per sitemap file (default and most 50,000; tests use fewer to see the sitemap index). */
  readonly sitemapSize?: number;
  /** Directory of the built web UI; omitted in API-only tests. */
  readonly webRoot?: string;
  /**
   * Where the service directory keeps its change log (`GET /v1/changes`), so `since` holds across restarts; in memory
   * only when omitted.
   */
  readonly changeLogPath?: string;
  /** Which backends store and search are, for /health; the embedded ones when omitted. */
  readonly backends?: { readonly store: BackendDescription; readonly search: BackendDescription };
  readonly logger?: boolean | FastifyBaseLogger | { level: string; redact?: string[]; stream?: NodeJS.WritableStream };
}

export { API_VERSION } from './api-version.js';

/** The catalogue's SPARQL endpoint as this process listens on it (loopback when listening on every interface). */
function localSparqlEndpoint(app: FastifyInstance): string | null {
  const a = app.server.address();
  if (!a || typeof a === 'string') return null;
  const host = a.address === '0.0.0.0' || a.address === '::' ? '127.0.0.1' : a.family === 'IPv6' ? `[${a.address}]` : a.address;
  return `http://${host}:${a.port}/sparql`;
}

/** Wires the catalogue API. The only place plugins and routes are put together; `server.ts` just listens. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // One line per request, written once it is answered (logOneLinePerRequest), not one at arrival and one at the end.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    // SPARQL clients (SPARQLWrapper, rdflib) send queries by GET by default: room for 64 KB queries in the URL.
    http: { maxHeaderSize: 96 * 1024 },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setErrorHandler(problemErrorHandler);
  logOneLinePerRequest(app);
  const notFoundPage = opts.webRoot ? pageShell(opts.webRoot) : null;
  app.setNotFoundHandler(async (request, reply) => {
    // A person following a dead link gets the UI's own "page does not exist" (in their language), with status 404.
    if (notFoundPage && request.method === 'GET' && wantsPage(request.url, request.headers.accept)) {
      return reply.code(404).header('content-security-policy', UI_CSP).type('text/html; charset=utf-8').send(await notFoundPage());
    }
    return sendProblem(reply, 404, `No resource at ${request.method} ${request.url.split('?')[0]}`, 'CAT_NOT_FOUND');
  });
  registerHttpCaching(app, { 'api-version': API_VERSION });
  // Browsers on other sites (portals embedding fedcat, SPARQL editors) may read and, with a token, manage. Tokens
  // travel in a header, never in cookies, so allowing any origin gives a page nothing its user did not hand it.
  await app.register(fastifyCors, {
    origin: opts.corsOrigins === undefined || opts.corsOrigins === '*' ? '*' : [...opts.corsOrigins],
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['Accept', 'Authorization', 'Content-Type', 'If-None-Match'],
    exposedHeaders: ['API-Version', 'ETag', 'Link', 'Location', 'X-Total-Count', 'Fedcat-Timeout-Ms', 'Fedcat-Result-Cap', 'Fedcat-Truncated'],
    maxAge: 600,
  });
  app.addSchema(Problem);
  app.addSchema(CatalogueRecord);
  app.addSchema(CatalogueRecordDetail);
  app.addSchema(SearchResult);
  app.addSchema(RecordQuality);
  app.addSchema(AggregateQuality);
  app.addSchema(Run);
  app.addSchema(RunningHarvest);
  app.addSchema(SourceWithStatus);
  app.addSchema(SourceSettings);
  app.addSchema(SourceCreate);
  app.addSchema(SourcePatch);
  app.addSchema(ValidationReport);
  app.addSchema(ValidationProfiles);
  app.addSchema(AuditEntry);
  for (const schema of [ApiDescription, Resolution, AccessConditions, FscServices, FscPeers, FscResolution, Changes]) app.addSchema(schema);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'fedcat catalogue API', version: API_VERSION,
        description: 'Datasets and data services of the Dutch federated data system: search, records, sources and SPARQL.' },
      servers: [{ url: '/' }],
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer',
        description: 'An organisation or admin token from `fedcat tokens create`, as Authorization: Bearer fedcat_…' } } },
    },
    // Routes at a plugin's prefix are registered as `/prefix/`; clients call `/prefix`.
    transform: ({ schema, url }) => ({ schema: schema as never, url: url.length > 1 ? url.replace(/\/$/, '') : url }),
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });

  const { store, search: index } = opts;
  // The service directory: resolution answers in memory, rebuilt whenever the store's graphs change.
  const directory = new ResolutionIndex(store, new ChangeLog(opts.changeLogPath ?? null));
  directory.start().catch((err: unknown) => app.log.error({ err }, 'the service directory could not be built'));
  app.addHook('onClose', async () => directory.stop());
  await app.register(metrics, { prefix: '/metrics', register: metricsRegistry(app, opts) });
  await app.register(health, { prefix: '/health', store, search: index, startedAt: Date.now(), backends: opts.backends ?? { store: { kind: 'oxigraph' }, search: { kind: 'embedded' } } });
  await app.register(search, { prefix: '/v1/search', search: index });
  const baseUrl = opts.baseUrl ?? 'http://localhost:8080';
  await app.register(records, { prefix: '/v1/datasets', search: index, store, type: 'Dataset', directory, genidBase: genidBase({ baseUrl }) });
  await app.register(records, { prefix: '/v1/dataservices', search: index, store, type: 'DataService', directory, genidBase: genidBase({ baseUrl }) });
  for (const [prefix, type] of [['/v1/datasets', 'Dataset'], ['/v1/dataservices', 'DataService']] as const) {
    await app.register(accessConditions, { prefix, search: index, store, directory, type, genidBase: genidBase({ baseUrl }) });
  }
  await app.register(resolve, { prefix: '/v1/resolve', directory });
  // The try-it console: its proxy, and the OpenAPI documents it builds its forms from (fetched under the harvest's policy).
  const auth = new Authenticator(opts.tokens);
  const publisherPolicy = { ...(opts.fetchPolicy ?? defaultFetchPolicy), privateAccess: opts.privateAccess ?? opts.fetchPolicy?.privateAccess ?? { kind: 'none' as const } };
  const documents = new OpenApiDocuments(publisherPolicy);
  await app.register(tryRoute, { prefix: '/v1/dataservices', directory, documents, policy: publisherPolicy, ...(opts.tryLimits ? { limits: opts.tryLimits } : {}) });
  await app.register(apiDocument, { prefix: '/v1/dataservices', directory, documents });
  await app.register(apiRegister, { prefix: '/v1/api-register', directory, baseUrl });
  if (opts.events) {
    const settings = opts.eventSettings ?? { source: eventSource(NO_OIN), retentionDays: 30 };
    const origin = { source: settings.source, baseUrl };
    await app.register(eventRoutes, { prefix: '/v1', events: opts.events, origin, retentionDays: settings.retentionDays });
    if (opts.subscriptions) {
      await app.register(subscriptionRoutes, { prefix: '/v1/subscriptions', subscriptions: opts.subscriptions, events: opts.events, auth, privateAccess: publisherPolicy.privateAccess });
      const delivery = new WebhookDelivery({ events: opts.events, subscriptions: opts.subscriptions, origin, policy: publisherPolicy, log: (m) => app.log.warn(m) });
      app.addHook('onReady', async () => delivery.start());
      app.addHook('onClose', async () => delivery.stop());
    }
    if (settings.nats) {
      const nats = new NatsPublisher(settings.nats, opts.events, origin, (m) => app.log.warn(m));
      app.addHook('onReady', async () => nats.start());
      app.addHook('onClose', async () => nats.stop());
    }
  }
  await app.register(fsc, { prefix: '/v1/fsc', directory });
  await app.register(changes, { prefix: '/v1/changes', directory });
  await app.register(sources, { prefix: '/v1/sources', sources: opts.sources, runs: opts.runs, running: opts.running });
  await app.register(ownerSources, {
    prefix: '/v1/sources', sources: opts.sources, runs: opts.runs, running: opts.running, store, search: index, auth,
    ...(opts.launcher ? { launcher: opts.launcher } : {}),
  });
  await app.register(auditLog, { prefix: '/v1/audit-log', audit: opts.audit, auth });
  await app.register(harvests, { prefix: '/v1/harvests', running: opts.running });
  await app.register(runsRoute, { prefix: '/v1/runs', sources: opts.sources, runs: opts.runs });
  await app.register(labels, { prefix: '/v1/labels' });
  await app.register(organisations, { prefix: '/v1/organisations', search: index, sources: opts.sources, directory });
  // Dry runs validate on one worker thread per profile, beside the event loop; harvests run in child processes.
  const validators = new Validators(opts.defaultProfile ?? DEFAULT_PROFILE_ID, { threads: 1 });
  app.addHook('onClose', () => validators.close());
  const fetchPolicy = opts.fetchPolicy ?? defaultFetchPolicy;
  await app.register(validate, { prefix: '/v1/validate', validators, policy: fetchPolicy, maxBytes: Math.min(fetchPolicy.maxBytes, 32 * 1024 * 1024) });
  const limits = opts.sparql ?? DEFAULT_SPARQL_LIMITS;
  const federation = new Federation({ sources: opts.sources, privateAccess: opts.privateAccess ?? { kind: 'none' }, localEndpoint: () => localSparqlEndpoint(app) });
  app.addHook('onClose', () => federation.close());
  await app.register(sparql, {
    prefix: '/sparql', backend: store, limits, uncapped: { header: FEDERATION_HEADER, key: federation.key },
    scope: requestScope(auth, opts.sources), ...(opts.webRoot ? { queryPage: '/query' } : {}),
  });
  await app.register(sparql, { prefix: '/sparql/federated', backend: federation, limits, federated: true });
  await app.register(quality, { prefix: '/v1', store, search: index, sources: opts.sources, runs: opts.runs, genidBase: genidBase({ baseUrl }) });
  await app.register(catalog, {
    prefix: '/catalog', search: index, store, sources: opts.sources, baseUrl, genidBase: genidBase({ baseUrl }),
    operator: opts.operator ?? defaultOperator(baseUrl),
  });
  await app.register(genid, { prefix: '/.well-known/genid', store, genidBase: genidBase({ baseUrl }) });
  await app.register(seo, { search: index, baseUrl, ...(opts.sitemapSize ? { sitemapSize: opts.sitemapSize } : {}) });
  app.get('/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // The API's reference page, rendered from the same document (swagger-ui's files, served locally; no CDN).
  await app.register(fastifySwaggerUi, { routePrefix: '/v1/docs', staticCSP: true, uiConfig: { deepLinking: true, tryItOutEnabled: false } });
  if (opts.webRoot) await app.register(web, { root: opts.webRoot, records: { search: index, store, baseUrl, genidBase: genidBase({ baseUrl }) } });
  return app;
}
