import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { profileById } from '@fedcat/shapes';
import { UserError } from '../user-error.js';
import { unknownProfileMessage } from '../validation/validators.js';
import { FSC_GROUP_ID } from '@fedcat/harvester';
import { intervalMs, isValidSourceId, SOURCE_KINDS, sourceIdFromUrl, type Source, type SourceKind, type SourceLimits } from '@fedcat/catalogue';

/** Thrown for a source registration that cannot be accepted. */
export class InvalidSource extends UserError {
  readonly code = 'INVALID_SOURCE';
}

/**
 * What a registration or change gives. Absent fields keep their earlier value; `null` removes an optional one
 * (JSON Merge Patch semantics, as the API's PATCH takes them).
 */
export interface SourceInput {
  /** Required for a new source. */
  readonly url?: string;
  readonly id?: string;
  readonly org?: string | null;
  readonly kind?: SourceKind;
  /** `null` removes the schedule. */
  readonly interval?: string | null;
  /** A limit given as `null` is removed (the default applies again). */
  readonly limits?: { readonly [K in keyof SourceLimits]?: number | null };
  /** What happens to records failing a gating shape: kept in the quarantine graph (default) or left out. */
  readonly invalidRecords?: 'skip' | 'quarantine' | null;
  /** The validation profile that gates its records (a shipped profile id); `null` returns it to the harvest default. */
  readonly profile?: string | null;
  /** A paused source is not harvested, neither on schedule nor by `harvest --all`. */
  readonly paused?: boolean;
  /** The FSC Group ID of an `fsc-directory` source; `null` removes it. */
  readonly fscGroup?: string | null;
}

function sourceUrl(value: string): URL {
  if (value.startsWith('/') || value.startsWith('./') || value.startsWith('../')) return pathToFileURL(resolve(value));
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'file:') return url;
  } catch { /* reported below */ }
  throw new InvalidSource(`not an http(s) URL, file: URL or path: ${value}`);
}

/** The id a registration gets: the one given, or one derived from its URL. */
export function sourceIdOf(input: SourceInput): string {
  if (input.id !== undefined) return input.id;
  if (input.url === undefined) throw new InvalidSource('give the URL of the source\'s catalogue');
  return sourceIdFromUrl(sourceUrl(input.url).href);
}

/**
 * The source a registration or change makes of the existing one (if any), checked: URL scheme matches the kind,
 * schedule at least 5 minutes, limits positive integers, organisation an IRI. A `file:` URL (or plain path) makes a
 * `files` source; a changed URL of the same scheme keeps the kind (a SPARQL endpoint stays one).
 */
export function resolveSource(input: SourceInput, existing: Source | undefined, now: Date): Source {
  const id = existing?.id ?? sourceIdOf(input);
  if (!isValidSourceId(id)) throw new InvalidSource(`invalid source id '${id}': use 1-64 letters, digits, '-' or '_'`);
  const rawUrl = input.url ?? existing?.url;
  if (rawUrl === undefined) throw new InvalidSource('give the URL of the source\'s catalogue');
  const url = sourceUrl(rawUrl);
  const kept = existing?.kind && (existing.kind === 'files') === (url.protocol === 'file:') ? existing.kind : undefined;
  const kind = input.kind ?? kept ?? (url.protocol === 'file:' ? 'files' : undefined);
  if (kind !== undefined && !SOURCE_KINDS.includes(kind)) throw new InvalidSource(`unknown source kind '${String(kind)}': use ${SOURCE_KINDS.join(', ')}`);
  if ((kind === 'files') !== (url.protocol === 'file:')) throw new InvalidSource(`a ${kind ?? 'catalogue'} source needs ${kind === 'files' ? 'a file: URL or path' : 'an http(s) URL'}: ${rawUrl}`);
  if (input.interval && intervalMs(input.interval) === null) throw new InvalidSource(`invalid interval '${input.interval}': use minutes, hours or days such as 30m, 6h, 1d (at least 5m)`);
  if (input.invalidRecords != null && input.invalidRecords !== 'skip' && input.invalidRecords !== 'quarantine') {
    throw new InvalidSource(`invalid records are 'skip'ped or kept in 'quarantine', not '${String(input.invalidRecords)}'`);
  }
  if (input.profile != null && !profileById(input.profile)) {
    throw new InvalidSource(unknownProfileMessage(input.profile));
  }
  for (const [name, value] of Object.entries(input.limits ?? {})) {
    if (value != null && (!Number.isInteger(value) || value < 1)) throw new InvalidSource(`limit ${name} must be a positive integer, not ${value}`);
  }
  if (input.org && !URL.canParse(input.org)) throw new InvalidSource(`organisation must be an IRI: ${input.org}`);
  const fscGroup = input.fscGroup === undefined ? existing?.fscGroup : input.fscGroup ?? undefined;
  if (kind === 'fsc-directory' && !fscGroup) throw new InvalidSource('an fsc-directory source needs the FSC group it lists (fscGroup, e.g. fsc-demo)');
  if (fscGroup !== undefined && !FSC_GROUP_ID.test(fscGroup)) throw new InvalidSource(`invalid FSC group id '${fscGroup}': 1-100 letters, digits, '.', '/', '_' or '-'`);
  if (fscGroup !== undefined && kind !== 'fsc-directory') throw new InvalidSource('only an fsc-directory source has an FSC group');

  const limits: Record<string, number> = { ...existing?.limits };
  for (const [name, value] of Object.entries(input.limits ?? {})) {
    if (value === null) delete limits[name];
    else if (value !== undefined) limits[name] = value;
  }
  const interval = input.interval === undefined ? existing?.interval : input.interval;
  const invalidRecords = input.invalidRecords === undefined ? existing?.invalidRecords : input.invalidRecords;
  const profile = input.profile === undefined ? existing?.profile : input.profile;
  const paused = input.paused ?? existing?.paused ?? false;
  return {
    id, url: url.href, org: input.org === undefined ? existing?.org ?? null : input.org, addedAt: existing?.addedAt ?? now.toISOString(),
    ...(kind ? { kind } : {}),
    ...(interval ? { interval } : {}),
    ...(Object.keys(limits).length ? { limits } : {}),
    ...(invalidRecords ? { invalidRecords } : {}),
    ...(profile ? { profile } : {}),
    ...(paused ? { paused } : {}),
    ...(fscGroup ? { fscGroup } : {}),
  };
}
