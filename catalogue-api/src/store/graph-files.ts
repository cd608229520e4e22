import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../write-atomic.js';

/**
 * The embedded store's on-disk format: one N-Quads file per named graph in `<dataDir>/store/graphs/`,
 * named `<base64url(graph IRI)>.nq`, written to a temporary file, fsynced and renamed, so a crash leaves
 * either the old or the new graph. Per-graph files also keep every dump below V8's string-length limit.
 */
export class GraphFiles {
  readonly dir: string;
  constructor(dataDir: string) {
    this.dir = join(dataDir, 'store', 'graphs');
  }

  static fileName(graph: string): string {
    return `${Buffer.from(graph, 'utf8').toString('base64url')}.nq`;
  }

  static graphOf(fileName: string): string | null {
    if (!fileName.endsWith('.nq')) return null;
    return Buffer.from(fileName.slice(0, -3), 'base64url').toString('utf8');
  }

  pathOf(graph: string): string {
    return join(this.dir, GraphFiles.fileName(graph));
  }

  /** Writes a graph's N-Quads atomically; an empty text removes the graph's file. */
  async write(graph: string, nquads: string): Promise<void> {
    const target = this.pathOf(graph);
    if (nquads.length === 0) {
      await rm(target, { force: true });
      return;
    }
    await writeFileAtomic(target, nquads);
  }

  /** Lists graph files with their modification stamp (mtime and size), used to notice other processes' writes. */
  async list(): Promise<{ graph: string; path: string; stamp: string }[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: { graph: string; path: string; stamp: string }[] = [];
    for (const name of names) {
      const graph = GraphFiles.graphOf(name);
      if (!graph) continue;
      const path = join(this.dir, name);
      try {
        const s = await stat(path);
        out.push({ graph, path, stamp: `${s.mtimeMs}:${s.size}` });
      } catch {
        // removed between readdir and stat: another process dropped the graph
      }
    }
    return out;
  }

  read(path: string): Promise<string> {
    return readFile(path, 'utf8');
  }
}
