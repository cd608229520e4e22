import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory, Parser, Writer } from 'n3';
import { writeFileAtomic } from '../files/write-atomic.js';

const PIECE = 20_000;

/** The N-Quads of a graph, put in `graph`, a piece at a time. */
function* nquadPieces(graph: string, quads: readonly Quad[]): Generator<string> {
  const g = DataFactory.namedNode(graph);
  const writer = new Writer({ format: 'N-Quads' });
  for (let i = 0; i < quads.length; i += PIECE) {
    yield writer.quadsToString(quads.slice(i, i + PIECE).map((q) => DataFactory.quad(q.subject, q.predicate, q.object, g)));
  }
}

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

  /** Writes a graph's quads atomically as N-Quads, in pieces of 20,000; no quads removes the graph's file. */
  async write(graph: string, quads: readonly Quad[]): Promise<void> {
    const target = this.pathOf(graph);
    if (quads.length === 0) {
      await rm(target, { force: true });
      return;
    }
    await writeFileAtomic(target, nquadPieces(graph, quads));
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

  /**
   * Every graph with its number of quads, in graph order: the distinct lines of its file, read as a stream (a harvest
   * may write a statement twice, as records share a node's description; a store holds it once).
   */
  async counts(): Promise<{ graph: string; quads: number }[]> {
    const out: { graph: string; quads: number }[] = [];
    for (const { graph, path } of await this.list()) {
      const lines = new Set<string>();
      for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) if (line.length > 0) lines.add(line);
      out.push({ graph, quads: lines.size });
    }
    return out.sort((a, b) => (a.graph < b.graph ? -1 : a.graph > b.graph ? 1 : 0));
  }

  /** A graph's quads as written (none when it has no file). */
  async quads(graph: string): Promise<Quad[]> {
    const text = await readFile(this.pathOf(graph), 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '';
      throw err;
    });
    return new Parser({ format: 'N-Quads' }).parse(text);
  }

  read(path: string): Promise<string> {
    return readFile(path, 'utf8');
  }
}
