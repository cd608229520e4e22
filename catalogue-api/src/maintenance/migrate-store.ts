import type { QuadStore } from '@fedcat/catalogue';

/** One graph copied, for progress output. */
export interface MigrateProgress { readonly graph: string; readonly done: number; readonly total: number; readonly quads: number; readonly ms: number }

/** What a migration did, checked against the target afterwards. */
export interface MigrateResult {
  readonly graphs: number;
  readonly quads: number;
  /** fedcat graphs the target held that the source does not (dropped, so the target equals the source). */
  readonly dropped: readonly string[];
  /** Graphs whose size in the target differs from the source's after copying (none when the copy is whole). */
  readonly mismatched: readonly string[];
}

/**
 * Copies every graph of one store into another, graph by graph (each replaced whole in the target, so an
 * interrupted migration can simply be run again), drops target graphs the source does not hold, then compares
 * the graph sizes of both.
 */
export async function migrateGraphs(from: QuadStore, to: QuadStore, onGraph?: (p: MigrateProgress) => void): Promise<MigrateResult> {
  // The source is only listed and read (an embedded one from its files, without loading it whole).
  await to.ready();
  const graphs = await from.listGraphs();
  let quads = 0;
  for (const [i, { graph }] of graphs.entries()) {
    const started = performance.now();
    const content = await from.readGraph(graph);
    await to.replaceGraph(graph, content);
    quads += content.length;
    onGraph?.({ graph, done: i + 1, total: graphs.length, quads: content.length, ms: performance.now() - started });
  }
  const kept = new Set(graphs.map((g) => g.graph));
  const dropped: string[] = [];
  for (const { graph } of await to.listGraphs()) {
    if (kept.has(graph)) continue;
    await to.replaceGraph(graph, []);
    dropped.push(graph);
  }
  const after = new Map((await to.listGraphs()).map((g) => [g.graph, g.quads]));
  const mismatched = graphs.filter((g) => after.get(g.graph) !== g.quads).map((g) => g.graph);
  return { graphs: graphs.length, quads, dropped, mismatched };
}
