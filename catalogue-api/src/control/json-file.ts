import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../files/write-atomic.js';

/** Reads a JSON file, or returns the fallback when it does not exist yet. */
export async function readJson<T>(path: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw err;
  }
}

/** Writes JSON atomically (temp file, fsync, rename), so a reader in another process never sees half a file. */
export function writeJson(path: string, value: unknown): Promise<void> {
  return writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}
