import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CatalogueOperator } from '../feed/feed-frame.js';
import { ContextDirectoryError, defaultFetchPolicy, loadJsonLdContexts, parsePrivateAccess, type ClientTls, type FetchPolicy, type JsonLdContexts } from '@fedcat/harvester';
import { DEFAULT_PROFILE_ID, PROFILES, profileById } from '@fedcat/shapes';
import { searchSettings, storeSettings, type SearchSettings, type StoreSettings } from './backend-settings.js';
import { ConfigError, integer } from './values.js';
import { eventSettings, failpoint, type EventSettings } from './event-settings.js';
import type { Failpoint } from '../harvest/sink.js';

export { ConfigError } from './values.js';

/** fedcat's typed configuration, loaded once by the entry point. */
export interface Config {
  /**
   * The environment this configuration was read from, as the entry point passed it: what a child harvest process
   * starts with (see childHarvestEnv) and what `fedcat migrate` reads the target store's settings from.
   */
  readonly environment: Readonly<NodeJS.ProcessEnv>;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** The fetch policy harvests, dry runs and link checks run under, known JSON-LD contexts (FEDCAT_JSONLD_CONTEXTS) loaded. */
  readonly fetchPolicy: FetchPolicy;
  readonly logLevel: string;
  /**
   * Public base URL of this fedcat; minted IRIs (skolemised blank nodes) and the feed's links live under it.
   * FEDCAT_BASE_URL, or else the address served (`http://localhost:<port>` on a loopback or any-address host).
   */
  readonly baseUrl: string;
  /** Whether FEDCAT_BASE_URL set the base URL (`set`) or it follows the host and port served (`served`). */
  readonly baseUrlFrom: 'set' | 'served';
  /** How many sources `harvest --all` and the scheduler harvest at once. */
  readonly harvestConcurrency: number;
  /** Concurrent requests per publisher host across all harvests. */
  readonly harvestPerHost: number;
  /**
   * How far (percent) a harvest process lets its JavaScript heap grow past what is live before collecting.
   * V8's default grows it up to 4x under a high allocation rate, which a harvest has: lower is leaner, higher faster.
   */
  readonly harvestHeapGrowth: number;
  /** Limits of the public SPARQL endpoint. */
  readonly sparql: SparqlLimits;
  /** Who runs this fedcat, as the DCAT feed states it. */
  readonly operator: CatalogueOperator;
  /** The change events' source (FEDCAT_OPERATOR_OIN) and how long they are kept (FEDCAT_EVENTS_RETENTION_DAYS). */
  readonly events: EventSettings;
  /** For crash tests only: where a harvest kills itself while publishing (FEDCAT_TEST_FAILPOINT, see FAILPOINTS). */
  readonly failpoint: Failpoint;
  /** Web origins whose pages may call the API from a browser: `*` (any; the default) or a list. */
  readonly corsOrigins: '*' | readonly string[];
  /**
   * The validation profile harvests gate records with (FEDCAT_HARVEST_PROFILE), unless a source names its own.
   * Default `dcat-ap-nl-3.0`: DCAT-AP's base scenario and DCAT-AP-NL's cardinalities gate; ranges, vocabularies and
   * recommendations advise. A source of a catalogue not written for DCAT-AP-NL (another country's portal) is
   * registered with `dcat-ap-3.0.1` instead, or most of its records are quarantined (README, "Validation").
   */
  readonly harvestProfile: string;
  /**
   * Bounds of the link check of distributions' access and download URLs (the MQA's accessibility indicators);
   * null turns it off (FEDCAT_LINK_CHECK=false). Checks use the harvest's address policy and per-host cap.
   */
  readonly linkCheck: LinkCheckSettings | null;
  /**
   * Bounds of fetching data services' OpenAPI descriptions and PDP metadata at harvest; null turns it off
   * (FEDCAT_SERVICE_CHECK=false). Fetches use the harvest's address policy and per-host cap.
   */
  readonly serviceCheck: ServiceCheckSettings | null;
  /** Where RDF is stored: the embedded oxigraph store (default) or a SPARQL 1.1 store (FEDCAT_STORE=sparql). */
  readonly store: StoreSettings;
  /** Where records are indexed for search: the embedded SQLite index (default) or Meilisearch. */
  readonly search: SearchSettings;
}

/** The configurable bounds of describing data services (see describeServices). */
export interface ServiceCheckSettings {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxAgeMs: number;
}

function onOff(name: string, value: string | undefined): boolean {
  const on = (value ?? 'true').trim().toLowerCase();
  if (on === 'false' || on === '0' || on === 'off') return false;
  if (on !== 'true' && on !== '1' && on !== 'on') throw new ConfigError(`${name} must be true or false, not '${value}'`);
  return true;
}

