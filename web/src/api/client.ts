import type { SearchState } from '../lib/url-state.js';
import type { AccessConditions, CatalogueRecordDetail, Problem, RecordQuality, SearchResult } from './types.js';

/** An API error carrying the server's problem document. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

/** The HTTP client the components use; provided through context so pages can point it at any fedcat. */
export class CatalogueApi {
  constructor(readonly base: string) {}

  private async get<T>(path: string, signal?: AbortSignal): Promise<T> {
    const res = await fetch(new URL(path, this.base), { headers: { accept: 'application/json' }, signal });
    if (!res.ok) {
      const problem = (await res.json().catch(() => ({ type: 'about:blank', title: res.statusText, status: res.status }))) as Problem;
      throw new ApiError(problem);
    }
    return (await res.json()) as T;
  }

  search(state: SearchState, signal?: AbortSignal): Promise<SearchResult> {
    const p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    for (const [field, values] of Object.entries(state.filters)) for (const v of values) p.append('filter', `${field}:${v}`);
    p.set('facets', 'type,publisher,theme,format,license,accessRights');
    if (state.sort) p.set('sort', state.sort);
    p.set('page', String(state.page));
    p.set('pageSize', '20');
    return this.get(`v1/search?${p}`, signal);
  }

  record(kind: 'datasets' | 'dataservices', id: string, signal?: AbortSignal): Promise<CatalogueRecordDetail> {
    return this.get(`v1/${kind}/${encodeURIComponent(id)}`, signal);
  }

  /** How to get access to a dataset or data service. */
  accessConditions(kind: 'datasets' | 'dataservices', id: string, signal?: AbortSignal): Promise<AccessConditions> {
    return this.get(`v1/${kind}/${encodeURIComponent(id)}/access-conditions`, signal);
  }

  /** A dataset's MQA score, per indicator; rejects with an ApiError (404) before its first assessment. */
  quality(id: string, signal?: AbortSignal): Promise<RecordQuality> {
    return this.get(`v1/datasets/${encodeURIComponent(id)}/quality`, signal);
  }
}
