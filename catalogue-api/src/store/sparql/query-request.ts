import { QueryTimeout, StoreUnavailable, type QueryOptions } from '@fedcat/catalogue';
import { mayView } from '../visible-dataset.js';
import { RequestTimedOut } from './http-client.js';
import { remoteQuery, type parseStandardQuery } from './remote-query.js';

/**
 * The form a query is POSTed to the store as: its text and, as protocol parameters, its dataset of the graphs fedcat
 * holds there (those the request's visibility allows).
 */
export function queryRequestBody(text: string, parsed: ReturnType<typeof parseStandardQuery>, options: QueryOptions, held: readonly string[]): string {
  const known = new Set(options.visibility ? held.filter((g) => mayView(g, options.visibility!)) : held);
  const remote = remoteQuery(text, parsed, options.dataset, known, options.baseIri);
  const body = new URLSearchParams({ query: remote.text });
  for (const g of remote.defaultGraphs) body.append('default-graph-uri', g);
  for (const g of remote.namedGraphs) body.append('named-graph-uri', g);
  return body.toString();
}

/** What a request that timed out is: a query past its own limit, or a store that did not answer fedcat's read. */
export function timedOut(err: unknown, options: QueryOptions, timeoutMs: number): never {
  if (!(err instanceof RequestTimedOut)) throw err;
  throw options.timeoutMs !== undefined ? new QueryTimeout(String(timeoutMs), 'the SPARQL store did not answer in time') : new StoreUnavailable(err.message);
}