function serviceCheck(env: NodeJS.ProcessEnv): ServiceCheckSettings | null {
  if (!onOff('FEDCAT_SERVICE_CHECK', env.FEDCAT_SERVICE_CHECK)) return null;
  return {
    timeoutMs: integer('FEDCAT_SERVICE_CHECK_TIMEOUT_MS', env.FEDCAT_SERVICE_CHECK_TIMEOUT_MS, 10_000, 100, 600_000),
    maxBytes: integer('FEDCAT_SERVICE_CHECK_MAX_BYTES', env.FEDCAT_SERVICE_CHECK_MAX_BYTES, 5 * 1024 * 1024, 1024, 2 ** 30),
    maxAgeMs: integer('FEDCAT_SERVICE_CHECK_MAX_AGE_HOURS', env.FEDCAT_SERVICE_CHECK_MAX_AGE_HOURS, 24, 0, 87_600) * 3600_000,
  };
}

/** The client certificate FSC Directories are read with (mutual TLS), from PEM files; null when none is configured. */
function fscClientTls(env: NodeJS.ProcessEnv): ClientTls | null {
  const cert = env.FEDCAT_FSC_CLIENT_CERT;
  const key = env.FEDCAT_FSC_CLIENT_KEY;
  if (!cert && !key) return null;
  if (!cert || !key) throw new ConfigError('FEDCAT_FSC_CLIENT_CERT and FEDCAT_FSC_CLIENT_KEY go together: give both PEM files, or neither');
  const read = (name: string, path: string) => {
    try {
      return readFileSync(resolve(path), 'utf8');
    } catch (err) {
      throw new ConfigError(`${name}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  const ca = env.FEDCAT_FSC_CA;
  return { cert: read('FEDCAT_FSC_CLIENT_CERT', cert), key: read('FEDCAT_FSC_CLIENT_KEY', key), ...(ca ? { ca: read('FEDCAT_FSC_CA', ca) } : {}) };
}

/** The configurable bounds of link checking (see checkLinks). */
export interface LinkCheckSettings {
  readonly maxChecks: number;
  readonly timeoutMs: number;
  readonly maxAgeMs: number;
}

function linkCheck(env: NodeJS.ProcessEnv): LinkCheckSettings | null {
  if (!onOff('FEDCAT_LINK_CHECK', env.FEDCAT_LINK_CHECK)) return null;
  return {
    maxChecks: integer('FEDCAT_LINK_CHECK_MAX', env.FEDCAT_LINK_CHECK_MAX, 500, 0, 1_000_000),
    timeoutMs: integer('FEDCAT_LINK_CHECK_TIMEOUT_MS', env.FEDCAT_LINK_CHECK_TIMEOUT_MS, 10_000, 100, 600_000),
    maxAgeMs: integer('FEDCAT_LINK_CHECK_MAX_AGE_HOURS', env.FEDCAT_LINK_CHECK_MAX_AGE_HOURS, 168, 0, 87_600) * 3600_000,
  };
}

/** The federation catalogue's publisher and contact point when none is configured. */
export function defaultOperator(baseUrl: string): CatalogueOperator {
  return {
    title: 'Catalogus van het Federatief Datastelsel', description: 'Datasets en API\'s die overheidsorganisaties beschrijven, geoogst en gevalideerd door fedcat.',
    publisher: `${baseUrl}/#operator`, publisherName: 'fedcat', contact: `${baseUrl}/`,
  };
}

function operator(env: NodeJS.ProcessEnv, base: string): CatalogueOperator {
  const d = defaultOperator(base);
  const iri = (name: string, v: string | undefined, fallback: string, schemes: RegExp) => {
    if (v === undefined || v === '') return fallback;
    if (!URL.canParse(v) || !schemes.test(v)) throw new ConfigError(`${name} must be an IRI (${schemes.source}), not '${v}'`);
    return v;
  };
  return {
    ...d,
    title: env.FEDCAT_CATALOG_TITLE || d.title,
    publisher: iri('FEDCAT_CATALOG_PUBLISHER', env.FEDCAT_CATALOG_PUBLISHER, d.publisher, /^https?:/),
    publisherName: env.FEDCAT_CATALOG_PUBLISHER_NAME || d.publisherName,
    contact: iri('FEDCAT_CATALOG_CONTACT', env.FEDCAT_CATALOG_CONTACT, d.contact, /^(mailto|https?):/),
  };
}

/** What one query on the public SPARQL endpoint may take. */
export interface SparqlLimits {
  /** Time limit of running one query (ms); past it the query is cut off (504). It may wait as long for a place to run. */
  readonly timeoutMs: number;
  /** Running time (ms) one client's queries may take in a minute; past it its next queries get 429. Default: twice `timeoutMs`. */
  readonly clientBudgetMs?: number;
  /** Most solutions (SELECT) or triples (CONSTRUCT/DESCRIBE) in one answer; more are cut off and the answer says so. */
  readonly resultCap: number;
}

export const DEFAULT_SPARQL_LIMITS: SparqlLimits = { timeoutMs: 30_000, resultCap: 10_000 };

/** Where fedcat mints skolem IRIs for blank nodes. */
export const genidBase = (config: Pick<Config, 'baseUrl'>) => `${config.baseUrl}/.well-known/genid/`;

/** Thrown when an environment variable or flag has an unusable value. */

function corsOrigins(value: string | undefined): '*' | string[] {
  if (value === undefined || value.trim() === '' || value.trim() === '*') return '*';
  return value.split(',').map((o) => o.trim()).filter(Boolean).map((o) => {
    if (!URL.canParse(o) || new URL(o).origin !== o) throw new ConfigError(`FEDCAT_CORS_ORIGINS lists origins such as https://data.example.nl (scheme, host, port; no path), not '${o}'`);
    return o;
  });
}

/** Hosts that name this machine, or every address of it: links to them are written `localhost`. */
const LOCAL_HOSTS = new Set(['', 'localhost', '127.0.0.1', '::1', '0.0.0.0', '::']);

/** The base URL of the address served on: what a browser on this machine opens. */
export function servedBaseUrl(host: string, port: number): string {
  const name = LOCAL_HOSTS.has(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

function baseUrl(v: string): string {
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    return u.href.replace(/\/+$/, '');
  } catch {
    throw new ConfigError(`FEDCAT_BASE_URL must be an http(s) URL, not '${v}'`);
  }
}

function harvestProfile(v: string | undefined): string {
  const id = v?.trim() || DEFAULT_PROFILE_ID;
  if (!profileById(id)) throw new ConfigError(`FEDCAT_HARVEST_PROFILE must be one of ${PROFILES.map((p) => p.id).join(', ')}, not '${id}'`);
  return id;
}

/**
 * Reads configuration from the environment, with command-line flags taking precedence.
 * FEDCAT_PORT (8080), FEDCAT_HOST (127.0.0.1), FEDCAT_DATA_DIR (./data), FEDCAT_HARVEST_ALLOW_PRIVATE,
 * FEDCAT_HARVEST_TIMEOUT_MS (60000), FEDCAT_HARVEST_MAX_BYTES (50 MiB), FEDCAT_LOG_LEVEL (info),
 * FEDCAT_BASE_URL (default the address served, http://localhost:<port>; set it before the first harvest: minted IRIs live under it),
 * FEDCAT_HARVEST_FILES (comma-separated directories `file:` sources may read; none by default),
 * FEDCAT_HARVEST_CONCURRENCY (2 sources at once), FEDCAT_HARVEST_PER_HOST (2 requests per host at once),
 * FEDCAT_HARVEST_HEAP_GROWTH (30 percent; see {@link Config.harvestHeapGrowth}), FEDCAT_JSONLD_CONTEXTS (a directory
 * of known JSON-LD contexts; none by default), FEDCAT_SPARQL_TIMEOUT_MS (30000), FEDCAT_SPARQL_MAX_RESULTS (10000), and the DCAT feed's
 * FEDCAT_CATALOG_TITLE, FEDCAT_CATALOG_PUBLISHER (IRI), FEDCAT_CATALOG_PUBLISHER_NAME, FEDCAT_CATALOG_CONTACT (mailto: or URL),
 * FEDCAT_CORS_ORIGINS (`*` or comma-separated origins that may call the API from a browser), and
 * FEDCAT_HARVEST_PROFILE (the validation profile harvests gate with; see {@link Config.harvestProfile}), and the link check's
 * FEDCAT_LINK_CHECK (true), FEDCAT_LINK_CHECK_MAX (500 links per source and run), FEDCAT_LINK_CHECK_TIMEOUT_MS (10000),
 * FEDCAT_LINK_CHECK_MAX_AGE_HOURS (168: a link checked more recently is not checked again), the service check's
 * FEDCAT_SERVICE_CHECK (true), FEDCAT_SERVICE_CHECK_TIMEOUT_MS (10000), FEDCAT_SERVICE_CHECK_MAX_BYTES (5 MiB),
 * FEDCAT_SERVICE_CHECK_MAX_AGE_HOURS (24), and FEDCAT_FSC_CLIENT_CERT, FEDCAT_FSC_CLIENT_KEY, FEDCAT_FSC_CA (PEM files:
 * the client certificate FSC Directories are read with), and the backends: FEDCAT_STORE, FEDCAT_STORE_* and
 * FEDCAT_SEARCH, FEDCAT_MEILI_* (see backend-config.ts).
 */
/** The known JSON-LD contexts of FEDCAT_JSONLD_CONTEXTS; an unusable directory is a configuration error. */
function jsonLdContexts(dir: string): JsonLdContexts {
  try {
    return loadJsonLdContexts(dir);
  } catch (err) {
    if (err instanceof ContextDirectoryError) throw new ConfigError(`FEDCAT_JSONLD_CONTEXTS: ${err.message}`);
    throw err;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv, flags: { port?: string; data?: string; host?: string } = {}): Config {
  const port = integer('port', flags.port ?? env.FEDCAT_PORT, 8080, 0, 65535);
  const host = flags.host ?? env.FEDCAT_HOST ?? '127.0.0.1';
  const baseUrlFrom = env.FEDCAT_BASE_URL?.trim() ? 'set' : 'served';
  const base = baseUrlFrom === 'set' ? baseUrl(env.FEDCAT_BASE_URL!.trim()) : servedBaseUrl(host, port);
  const fscTls = fscClientTls(env);
  return {
    environment: env,
    port,
    host,
    dataDir: resolve(flags.data ?? env.FEDCAT_DATA_DIR ?? './data'),
    fetchPolicy: {
      ...defaultFetchPolicy,
      privateAccess: parsePrivateAccess(env.FEDCAT_HARVEST_ALLOW_PRIVATE),
      timeoutMs: integer('FEDCAT_HARVEST_TIMEOUT_MS', env.FEDCAT_HARVEST_TIMEOUT_MS, defaultFetchPolicy.timeoutMs, 100, 3_600_000),
      maxBytes: integer('FEDCAT_HARVEST_MAX_BYTES', env.FEDCAT_HARVEST_MAX_BYTES, defaultFetchPolicy.maxBytes, 1024, 2 ** 31),
      fileRoots: (env.FEDCAT_HARVEST_FILES ?? '').split(',').map((d) => d.trim()).filter(Boolean).map((d) => resolve(d)),
      ...(fscTls ? { fscClientTls: fscTls } : {}),
      ...(env.FEDCAT_JSONLD_CONTEXTS ? { jsonLdContexts: jsonLdContexts(resolve(env.FEDCAT_JSONLD_CONTEXTS)) } : {}),
    },
    harvestConcurrency: integer('FEDCAT_HARVEST_CONCURRENCY', env.FEDCAT_HARVEST_CONCURRENCY, 2, 1, 64),
    harvestPerHost: integer('FEDCAT_HARVEST_PER_HOST', env.FEDCAT_HARVEST_PER_HOST, 2, 1, 64),
    harvestHeapGrowth: integer('FEDCAT_HARVEST_HEAP_GROWTH', env.FEDCAT_HARVEST_HEAP_GROWTH, 30, 10, 300),
    sparql: {
      timeoutMs: integer('FEDCAT_SPARQL_TIMEOUT_MS', env.FEDCAT_SPARQL_TIMEOUT_MS, DEFAULT_SPARQL_LIMITS.timeoutMs, 100, 3_600_000),
      resultCap: integer('FEDCAT_SPARQL_MAX_RESULTS', env.FEDCAT_SPARQL_MAX_RESULTS, DEFAULT_SPARQL_LIMITS.resultCap, 1, 10_000_000),
      ...(env.FEDCAT_SPARQL_CLIENT_BUDGET_MS ? { clientBudgetMs: integer('FEDCAT_SPARQL_CLIENT_BUDGET_MS', env.FEDCAT_SPARQL_CLIENT_BUDGET_MS, 60_000, 100, 86_400_000) } : {}),
    },
    logLevel: env.FEDCAT_LOG_LEVEL ?? 'info',
    baseUrl: base,
    baseUrlFrom,
    operator: operator(env, base),
    events: eventSettings(env),
    failpoint: failpoint(env.FEDCAT_TEST_FAILPOINT),
    corsOrigins: corsOrigins(env.FEDCAT_CORS_ORIGINS),
    harvestProfile: harvestProfile(env.FEDCAT_HARVEST_PROFILE),
    linkCheck: linkCheck(env),
    serviceCheck: serviceCheck(env),
    store: storeSettings(env),
    search: searchSettings(env),
  };
}
