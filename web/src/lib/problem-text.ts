import { ApiError } from '../api/client.js';
import { t } from './i18n.js';
import type { MessageKey } from './messages.js';

/** The API's error codes a reader of the UI can meet, and what the UI says for each (in the reader's language). */
const BY_CODE: Readonly<Record<string, MessageKey>> = {
  CAT_UNAUTHENTICATED: 'problem.unauthenticated', CAT_INVALID_TOKEN: 'problem.invalidToken', CAT_FORBIDDEN: 'problem.forbidden',
  CAT_RECORD_NOT_FOUND: 'problem.recordNotFound', CAT_SOURCE_NOT_FOUND: 'problem.sourceNotFound', CAT_RUN_NOT_FOUND: 'problem.runNotFound',
  CAT_RUN_REPORT_MISSING: 'problem.runReportMissing', CAT_SOURCE_CONFLICT: 'problem.sourceConflict', CAT_INVALID_SOURCE: 'problem.invalidSource',
  CAT_HARVESTS_UNAVAILABLE: 'problem.harvestsUnavailable', CAT_UNKNOWN_PROFILE: 'problem.unknownProfile',
  CAT_VALIDATION_UNREADABLE: 'problem.unreadable', CAT_VALIDATION_TOO_LARGE: 'problem.tooLarge', CAT_VALIDATION_URL_REFUSED: 'problem.urlRefused',
  CAT_VALIDATION_URL_UNREACHABLE: 'problem.urlUnreachable', CAT_UNSUPPORTED_MEDIA_TYPE: 'problem.mediaType',
  CAT_SPARQL_SYNTAX: 'problem.sparqlSyntax', CAT_SPARQL_TIMEOUT: 'problem.sparqlTimeout', CAT_SPARQL_BUSY: 'problem.busy',
  CAT_SPARQL_TOO_MANY_REQUESTS: 'problem.tooMany', CAT_SPARQL_UPDATE_FORBIDDEN: 'problem.sparqlUpdate', CAT_SPARQL_UPDATE_AS_QUERY: 'problem.sparqlUpdate',
  CAT_SPARQL_SERVICE_REFUSED: 'problem.sparqlService', CAT_SPARQL_BAD_DATASET: 'problem.sparqlDataset',
  CAT_STORE_UNAVAILABLE: 'problem.storeUnavailable', CAT_SEARCH_UNAVAILABLE: 'problem.storeUnavailable', CAT_DIRECTORY_NOT_READY: 'problem.storeUnavailable',
  CAT_INTERNAL: 'problem.internal', CAT_INVALID_REQUEST: 'problem.invalidRequest',
  CAT_TRY_NOT_OFFERED: 'problem.tryNotOffered', CAT_TRY_METHOD: 'problem.tryMethod', CAT_TRY_URL: 'problem.tryUrl', CAT_TRY_HEADER: 'problem.tryHeader',
  CAT_TRY_ADDRESS_REFUSED: 'problem.tryAddress', CAT_TRY_TIMEOUT: 'problem.tryTimeout', CAT_TRY_TOO_LARGE: 'problem.tryTooLarge',
  CAT_TRY_UNREACHABLE: 'problem.tryUnreachable', CAT_TRY_RATE_LIMITED: 'problem.tryRateLimited',
};

/** What the harvester's run errors say (`error.code` of a run), in the reader's language. */
const RUN_ERRORS: Readonly<Record<string, MessageKey>> = {
  SOURCE_UNREACHABLE: 'runError.unreachable', SOURCE_FORBIDDEN: 'runError.forbidden', SOURCE_LIMIT_EXCEEDED: 'runError.limit',
  SOURCE_UNPARSABLE: 'runError.unparsable', HARVEST_FAILED: 'runError.failed',
};

/** A failure as the UI tells it: a sentence in the reader's language, and the server's own (English) words when they add to it. */
export interface Told {
  readonly text: string;
  readonly technical: string | null;
}

/** Tells an error a request ran into: by the API's code, by HTTP status, or as a lost connection. */
export function tellError(e: unknown): Told {
  if (e instanceof ApiError) {
    const key = e.problem.code ? BY_CODE[e.problem.code] : undefined;
    const text = key ? t(key) : t('problem.status', { status: e.problem.status ?? 0 });
    return { text, technical: e.problem.detail ?? e.problem.title ?? null };
  }
  if (e instanceof TypeError) return { text: t('problem.network'), technical: e.message };
  return { text: t('problem.unexpected'), technical: e instanceof Error ? e.message : String(e) };
}

/** Tells a harvest run's error (`{ code, message }` of a failed run) by its code. */
export function tellRunError(error: { readonly code: string; readonly message: string }): Told {
  return { text: t(RUN_ERRORS[error.code] ?? 'runError.failed'), technical: error.message };
}
