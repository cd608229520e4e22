import type { Quad } from '@rdfjs/types';

/**
 * Background knowledge (the typed EU authority tables), indexed by subject so that each validation carries only
 * the part its data can reach: a referenced concept's quads, then its scheme's. SHACL evaluates a focus node over
 * what is reachable from it, so the results for the data's own nodes are those of validating with the whole
 * background, at a fraction of the cost (about 25,000 quads, most of them languages).
 */
export class Background {
  private readonly bySubject = new Map<string, Quad[]>();

  constructor(quads: readonly Quad[]) {
    for (const q of quads) {
      const list = this.bySubject.get(q.subject.value);
      if (list) list.push(q);
      else this.bySubject.set(q.subject.value, [q]);
    }
  }

  /** Whether the IRI is a term of the background vocabularies (never a focus node: it is not the publisher's). */
  knows(iri: string): boolean {
    return this.bySubject.has(iri);
  }

  /** The background quads reachable from the IRIs the data mentions (objects and subjects), without duplicates. */
  reachableFrom(data: Iterable<Quad>): Quad[] {
    const seen = new Set<string>();
    const out: Quad[] = [];
    const queue: string[] = [];
    const visit = (iri: string) => {
      if (seen.has(iri) || !this.bySubject.has(iri)) return;
      seen.add(iri);
      queue.push(iri);
    };
    for (const q of data) {
      if (q.object.termType === 'NamedNode') visit(q.object.value);
      if (q.subject.termType === 'NamedNode') visit(q.subject.value);
    }
    while (queue.length > 0) {
      for (const q of this.bySubject.get(queue.pop()!)!) {
        out.push(q);
        if (q.object.termType === 'NamedNode') visit(q.object.value);
      }
    }
    return out;
  }
}
