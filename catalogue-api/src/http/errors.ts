import createError from '@fastify/error';
import type { RecordType } from '@fedcat/catalogue';

// The HTTP-facing error catalogue: one line per case. Messages are shown to clients as problem `detail`.
export const RecordNotFound = createError('CAT_RECORD_NOT_FOUND', "No %s with id '%s'", 404);
/** How RecordNotFound names each kind of record. */
export const RECORD_KIND: Readonly<Record<RecordType, string>> = { Dataset: 'dataset', DataService: 'data service' };
export const QualityNotAssessed = createError('CAT_QUALITY_NOT_ASSESSED', 'No quality assessment is stored for %s yet; it is made when the source is next harvested', 404);
export const SourceNotFound = createError('CAT_SOURCE_NOT_FOUND', "No source with id '%s'", 404);
export const SitemapFileNotFound = createError('CAT_SITEMAP_NOT_FOUND', 'No sitemap file %s: /sitemap.xml lists those there are', 404);
export const RunNotFound = createError('CAT_RUN_NOT_FOUND', "No run '%s' in the last 50 runs of this source", 404);
export const RunReportMissing = createError('CAT_RUN_REPORT_MISSING', "Run '%s' has no validation report: it failed, found nothing changed, or ran before fedcat kept reports", 404);
export const SparqlUpdateForbidden = createError('CAT_SPARQL_UPDATE_FORBIDDEN', 'SPARQL Update is not allowed on this endpoint; it is read-only', 403);
export const SparqlUpdateAsQuery = createError('CAT_SPARQL_UPDATE_AS_QUERY', "The 'query' parameter (or application/sparql-query body) holds a SPARQL Update, which is not a query; this endpoint answers SELECT, ASK, CONSTRUCT and DESCRIBE", 400);
/** A client over its share of the public SPARQL endpoint; `retryAfterSeconds` says when it may ask again. */
export const SparqlTooManyRequests = createError('CAT_SPARQL_TOO_MANY_REQUESTS', 'Too many SPARQL queries from you: %s', 429);
export const QuerySyntax = createError('CAT_SPARQL_SYNTAX', 'Invalid SPARQL query: %s', 400);
export const SparqlBadDataset = createError('CAT_SPARQL_BAD_DATASET', 'Invalid RDF dataset in the request: %s', 400);
export const SparqlServiceRefused = createError('CAT_SPARQL_SERVICE_REFUSED', 'SERVICE is not available on this endpoint: it never fetches remote data (%s)', 400);
export const SparqlMissingQuery = createError('CAT_SPARQL_MISSING_QUERY', 'Give exactly one SPARQL query: %s', 400);
export const NotAcceptable = createError('CAT_NOT_ACCEPTABLE', 'None of the requested media types can be served; available: %s', 406);
export const UnsupportedMediaType = createError('CAT_UNSUPPORTED_MEDIA_TYPE', 'Unsupported request body type %s; use %s', 415);
export const InvalidFilter = createError('CAT_INVALID_FILTER', 'Invalid filter: %s', 400);
export const Unauthenticated = createError('CAT_UNAUTHENTICATED', 'This needs an API token: send it as Authorization: Bearer <token> (an operator creates one with fedcat tokens create)', 401);
export const InvalidToken = createError('CAT_INVALID_TOKEN', 'The API token is malformed, unknown or revoked', 401);
export const Forbidden = createError('CAT_FORBIDDEN', '%s', 403);
export const SourceConflict = createError('CAT_SOURCE_CONFLICT', '%s', 409);
export const InvalidSourceRequest = createError('CAT_INVALID_SOURCE', '%s', 400);
export const UnknownProfileProblem = createError('CAT_UNKNOWN_PROFILE', '%s', 400);
export const HarvestsUnavailable = createError('CAT_HARVESTS_UNAVAILABLE', 'This process does not start harvests; use fedcat harvest --source %s', 503);
export const NodeNotFound = createError('CAT_NODE_NOT_FOUND', 'fedcat holds no description of %s', 404);
export const FederationFailed = createError('CAT_FEDERATION_FAILED', 'The federated query failed at a source endpoint: %s', 502);
export const FederationRefused = createError('CAT_FEDERATION_REFUSED', 'Not on the federated endpoint: %s', 400);
export const ValidationInputUnreadable = createError('CAT_VALIDATION_UNREADABLE', 'The document is not readable RDF: %s', 422);
export const ValidationInputTooLarge = createError('CAT_VALIDATION_TOO_LARGE', 'The document is too large: %s', 413);
export const ValidationUrlRefused = createError('CAT_VALIDATION_URL_REFUSED', 'fedcat will not fetch this URL: %s', 400);
export const ValidationUrlUnreachable = createError('CAT_VALIDATION_URL_UNREACHABLE', 'The URL could not be fetched: %s', 502);
export const ServiceNotFound = createError('CAT_SERVICE_NOT_FOUND', "No data service '%s' in the service directory", 404);
export const FscServiceNotListed = createError('CAT_FSC_NOT_LISTED', 'No harvested FSC Directory lists %s', 404);
export const FscGroupNotFound = createError('CAT_FSC_GROUP_NOT_FOUND', "No harvested FSC Directory serves group '%s'", 404);
export const FscAmbiguous = createError('CAT_FSC_AMBIGUOUS', 'Several groups list this service (%s): give group_id', 409);
export const InvalidCursor = createError('CAT_INVALID_CURSOR', 'Invalid cursor: %s', 400);
export const ChangesGone = createError('CAT_CHANGES_GONE', 'Changes since %s are no longer kept: read the resolutions again, then follow from since=%s', 410);
export const TryRateLimited = createError('CAT_TRY_RATE_LIMITED', 'Too many tries: %s', 429);
export const EventsGone = createError('CAT_EVENTS_GONE', 'Events after sequence %s are no longer kept (they are kept %s days): read from after=%s, the oldest available, and reconcile what came before by reading the records', 410);
export const InvalidSubscription = createError('CAT_INVALID_SUBSCRIPTION', '%s', 400);
export const SubscriptionNotFound = createError('CAT_SUBSCRIPTION_NOT_FOUND', "No subscription '%s'", 404);
export const DirectoryNotReady = createError('CAT_DIRECTORY_NOT_READY', 'The service directory is still being built: %s', 503);
