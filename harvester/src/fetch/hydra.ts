import type { Quad } from '@rdfjs/types';

const HYDRA = 'http://www.w3.org/ns/hydra/core#';
const NEXT = new Set([`${HYDRA}next`, `${HYDRA}nextPage`]);

/** True for a next-page link of a Hydra-paged document (`hydra:next` or the older `hydra:nextPage`). */
export function isHydraNext(q: Quad): boolean {
  return NEXT.has(q.predicate.value) && q.object.termType === 'NamedNode';
}

/** True for Hydra paging triples, which describe the transport, not the catalogue, and are not stored. */
export function isHydraPaging(q: Quad): boolean {
  return q.predicate.value.startsWith(HYDRA) || q.object.value.startsWith(HYDRA);
}
