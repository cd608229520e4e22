import { join } from 'node:path';
import type { SearchSettings, StoreSettings } from './config/backend-settings.js';
import type { QuadStore, SearchIndex } from '@fedcat/catalogue';
import { MeilisearchIndex } from './search/meili-search.js';
import { SqliteSearchIndex } from './search/sqlite-search.js';
import { OxigraphStore } from './store/oxigraph-store.js';
import { SparqlStore } from './store/sparql-store.js';

/** What a backend is, for logs and health: kind and, for remote ones, where (never credentials). */
export interface BackendDescription { readonly kind: string; readonly endpoint?: string }

/**
 * The store the settings name, with its description: embedded in `dataDir` (lazy: started at first query), or a
 * SPARQL 1.1 store.
 */
export function openStore(settings: StoreSettings, dataDir: string, opts: { lazy?: boolean } = {}): { store: QuadStore; description: BackendDescription } {
  if (settings.kind === 'oxigraph') return { store: new OxigraphStore({ dataDir, lazy: opts.lazy ?? false, queryWorkers: settings.queryWorkers }), description: { kind: 'oxigraph' } };
  const { kind: _kind, ...remote } = settings;
  return { store: new SparqlStore(remote), description: { kind: 'sparql', endpoint: settings.queryUrl } };
}

/** The search index the settings name, with its description: embedded in `dataDir`, or Meilisearch. */
export function openSearch(settings: SearchSettings, dataDir: string): { search: SearchIndex; description: BackendDescription } {
  if (settings.kind === 'embedded') return { search: new SqliteSearchIndex(join(dataDir, 'search', 'index.sqlite')), description: { kind: 'embedded' } };
  return { search: new MeilisearchIndex(settings), description: { kind: 'meilisearch', endpoint: settings.url } };
}
