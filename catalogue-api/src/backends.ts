import { join } from 'node:path';
import type { SearchSettings, StoreSettings } from './config/backend-settings.js';
import type { QuadStore, SearchIndex } from '@fedcat/catalogue';
import { MeilisearchIndex } from './search/meili-search.js';
import { SqliteSearchIndex } from './search/sqlite-search.js';
import { OxigraphStore } from './store/oxigraph-store.js';
import { SparqlStore } from './store/sparql-store.js';

/** The store the settings name: embedded in `dataDir` (lazy: started at first query), or a SPARQL 1.1 store. */
export function openStore(settings: StoreSettings, dataDir: string, opts: { lazy?: boolean } = {}): QuadStore {
  if (settings.kind === 'oxigraph') return new OxigraphStore({ dataDir, lazy: opts.lazy ?? false });
  const { kind: _kind, ...remote } = settings;
  return new SparqlStore(remote);
}

/** The search index the settings name: embedded in `dataDir`, or Meilisearch. */
export function openSearch(settings: SearchSettings, dataDir: string): SearchIndex {
  if (settings.kind === 'embedded') return new SqliteSearchIndex(join(dataDir, 'search', 'index.sqlite'));
  return new MeilisearchIndex(settings);
}

/** What a backend is, for logs and health: kind and, for remote ones, where (never credentials). */
export interface BackendDescription { readonly kind: string; readonly endpoint?: string }

export function describeStore(settings: StoreSettings): BackendDescription {
  return settings.kind === 'oxigraph' ? { kind: 'oxigraph' } : { kind: 'sparql', endpoint: settings.queryUrl };
}

export function describeSearch(settings: SearchSettings): BackendDescription {
  return settings.kind === 'embedded' ? { kind: 'embedded' } : { kind: 'meilisearch', endpoint: settings.url };
}
