import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';

/**
 * Moves every quad into the default graph: a source's document decides nothing about fedcat's graphs
 * (each source gets exactly one named graph, chosen by fedcat), so graph names in N-Quads/TriG/JSON-LD are dropped.
 */
export function toDefaultGraph(quads: readonly Quad[]): Quad[] {
  return quads.map((q) => (q.graph.termType === 'DefaultGraph' ? q : DataFactory.quad(q.subject, q.predicate, q.object)));
}
