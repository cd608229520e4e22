import { join } from 'node:path';
import { isValidSourceId, sourceIdFromUrl, type Source } from '@fedcat/harvester';
import { readJson, writeJson } from './json-file.js';

/** Thrown for a source registration that cannot be accepted. */
export class InvalidSource extends Error {
  readonly code = 'INVALID_SOURCE';
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

  /** Adds a source, or updates the URL/organisation of the source with the same id. */
  async upsert(input: { url: string; id?: string; org?: string | null }, now = new Date()): Promise<Source> {
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      throw new InvalidSource(`not a URL: ${input.url}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidSource(`only http(s) sources are supported: ${input.url}`);
    const id = input.id ?? sourceIdFromUrl(url.href);
    if (!isValidSourceId(id)) throw new InvalidSource(`invalid source id '${id}': use 1-64 letters, digits, '-' or '_'`);
    if (input.org) {
      try { new URL(input.org); } catch { throw new InvalidSource(`organisation must be an IRI: ${input.org}`); }
    }
    const sources = await this.list();
    const existing = sources.find((s) => s.id === id);
    const source: Source = { id, url: url.href, org: input.org ?? existing?.org ?? null, addedAt: existing?.addedAt ?? now.toISOString() };
    const next = existing ? sources.map((s) => (s.id === id ? source : s)) : [...sources, source];
    await writeJson(this.path, { sources: next });
    return source;
  }
}
