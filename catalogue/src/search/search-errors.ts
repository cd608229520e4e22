/** What can go wrong asking the search index; like the store errors, a `code` and no HTTP status. */
export abstract class SearchError extends Error {
  abstract readonly code: string;
}

/** The search index cannot be reached: trying again later may help. */
export class SearchUnavailable extends SearchError {
  readonly code = 'CAT_SEARCH_UNAVAILABLE';
  constructor(readonly reason: string, options?: ErrorOptions) {
    super(`The search index is not available: ${reason}`, options);
  }
}
