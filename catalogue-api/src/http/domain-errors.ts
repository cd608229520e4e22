import { QuerySyntax, QueryTimeout, SearchUnavailable, StoreBusy, StoreFailure, StoreUnavailable } from '@fedcat/catalogue';
import { HarvestError, SourceForbidden, SourceLimitExceeded, SourceUnparsable } from '@fedcat/harvester';
import { InvalidSource } from '../control/source-input.js';
import { SourceExists, UnknownSource } from '../control/sources.js';
import { UnknownProfile } from '../validation/validators.js';
import { UnreadableDocument } from '../validation/dry-run.js';
import { DocumentUnavailable } from '../try/openapi-documents.js';
import { TryFailed } from '../try/send-try.js';
import { TryRefused } from '../try/try-request.js';
import {
  InvalidSourceRequest, SourceConflict, SourceNotFound, ValidationInputTooLarge, ValidationInputUnreadable, ValidationUrlRefused,
  ValidationUrlUnreachable, UnknownProfileProblem,
} from './errors.js';

/** What a problem document says: its status, its code, and the detail shown to the client. */
export interface ProblemParts {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  /** For 429 and 503: when to try again (the Retry-After header); a default when not given. */
  readonly retryAfterSeconds?: number;
}

const TRY_REFUSED: Record<TryRefused['code'], string> = { 'not-offered': 'CAT_TRY_NOT_OFFERED', method: 'CAT_TRY_METHOD', url: 'CAT_TRY_URL', header: 'CAT_TRY_HEADER' };
const TRY_FAILED: Record<TryFailed['code'], string> = { address: 'CAT_TRY_ADDRESS_REFUSED', timeout: 'CAT_TRY_TIMEOUT', 'too-large': 'CAT_TRY_TOO_LARGE', unreachable: 'CAT_TRY_UNREACHABLE' };

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;
interface Mapping { readonly matches: (error: Error) => boolean; readonly to: (error: Error) => ProblemParts }
const map = <E extends Error>(type: ErrorClass<E>, to: (error: E) => ProblemParts): Mapping => ({ matches: (e) => e instanceof type, to: (e) => to(e as E) });
/** A problem from one of the API's HTTP errors (errors.ts), which carry their status, code and message. */
const as = (error: Error & { statusCode: number; code: string }): ProblemParts => ({ status: error.statusCode, code: error.code, detail: error.message });
/** The store and search errors carry their code and message, not their status: that is decided here. */
const port = (status: number) => (error: Error & { code: string }): ProblemParts => ({ status, code: error.code, detail: error.message });

/**
 * The one place errors of the model, the control plane and the harvester become problems, by class (most specific
 * first). Routes throw them as they come; nothing below HTTP knows a status code.
 */
const MAPPINGS: readonly Mapping[] = [
  // A query past its time limit would run into it again: 504, not a 503 that invites a retry.
  map(StoreUnavailable, port(503)), map(QueryTimeout, port(504)), map(SearchUnavailable, port(503)),
  map(StoreBusy, (e) => ({ ...port(503)(e), retryAfterSeconds: e.retryAfterSeconds })),
  map(QuerySyntax, port(400)), map(StoreFailure, port(500)),
  map(UnknownSource, (e) => as(new SourceNotFound(e.id))),
  map(SourceExists, (e) => as(new SourceConflict(e.message))),
  map(InvalidSource, (e) => as(new InvalidSourceRequest(e.message))),
  map(UnknownProfile, (e) => as(new UnknownProfileProblem(e.message))),
  map(UnreadableDocument, (e) => as(new ValidationInputUnreadable(e.message))),
  // Harvester errors reach HTTP from dry runs of a URL (POST /v1/validate): what fetching it ran into.
  map(SourceForbidden, (e) => as(new ValidationUrlRefused(e.message))),
  map(SourceLimitExceeded, (e) => as(new ValidationInputTooLarge(e.message))),
  map(SourceUnparsable, (e) => as(new ValidationInputUnreadable(e.message))),
  map(HarvestError, (e) => as(new ValidationUrlUnreachable(e.message))),
  // The try-it proxy: what it will not send (the field named), and what became of a request it sent.
  map(TryRefused, (e) => ({ status: e.code === 'not-offered' ? 403 : 400, code: TRY_REFUSED[e.code], detail: e.message })),
  map(DocumentUnavailable, (e) => ({ status: 502, code: 'CAT_API_DOCUMENT_UNAVAILABLE', detail: `The OpenAPI document could not be read from its publisher: ${e.message}` })),
  map(TryFailed, (e) => ({ status: e.code === 'address' ? 403 : e.code === 'timeout' ? 504 : 502, code: TRY_FAILED[e.code], detail: e.message })),
];

/** The problem a domain error is answered with; undefined for errors that are not domain errors. */
export function domainProblem(error: Error): ProblemParts | undefined {
  return MAPPINGS.find((m) => m.matches(error))?.to(error);
}
