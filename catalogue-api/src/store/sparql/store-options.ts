import type { SparqlAuth } from './http-client.js';

/** Where and how to reach a SPARQL 1.1 store. */
export interface SparqlStoreOptions {
  /** SPARQL 1.1 Query endpoint (queries are POSTed form-encoded, with an explicit Accept). */
  readonly queryUrl: string;
  /** SPARQL 1.1 Update endpoint. */
  readonly updateUrl: string;
  /** Graph Store HTTP Protocol endpoint (`?graph=` form); without one, graphs are loaded with INSERT DATA. */
  readonly graphStoreUrl?: string;
  readonly auth: SparqlAuth;
  /** Time limit of one request (ms); a query's own limit (`QueryOptions.timeoutMs`) replaces it. */
  readonly timeoutMs: number;
  /** Further attempts after connection failures and 502/503/504 answers, with exponential backoff. */
  readonly retries: number;
  /** First backoff (ms); default 250. */
  readonly backoffMs?: number;
  /** Requests in flight at once from this process (default 8); the store must accept that many per process. */
  readonly connections?: number;
  /** How often to look for graphs other processes changed (ms); 0 disables. Default 1000. */
  readonly pollMs?: number;
  /** Triples per load request (default 50,000); a graph with blank nodes goes in one request, keeping their identity. */
  readonly chunkTriples?: number;
}
