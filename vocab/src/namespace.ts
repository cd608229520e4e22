import { DataFactory } from 'n3';
import type { NamedNode } from '@rdfjs/types';

/**
 * Builds a closed, typed term object for a namespace: only the listed local names exist,
 * so a typo is a compile error instead of an empty query result.
 * @example const dcat = closedNamespace('http://www.w3.org/ns/dcat#', ['Dataset', 'theme'] as const);
 */
export function closedNamespace<const L extends readonly string[]>(
  namespace: string,
  locals: L,
): { readonly namespace: string } & { readonly [K in L[number]]: NamedNode<`${string}`> } {
  const terms: Record<string, NamedNode | string> = { namespace };
  for (const local of locals) terms[local] = DataFactory.namedNode(`${namespace}${local}`);
  return terms as { readonly namespace: string } & { readonly [K in L[number]]: NamedNode };
}
