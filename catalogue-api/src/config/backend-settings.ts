import { readFileSync } from 'node:fs';
import { ConfigError, httpUrl, integer } from './values.js';
import type { SparqlAuth } from '../store/sparql/http-client.js';
import type { SparqlStoreOptions } from '../store/sparql-store.js';

/** The store backend and how to reach it. */
export type StoreSettings =
  /** `queryWorkers`: store workers the public SPARQL endpoint's queries run on (each holds a copy of the data). */
  | { readonly kind: 'oxigraph'; readonly queryWorkers: number }
  /** The SparqlStore's options that are configured (poll interval, load pieces and backoff keep their defaults). */
  | ({ readonly kind: 'sparql' } & Omit<SparqlStoreOptions, 'pollMs' | 'chunkTriples' | 'backoffMs'>);

/** The search backend and how to reach it. */
export type SearchSettings =
  | { readonly kind: 'embedded' }
  | { readonly kind: 'meilisearch'; readonly url: string; readonly apiKey?: string; readonly index: string; readonly timeoutMs: number };

export const STORE_KINDS = ['oxigraph', 'sparql'] as const;
export const SEARCH_KINDS = ['embedded', 'meilisearch'] as const;

/** A secret from `NAME`, or from the file `NAME_FILE` names (for systemd credentials and container secrets). */
function secret(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (file) {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch (err) {
      throw new ConfigError(`${name}_FILE names a file fedcat cannot read (${(err as Error).message})`);
    }
  }
  return env[name] || undefined;
}

function storeAuth(env: NodeJS.ProcessEnv): SparqlAuth {
  const token = secret(env, 'FEDCAT_STORE_TOKEN');
  const user = env.FEDCAT_STORE_USER;
  const password = secret(env, 'FEDCAT_STORE_PASSWORD');
  const scheme = (env.FEDCAT_STORE_AUTH ?? 'auto').trim().toLowerCase();
  if (scheme !== 'auto' && scheme !== 'basic' && scheme !== 'digest') throw new ConfigError(`FEDCAT_STORE_AUTH must be auto, basic or digest, not '${scheme}'`);
  if (token && user) throw new ConfigError('Give FEDCAT_STORE_TOKEN (bearer) or FEDCAT_STORE_USER and FEDCAT_STORE_PASSWORD, not both');
  if (token) return { kind: 'bearer', token };
  if (user === undefined && password === undefined) return { kind: 'none' };
  if (!user || password === undefined) throw new ConfigError('FEDCAT_STORE_USER and FEDCAT_STORE_PASSWORD (or FEDCAT_STORE_PASSWORD_FILE) go together');
  return { kind: 'user', user, password, scheme };
}

/**
 * FEDCAT_STORE: `oxigraph` (default; embedded, in the data directory; FEDCAT_SPARQL_WORKERS workers for /sparql) or `sparql`: any SPARQL 1.1 store, reached at
 * FEDCAT_STORE_QUERY_URL and FEDCAT_STORE_UPDATE_URL, with FEDCAT_STORE_GSP_URL (Graph Store HTTP Protocol; loads
 * by INSERT DATA without it), FEDCAT_STORE_USER + FEDCAT_STORE_PASSWORD[_FILE] (FEDCAT_STORE_AUTH auto|basic|digest)
 * or FEDCAT_STORE_TOKEN[_FILE], FEDCAT_STORE_TIMEOUT_MS (60000 per request), FEDCAT_STORE_RETRIES (3), FEDCAT_STORE_CONNECTIONS (8 requests in flight per process).
 */
export function storeSettings(env: NodeJS.ProcessEnv, kind = env.FEDCAT_STORE): StoreSettings {
  const k = (kind ?? 'oxigraph').trim().toLowerCase() || 'oxigraph';
  if (k === 'oxigraph') return { kind: 'oxigraph', queryWorkers: integer('FEDCAT_SPARQL_WORKERS', env.FEDCAT_SPARQL_WORKERS, 2, 1, 16) };
  if (k !== 'sparql') throw new ConfigError(`FEDCAT_STORE must be one of ${STORE_KINDS.join(', ')}, not '${k}'`);
  const needed = 'when FEDCAT_STORE=sparql';
  const graphStoreUrl = httpUrl('FEDCAT_STORE_GSP_URL', env.FEDCAT_STORE_GSP_URL, null);
  return {
    kind: 'sparql',
    queryUrl: httpUrl('FEDCAT_STORE_QUERY_URL', env.FEDCAT_STORE_QUERY_URL, needed)!,
    updateUrl: httpUrl('FEDCAT_STORE_UPDATE_URL', env.FEDCAT_STORE_UPDATE_URL, needed)!,
    ...(graphStoreUrl ? { graphStoreUrl } : {}),
    auth: storeAuth(env),
    timeoutMs: integer('FEDCAT_STORE_TIMEOUT_MS', env.FEDCAT_STORE_TIMEOUT_MS, 60_000, 100, 3_600_000),
    retries: integer('FEDCAT_STORE_RETRIES', env.FEDCAT_STORE_RETRIES, 3, 0, 20),
    connections: integer('FEDCAT_STORE_CONNECTIONS', env.FEDCAT_STORE_CONNECTIONS, 8, 1, 256),
  };
}

/**
 * FEDCAT_SEARCH: `embedded` (default; SQLite FTS5 in the data directory) or `meilisearch` at FEDCAT_MEILI_URL with
 * FEDCAT_MEILI_KEY[_FILE], index FEDCAT_MEILI_INDEX (fedcat), FEDCAT_MEILI_TIMEOUT_MS (30000).
 */
export function searchSettings(env: NodeJS.ProcessEnv, kind = env.FEDCAT_SEARCH): SearchSettings {
  const k = (kind ?? 'embedded').trim().toLowerCase() || 'embedded';
  if (k === 'embedded') return { kind: 'embedded' };
  if (k !== 'meilisearch') throw new ConfigError(`FEDCAT_SEARCH must be one of ${SEARCH_KINDS.join(', ')}, not '${k}'`);
  const index = (env.FEDCAT_MEILI_INDEX ?? 'fedcat').trim();
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(index)) throw new ConfigError(`FEDCAT_MEILI_INDEX must be letters, digits, - and _, not '${index}'`);
  const apiKey = secret(env, 'FEDCAT_MEILI_KEY');
  return {
    kind: 'meilisearch',
    url: httpUrl('FEDCAT_MEILI_URL', env.FEDCAT_MEILI_URL, 'when FEDCAT_SEARCH=meilisearch')!,
    ...(apiKey ? { apiKey } : {}),
    index,
    timeoutMs: integer('FEDCAT_MEILI_TIMEOUT_MS', env.FEDCAT_MEILI_TIMEOUT_MS, 30_000, 100, 3_600_000),
  };
}
