import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import type { QuadStore, QueryOptions } from '../store/quad-store.js';

const FORMATS = { solutions: 'application/sparql-results+json', graph: 'application/n-triples' };

/**
 * Runs CONSTRUCT queries at once and merges their triples, each once. Blank node labels are per answer: meant for
 * fedcat's stored graphs, whose blank nodes the harvest skolemised.
 */
export async function constructAll(store: QuadStore, queries: readonly string[], options?: QueryOptions): Promise<Quad[]> {
  const answers = await Promise.all(queries.map((q) => store.query(q, FORMATS, options)));
  const lines = new Set(answers.flatMap((a) => a.body.split('\n')).filter((l) => l.trim() !== ''));
  return new Parser({ format: 'N-Triples' }).parse([...lines].join('\n'));
}
