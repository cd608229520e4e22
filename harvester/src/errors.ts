/** Base of every harvest failure; carries the source id and the underlying cause. */
export class HarvestError extends Error {
  /** Stable machine-readable code, shown in run status and CLI output. */
  readonly code: string = 'HARVEST_FAILED';
  constructor(readonly source: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The source could not be reached, or answered with a non-success HTTP status. */
export class SourceUnreachable extends HarvestError {
  override readonly code = 'SOURCE_UNREACHABLE';
  constructor(source: string, message: string, readonly statusCode?: number, options?: ErrorOptions) {
    super(source, message, options);
  }
}

/** The source address is not allowed by the fetch policy (private network, scheme, …). */
export class SourceForbidden extends HarvestError {
  override readonly code = 'SOURCE_FORBIDDEN';
}

/** The source exceeded a cap (bytes, time, redirects). */
export class SourceLimitExceeded extends HarvestError {
  override readonly code = 'SOURCE_LIMIT_EXCEEDED';
}

/** The document could not be parsed in the syntax it was served or sniffed as. */
export class SourceUnparsable extends HarvestError {
  override readonly code = 'SOURCE_UNPARSABLE';
}
