import createError from '@fastify/error';

// The HTTP-facing error catalogue: one line per case. Messages are shown to clients as problem `detail`.
export const DatasetNotFound = createError('CAT_DATASET_NOT_FOUND', "No dataset or data service with id '%s'", 404);
export const SourceNotFound = createError('CAT_SOURCE_NOT_FOUND', "No source with id '%s'", 404);
export const SparqlUpdateForbidden = createError('CAT_SPARQL_UPDATE_FORBIDDEN', 'SPARQL Update is not allowed on this endpoint; it is read-only', 403);
export const SparqlSyntax = createError('CAT_SPARQL_SYNTAX', 'Invalid SPARQL query: %s', 400);
export const SparqlBadDataset = createError('CAT_SPARQL_BAD_DATASET', 'Invalid RDF dataset in the request: %s', 400);
export const SparqlServiceRefused = createError('CAT_SPARQL_SERVICE_REFUSED', 'SERVICE is not available on this endpoint: it never fetches remote data (%s)', 400);
export const SparqlMissingQuery = createError('CAT_SPARQL_MISSING_QUERY', 'Give exactly one SPARQL query: %s', 400);
export const NotAcceptable = createError('CAT_NOT_ACCEPTABLE', 'None of the requested media types can be served; available: %s', 406);
export const UnsupportedMediaType = createError('CAT_UNSUPPORTED_MEDIA_TYPE', 'Unsupported request body type %s; use %s', 415);
export const QueryTimeout = createError('CAT_SPARQL_TIMEOUT', 'The query did not finish within its time limit of %s ms (%s); narrow it or add a LIMIT', 503);
export const StoreUnavailable = createError('CAT_STORE_UNAVAILABLE', 'The RDF store is not available: %s', 503);
export const StoreFailure = createError('CAT_STORE_FAILURE', 'The RDF store failed: %s', 500);
export const InvalidFilter = createError('CAT_INVALID_FILTER', 'Invalid filter: %s', 400);
export const Unauthenticated = createError('CAT_UNAUTHENTICATED', 'This needs an API token: send it as Authorization: Bearer <token> (an operator creates one with fedcat tokens create)', 401);
export const InvalidToken = createError('CAT_INVALID_TOKEN', 'The API token is malformed, unknown or revoked', 401);
export const Forbidden = createError('CAT_FORBIDDEN', '%s', 403);
export const SourceConflict = createError('CAT_SOURCE_CONFLICT', '%s', 409);
export const InvalidSourceRequest = createError('CAT_INVALID_SOURCE', '%s', 400);
export const HarvestsUnavailable = createError('CAT_HARVESTS_UNAVAILABLE', 'This process does not start harvests; use fedcat harvest --source %s', 503);
export const NodeNotFound = createError('CAT_NODE_NOT_FOUND', 'fedcat holds no description of %s', 404);
export const FederationFailed = createError('CAT_FEDERATION_FAILED', 'The federated query failed at a source endpoint: %s', 502);
export const FederationRefused = createError('CAT_FEDERATION_REFUSED', 'Not on the federated endpoint: %s', 400);
export const ValidationInputUnreadable = createError('CAT_VALIDATION_UNREADABLE', 'The document is not readable RDF: %s', 422);
export const ValidationInputTooLarge = createError('CAT_VALIDATION_TOO_LARGE', 'The document is too large: %s', 413);
export const ValidationUrlRefused = createError('CAT_VALIDATION_URL_REFUSED', 'fedcat will not fetch this URL: %s', 400);
export const ValidationUrlUnreachable = createError('CAT_VALIDATION_URL_UNREACHABLE', 'The URL could not be fetched: %s', 502);
