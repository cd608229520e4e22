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
    super(`The query did not finish within its time limit of ${timeoutMs} ms (${reason}); narrow it or add a LIMIT`);
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
