import type { Quad } from '@rdfjs/types';
import { Store } from 'n3';
import { dcat, dct } from '@fedcat/vocab';
import { constructAll, statementsQueries, type QuadStore } from '@fedcat/catalogue';

/** The IRIs reached from `from` over any of `predicates` in `quads`. */
function objects(quads: readonly Quad[], from: ReadonlySet<string>, predicates: readonly { value: string }[]): Set<string> {
  const wanted = new Set(predicates.map((p) => p.value));
  return new Set(quads.filter((q) => from.has(q.subject.value) && wanted.has(q.predicate.value) && q.object.termType === 'NamedNode').map((q) => q.object.value));
}

/**
 * What a record's access conditions refer to beyond its own description (`own`, from describeRecords): its
 * publisher, contact points and rights statements, its distributions' rights and the data services they are reached
 * through, and those services' contact points; read from every source graph, as another source may describe them.
 * Subjects are found in code and read with `VALUES ?s { … } ?s ?p ?o` (see record-description for why not joins).
 */
export async function describeAccessRelated(store: QuadStore, own: readonly Quad[], iri: string): Promise<Quad[]> {
  const read = (subjects: Set<string>) => (subjects.size === 0 ? Promise.resolve([]) : constructAll(store, statementsQueries([...subjects])));
  const distributions = objects(own, new Set([iri]), [dcat.distribution]);
  const services = objects(own, distributions, [dcat.accessService]);
  const first = await read(new Set([
    ...objects(own, new Set([iri]), [dct.publisher, dcat.contactPoint, dct.rights]), ...objects(own, distributions, [dct.rights]), ...services,
  ]));
  const second = await read(objects(first, services, [dcat.contactPoint]));
  return new Store([...first, ...second]).getQuads(null, null, null, null);
}
