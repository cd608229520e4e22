import { createHash } from 'node:crypto';

/**
 * A store version from what each graph holds (graph name → a stamp of its content: a file's mtime and size, a
 * registry's version): the same graphs give the same token in every process, any change gives another.
 */
export function storeVersion(stamps: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const graph of [...stamps.keys()].sort()) hash.update(graph).update('\n').update(stamps.get(graph)!).update('\n');
  return hash.digest('base64url').slice(0, 22);
}
