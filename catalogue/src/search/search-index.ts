import type { CatalogueDocument, FacetField } from '../catalogue-document.js';

/** Sort orders every backend supports; relevance applies when there is a query text. */
export type SortSpec = 'relevance' | 'title:asc' | 'title:desc' | 'modified:asc' | 'modified:desc';
export const SORT_SPECS: readonly SortSpec[] = ['relevance', 'title:asc', 'title:desc', 'modified:asc', 'modified:desc'];

/** A search request in the port's own form (Meilisearch-like semantics). */
export interface SearchRequest {
  /** Free text; the last word matches as a prefix, longer words tolerate typos (1 from 5 letters, 2 from 9). */
  readonly q?: string;
  /** Values are OR-ed within a field, fields are AND-ed. */
  readonly filters?: Partial<Record<FacetField, readonly string[]>>;
  /** Fields to count values of, over the filtered result. */
  readonly facets?: readonly FacetField[];
  readonly sort?: SortSpec;
  /** Only records whose `modified` (as published) is on or after this ISO 8601 date or date-time. */
  readonly modifiedSince?: string;
  readonly offset?: number;
  readonly limit?: number;
}

/** A run of text, marked when it matched the query. */
export interface Segment { readonly text: string; readonly match: boolean }

export interface SearchHit {
  readonly document: CatalogueDocument;
  /** Title and a cropped description, split into matched and unmatched runs (never HTML). */
  readonly highlights: { readonly title: readonly Segment[]; readonly description: readonly Segment[] };
}

/** A document from another source that shares an identifier or landing page with the one asked about. */
export interface PossibleDuplicate {
  readonly document: CatalogueDocument;
  /** The match keys both have, e.g. `identifier:https://…`, `landingPage:https://…`. */
  readonly sharedKeys: readonly string[];
}

export interface FacetCount { readonly value: string; readonly count: number; readonly label: string | null }

export interface SearchResponse {
  readonly hits: readonly SearchHit[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly facets: Partial<Record<FacetField, readonly FacetCount[]>>;
  /** Query words that matched nothing exactly and were replaced by close vocabulary words. */
  readonly corrections: Readonly<Record<string, readonly string[]>>;
  readonly processingTimeMs: number;
}

/**
 * The search port. Implementations: the embedded SQLite FTS5 index (default, persistent) and Meilisearch.
 * Writes are per source, so a source's documents switch in one step.
 */
export interface SearchIndex {
  replaceSource(source: string, documents: readonly CatalogueDocument[]): Promise<void>;
  /**
   * Applies one harvest's changes to a source in one step: documents are inserted or replaced by id, ids in
   * `remove` deleted; `run` is recorded as the source's indexed harvest run (see {@link indexedRuns}).
   */
  applyChanges(source: string, change: { upsert: readonly CatalogueDocument[]; remove: readonly string[]; run: string }): Promise<void>;
  /** Deletes a source's documents and its indexed run (the source was unregistered). */
  removeSource(source: string): Promise<void>;
  /** The harvest run each source's documents come from, to detect an index behind its store after a crash. */
  indexedRuns(): Promise<Readonly<Record<string, string>>>;
  search(request: SearchRequest): Promise<SearchResponse>;
  get(id: string): Promise<CatalogueDocument | null>;
  /**
   * Documents of other sources sharing a match key (identifier, landing page) with the document {@link get}
   * returns for `id`: the same record harvested twice, or one dataset registered by two organisations.
   */
  possibleDuplicates(id: string, limit?: number): Promise<readonly PossibleDuplicate[]>;
  count(): Promise<number>;
  /**
   * Every document in id order, `limit` rows from row `offset` of the (id, source) order, each id once over all
   * pages (the document {@link get} returns for it; a page may hold fewer than `limit`): for walks over all records
   * (the sitemap) that a search, capped per page and sorted per request, cannot make.
   */
  browse(offset: number, limit: number): Promise<readonly CatalogueDocument[]>;
  /** A token that changes whenever the content changes, whoever wrote it (another process's harvest included). */
  version(): Promise<string>;
  close(): Promise<void>;
}
