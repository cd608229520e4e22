import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { intervalMs, isValidSourceId, SOURCE_KINDS, sourceIdFromUrl, type Source, type SourceKind, type SourceLimits } from '@fedcat/harvester';
import { readJson, writeJson } from './json-file.js';

/** Thrown for a source registration that cannot be accepted. */
export class InvalidSource extends Error {
  readonly code = 'INVALID_SOURCE';
}

/** What a registration gives; absent fields keep their earlier value on update. */
export interface SourceInput {
  readonly url: string;
  readonly id?: string;
  readonly org?: string | null;
  readonly kind?: SourceKind;
  /** `null` removes the schedule. */
  readonly interval?: string | null;
  readonly limits?: SourceLimits;
  /** What happens to records failing a gating shape: kept in the quarantine graph (default) or left out. */
  readonly invalidRecords?: 'skip' | 'quarantine';
}

function sourceUrl(value: string): URL {
  if (value.startsWith('/') || value.startsWith('./') || value.startsWith('../')) return pathToFileURL(resolve(value));
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'file:') return url;
  } catch { /* reported below */ }
  throw new InvalidSource(`not an http(s) URL, file: URL or path: ${value}`);
}

/**
 * The registered sources, kept in `<dataDir>/sources.json` and read fresh on every call, so the CLI and
 * a running server share them without restart.
 */
export class SourceRegistry {
  private readonly path: string;
  constructor(dataDir: string) {
    this.path = join(dataDir, 'sources.json');
  }

  async list(): Promise<Source[]> {
    const file = await readJson<{ sources: Source[] }>(this.path, { sources: [] });
    return file.sources;
  }

  async get(id: string): Promise<Source | undefined> {
    return (await this.list()).find((s) => s.id === id);
  }

  /**
   * Adds a source, or updates the source with the same id (fields not given keep their value). A `file:` URL
   * (or a plain path) makes a `files` source; `kind: 'sparql'` reads the URL as a SPARQL endpoint.
   */
  async upsert(input: SourceInput, now = new Date()): Promise<Source> {
    const url = sourceUrl(input.url);
    const id = input.id ?? sourceIdFromUrl(url.href);
    const sources = await this.list();
    const existing = sources.find((s) => s.id === id);
    // An update without --kind keeps the kind (a SPARQL endpoint stays one), unless the URL's scheme says otherwise.
    const kept = existing?.kind && (existing.kind === 'files') === (url.protocol === 'file:') ? existing.kind : undefined;
    const kind = input.kind ?? kept ?? (url.protocol === 'file:' ? 'files' : undefined);
    if (kind !== undefined && !SOURCE_KINDS.includes(kind)) throw new InvalidSource(`unknown source kind '${String(kind)}': use ${SOURCE_KINDS.join(', ')}`);
    if ((kind === 'files') !== (url.protocol === 'file:')) throw new InvalidSource(`a ${kind ?? 'catalogue'} source needs ${kind === 'files' ? 'a file: URL or path' : 'an http(s) URL'}: ${input.url}`);
    if (input.interval && intervalMs(input.interval) === null) throw new InvalidSource(`invalid interval '${input.interval}': use minutes, hours or days such as 30m, 6h, 1d (at least 5m)`);
    if (input.invalidRecords !== undefined && input.invalidRecords !== 'skip' && input.invalidRecords !== 'quarantine') {
      throw new InvalidSource(`invalid records are 'skip'ped or kept in 'quarantine', not '${String(input.invalidRecords)}'`);
    }
    for (const [name, value] of Object.entries(input.limits ?? {})) {
      if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new InvalidSource(`limit ${name} must be a positive integer, not ${value}`);
    }
    if (!isValidSourceId(id)) throw new InvalidSource(`invalid source id '${id}': use 1-64 letters, digits, '-' or '_'`);
    if (input.org) {
      try { new URL(input.org); } catch { throw new InvalidSource(`organisation must be an IRI: ${input.org}`); }
    }
    const limits = { ...existing?.limits, ...Object.fromEntries(Object.entries(input.limits ?? {}).filter(([, v]) => v !== undefined)) };
    const interval = input.interval === undefined ? existing?.interval : input.interval;
    const source: Source = {
      id, url: url.href, org: input.org ?? existing?.org ?? null, addedAt: existing?.addedAt ?? now.toISOString(),
      ...(kind ? { kind } : {}),
      ...(interval ? { interval } : {}),
      ...(Object.keys(limits).length ? { limits } : {}),
      ...((input.invalidRecords ?? existing?.invalidRecords) ? { invalidRecords: input.invalidRecords ?? existing?.invalidRecords } : {}),
    };
    const next = existing ? sources.map((s) => (s.id === id ? source : s)) : [...sources, source];
    await writeJson(this.path, { sources: next });
    return source;
  }
}
