import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file atomically: a temporary file beside it, fsynced, then renamed over it. A reader in another
 * process (or after a crash) sees the old content or the new, never half of it. `text` may be given in pieces.
 */
export async function writeFileAtomic(path: string, text: string | Iterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    if (typeof text === 'string') await handle.writeFile(text, 'utf8');
    // Pieces are produced one at a time, so a large file is never one string in memory.
    else for (const piece of text) await handle.write(piece, null, 'utf8');
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  await rename(tmp, path);
}
