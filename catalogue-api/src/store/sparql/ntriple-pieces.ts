import type { Quad } from '@rdfjs/types';
import { DataFactory, Writer } from 'n3';

/** Whether any statement has a blank node (which must then travel in one request, keeping its identity). */
export const hasBlankNode = (quads: readonly Quad[]) => quads.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode');

function ntriples(quads: readonly Quad[]): string {
  const writer = new Writer({ format: 'N-Triples' });
  return writer.quadsToString(quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object)));
}

/**
 * A graph as N-Triples lines, each triple once (a graph is a set: the size recorded is what the store holds),
 * in pieces of `size` lines; a graph with blank nodes stays one piece, so each label names one node.
 */
export function ntriplePieces(quads: readonly Quad[], size: number): { pieces: string[]; triples: number } {
  const lines = [...new Set(ntriples(quads).split('\n').filter((l) => l.length > 0))];
  const step = hasBlankNode(quads) ? Math.max(lines.length, 1) : size;
  const pieces: string[] = [];
  for (let i = 0; i < lines.length; i += step) pieces.push(`${lines.slice(i, i + step).join('\n')}\n`);
  return { pieces, triples: lines.length };
}
