import { FILTER_FIELDS, type SearchState } from '../lib/url-state.js';
import type {
  AccessConditions, AggregateQuality, CatalogueRecordDetail, Organisation, OrganisationScore, Problem, RecordQuality, Run, SearchResult, SourceWithStatus,
  SparqlResults, TryAnswer, ValidationProfiles, ValidationReport,
} from './types.js';
import { pageHref, pageOrigin } from '../lib/page-location.js';

/** An API error carrying the server's problem document. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

/** What to validate: pasted text, an uploaded file, or a URL fedcat fetches. */
/** What the SPARQL endpoint answered: solutions, or a graph as Turtle. */
export type SparqlAnswer = { readonly kind: 'solutions'; readonly results: SparqlResults } | { readonly kind: 'graph'; readonly turtle: string };

export type ValidationInput = { text: string; contentType: string } | { file: File } | { url: string };

/** The HTTP client the elements use; provided through context so pages can point it at any fedcat. */
export class CatalogueApi {
  /** `fetcher` answers the client's requests: the browser's fetch, or on the server the app itself (no network). */
  constructor(readonly base: string, private readonly fetcher: typeof fetch = (input, init) => fetch(input, init)) {}

  /** A client for the fedcat at `api` (an absolute or page-relative URL, with or without its trailing slash). */
  static at(api: string): CatalogueApi {
    return new CatalogueApi(new URL(api.endsWith('/') ? api : `${api}/`, pageHref()).href);
  }

  /** A page of the fedcat UI this client reads from: a path on this origin, an absolute URL elsewhere (embedding). */
  pageUrl(path: string): string {
    const url = new URL(path, this.base);
    return url.origin === pageOrigin() ? url.pathname + url.search : url.href;
  }

  private async request<T>(path: string, init: RequestInit & { token?: string | null } = {}): Promise<T> {
    const headers = new Headers(init.headers);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    const res = await this.fetcher(new URL(path, this.base), { ...init, headers });
    if (!res.ok) {
      const problem = (await res.json().catch(() => ({ type: 'about:blank', title: res.statusText, status: res.status }))) as Problem;
      throw new ApiError({ ...problem, status: problem.status ?? res.status });
    }
    return (await res.json()) as T;
  }

  search(state: SearchState, signal?: AbortSignal, pageSize = 20): Promise<SearchResult> {
    const p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    for (const [field, values] of Object.entries(state.filters)) for (const v of values) p.append('filter', `${field}:${v}`);
    p.set('facets', FILTER_FIELDS.join(','));
    if (state.sort) p.set('sort', state.sort);
    p.set('page', String(state.page));
    p.set('pageSize', String(pageSize));
    return this.request(`v1/search?${p}`, { signal });
  }

  record(kind: 'datasets' | 'dataservices', id: string, signal?: AbortSignal): Promise<CatalogueRecordDetail> {
    return this.request(`v1/${kind}/${encodeURIComponent(id)}`, { signal });
  }

  /** How to get access to a dataset or data service. */
  accessConditions(kind: 'datasets' | 'dataservices', id: string, signal?: AbortSignal): Promise<AccessConditions> {
    return this.request(`v1/${kind}/${encodeURIComponent(id)}/access-conditions`, { signal });
  }

  /** A data service's OpenAPI document (JSON, internal references resolved), as fedcat read it from its publisher. */
  openapi(id: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    return this.request(`v1/dataservices/${encodeURIComponent(id)}/openapi`, { signal });
  }

  /** Sends one request to a data service's API through fedcat's try-it proxy; resolves with what the API answered. */
  tryApi(id: string, req: { method: string; url: string; headers: Record<string, string>; body?: string }, signal?: AbortSignal): Promise<TryAnswer> {
    return this.request(`v1/dataservices/${encodeURIComponent(id)}/try`, { method: 'POST', body: JSON.stringify(req), headers: { 'content-type': 'application/json' }, signal });
  }

  /** A dataset's MQA score, per indicator; rejects with an ApiError (404) before its first assessment. */
  quality(id: string, signal?: AbortSignal): Promise<RecordQuality> {
    return this.request(`v1/datasets/${encodeURIComponent(id)}/quality`, { signal });
  }

