import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/** JSON-LD contexts fedcat may use when a document names one by URL, keyed by that URL. Never fetched. */
export type JsonLdContexts = ReadonlyMap<string, unknown>;

/** One entry of a context directory's `index.json`. */
interface ContextEntry {
  readonly url: string;
  /** File name inside the directory. */
  readonly file: string;
  /** Where the copy comes from and under which licence (for people, not read by fedcat). */
  readonly source?: string;
  readonly licence?: string;
}

/** Thrown when a context directory is not usable; names the file and what is wrong. */
export class ContextDirectoryError extends Error {}

/**
 * Loads the JSON-LD contexts of a directory: `index.json` lists `{ url, file, source, licence }` entries, each file
 * is the context document as published at `url`. Operators keep copies of the contexts their publishers use there
 * (`FEDCAT_JSONLD_CONTEXTS`), so a harvested document can name a context by URL without fedcat ever fetching it.
 * Synchronous: it is read once, with the rest of the configuration, before anything runs.
 */
export function loadJsonLdContexts(dir: string): JsonLdContexts {
  const indexPath = join(dir, 'index.json');
  let index: { contexts?: ContextEntry[] };
  try {
    index = JSON.parse(readFileSync(indexPath, 'utf8')) as { contexts?: ContextEntry[] };
  } catch (cause) {
    throw new ContextDirectoryError(`cannot read ${indexPath}: ${(cause as Error).message}`, { cause });
  }
  const contexts = new Map<string, unknown>();
  for (const entry of index.contexts ?? []) {
    if (typeof entry?.url !== 'string' || typeof entry.file !== 'string' || isAbsolute(entry.file) || entry.file.includes('..')) {
      throw new ContextDirectoryError(`${indexPath}: every entry needs a url and a file name inside the directory`);
    }
    const path = join(dir, entry.file);
    try {
      contexts.set(entry.url, JSON.parse(readFileSync(path, 'utf8')));
    } catch (cause) {
      throw new ContextDirectoryError(`${path} (context ${entry.url}): ${(cause as Error).message}`, { cause });
    }
  }
  return contexts;
}
