import type { Quad } from '@rdfjs/types';
import { Store } from 'n3';
import type { QuadStore, QueryOptions } from '../store/quad-store.js';

/**
 * Runs CONSTRUCT queries at once and merges their triples, each once. Blank node labels are per answer: meant for
 * fedcat's stored graphs, whose blank nodes the harvest skolemised.
 */
export async function constructAll(store: QuadStore, queries: readonly string[], options?: QueryOptions): Promise<Quad[]> {
  if (queries.length === 0) return [];
  const answers = await Promise.all(queries.map((q) => store.construct(q, options)));
  return new Store(answers.flat()).getQuads(null, null, null, null);
}