  async labels(): Promise<Record<string, { nl: string; en: string }>> {
    return (await this.request<{ labels: Record<string, { nl: string; en: string }> }>('v1/labels')).labels;
  }

  async organisations(signal?: AbortSignal): Promise<Organisation[]> {
    return (await this.request<{ organisations: Organisation[] }>('v1/organisations', { signal })).organisations;
  }

  async organisationScores(signal?: AbortSignal): Promise<OrganisationScore[]> {
    return (await this.request<{ organisations: OrganisationScore[] }>('v1/organisations/quality', { signal })).organisations;
  }

  async sources(signal?: AbortSignal): Promise<SourceWithStatus[]> {
    return (await this.request<{ sources: SourceWithStatus[] }>('v1/sources', { signal })).sources;
  }

  source(id: string, signal?: AbortSignal): Promise<SourceWithStatus> {
    return this.request(`v1/sources/${encodeURIComponent(id)}`, { signal });
  }

  async runs(id: string, signal?: AbortSignal): Promise<Run[]> {
    return (await this.request<{ runs: Run[] }>(`v1/sources/${encodeURIComponent(id)}/runs`, { signal })).runs;
  }

  runReport(source: string, run: string, signal?: AbortSignal): Promise<ValidationReport> {
    return this.request(`v1/sources/${encodeURIComponent(source)}/runs/${encodeURIComponent(run)}/report`, { signal });
  }

  sourceQuality(id: string, signal?: AbortSignal): Promise<AggregateQuality> {
    return this.request(`v1/sources/${encodeURIComponent(id)}/quality`, { signal });
  }

  /** Starts a harvest of a source now (owner or admin token). */
  harvestNow(id: string, token: string | null): Promise<{ source: string; status: 'started'; monitor: string }> {
    return this.request(`v1/sources/${encodeURIComponent(id)}/harvests`, { method: 'POST', token });
  }

  /** The validation profiles fedcat ships and the one it validates with when none is named. */
  validationProfiles(signal?: AbortSignal): Promise<ValidationProfiles> {
    return this.request('v1/validate/profiles', { signal });
  }

  /** Validates a document without storing it, with `profile` or (null) fedcat's default profile. */
  validate(input: ValidationInput, profile: string | null, lang: string, signal?: AbortSignal): Promise<ValidationReport> {
    const path = `v1/validate?${new URLSearchParams({ ...(profile ? { profile } : {}), lang })}`;
    if ('url' in input) return this.request(path, { method: 'POST', body: JSON.stringify({ url: input.url }), headers: { 'content-type': 'application/json' }, signal });
    if ('file' in input) return this.request(path, { method: 'POST', body: input.file, headers: { 'content-type': input.file.type || 'text/turtle' }, signal });
    return this.request(path, { method: 'POST', body: input.text, headers: { 'content-type': input.contentType }, signal });
  }

  /**
   * A SPARQL query on fedcat's read-only endpoint: solutions (SELECT, ASK) as SPARQL results JSON, a graph
   * (CONSTRUCT, DESCRIBE) as Turtle text. The endpoint answers each form in the first type of Accept it can serve.
   */
  async sparql(query: string, signal?: AbortSignal): Promise<SparqlAnswer> {
    const res = await this.fetcher(new URL('sparql', this.base), {
      method: 'POST', body: new URLSearchParams({ query }), signal,
      headers: { accept: 'application/sparql-results+json, text/turtle;q=0.9', 'content-type': 'application/x-www-form-urlencoded' },
    });
    if (!res.ok) {
      const problem = (await res.json().catch(() => ({ type: 'about:blank', title: res.statusText, status: res.status }))) as Problem;
      throw new ApiError({ ...problem, status: problem.status ?? res.status });
    }
    return (res.headers.get('content-type') ?? '').startsWith('text/turtle')
      ? { kind: 'graph', turtle: await res.text() }
      : { kind: 'solutions', results: (await res.json()) as SparqlResults };
  }

  /** The URL that downloads a query's answer in a format (`csv`, `json`, `turtle`, …): a GET of the endpoint. */
  sparqlDownloadUrl(query: string, format: string): string {
    return this.pageUrl(`/sparql?${new URLSearchParams({ query, format })}`);
  }
}
