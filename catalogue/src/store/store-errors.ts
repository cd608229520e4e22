/**
 * What can go wrong reading or writing the RDF store, whichever backend holds it. These carry a stable `code` and
 * no HTTP status: catalogue-api maps them to problem+json in one place, the CLI to a message and an exit code.
 */
export abstract class StoreError extends Error {
  abstract readonly code: string;
}

/** The store cannot be reached or has not loaded (yet): trying again later may help. */
export class StoreUnavailable extends StoreError {
  readonly code = 'CAT_STORE_UNAVAILABLE';
  constructor(readonly reason: string, options?: ErrorOptions) {
    super(`The RDF store is not available: ${reason}`, options);
  }
}

/** A query ran into its time limit. */
export class QueryTimeout extends StoreError {
  readonly code = 'CAT_SPARQL_TIMEOUT';
  constructor(readonly timeoutMs: number | string, readonly reason: string) {
    super(`The query did not finish within its time limit of ${timeoutMs} ms (${reason}). Trying again will not help: narrow it (bind a subject or a type, FILTER on a graph or a value, avoid patterns with no fixed term, add a LIMIT) or count before you list`);
  }
}

/** Every place time-limited queries run in was taken for as long as the query's limit: trying again later helps. */
export class StoreBusy extends StoreError {
  readonly code = 'CAT_SPARQL_BUSY';
  constructor(readonly retryAfterSeconds: number, readonly waitedMs: number) {
    super(`The SPARQL endpoint is busy: the query waited ${waitedMs} ms for a free place to run; try again in ${retryAfterSeconds} s`);
  }
}

/** The query is not valid SPARQL 1.1 (or not one the store accepts). */
export class QuerySyntax extends StoreError {
  readonly code = 'CAT_SPARQL_SYNTAX';
  constructor(readonly reason: string) {
    super(`Invalid SPARQL query: ${reason}`);
  }
}

/** The store answered, but with a failure: a bug or a broken store, not the caller's doing. */
export class StoreFailure extends StoreError {
  readonly code = 'CAT_STORE_FAILURE';
  constructor(readonly reason: string, options?: ErrorOptions) {
    super(`The RDF store failed: ${reason}`, options);
  }
}
