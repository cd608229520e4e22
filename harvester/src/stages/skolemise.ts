import { createHash } from 'node:crypto';
import type { BlankNode, Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';

const { namedNode, quad } = DataFactory;

const termKey = (t: Term): string =>
  t.termType === 'Literal' ? `"${t.value}"@${t.language}^^${t.datatype.value}` : t.termType === 'BlankNode' ? '_' : `<${t.value}>`;

/**
 * Replaces every blank node with an IRI under `genidBase` (RDF 1.1 skolem IRIs), chosen from what the blank
 * node says and where it hangs, never from parser labels: the same document (or the same node in a reordered
 * document) gets the same IRIs on every harvest. A blank node's name is the hash of the first parent that
 * points to it (IRI and predicate, or the parent's own name) and of its sorted outgoing triples, nested blank
 * nodes included by their names. Identical blank nodes under the same parent and predicate merge, as they are
 * indistinguishable.
 */
export function skolemise(quads: readonly Quad[], genidBase: string): Quad[] {
  const out = new Map<string, Quad[]>();
  const incoming = new Map<string, { s: Term; p: string }[]>();
  for (const q of quads) {
    if (q.subject.termType === 'BlankNode') (out.get(q.subject.value) ?? out.set(q.subject.value, []).get(q.subject.value)!).push(q);
    if (q.object.termType === 'BlankNode') {
      (incoming.get(q.object.value) ?? incoming.set(q.object.value, []).get(q.object.value)!).push({ s: q.subject, p: q.predicate.value });
    }
  }
  const names = new Map<string, string>();
  const content = new Map<string, string>();
  const contentOf = (b: string, depth: number): string => {
    const known = content.get(b);
    if (known) return known;
    const lines = (out.get(b) ?? []).map((q) => `${q.predicate.value} ${q.object.termType === 'BlankNode' ? (depth < 8 ? `[${contentOf(q.object.value, depth + 1)}]` : '_') : termKey(q.object)}`);
    // A graph is a set: a triple stated twice (common in CONSTRUCT results) must not change the name.
    const c = [...new Set(lines)].sort().join('\n');
    if (depth === 0) content.set(b, c);
    return c;
  };
  const nameOf = (b: string, seen: Set<string>): string => {
    const known = names.get(b);
    if (known) return known;
    const parents = (incoming.get(b) ?? []).map((i) => {
      if (i.s.termType !== 'BlankNode') return `<${i.s.value}> ${i.p}`;
      if (seen.has(i.s.value)) return `_ ${i.p}`;
      return `${nameOf(i.s.value, new Set([...seen, b]))} ${i.p}`;
    }).sort();
    const name = createHash('sha256').update(`${parents[0] ?? ''}\n${contentOf(b, 0)}`).digest('base64url').slice(0, 22);
    names.set(b, name);
    return name;
  };
  const iri = (b: BlankNode) => namedNode(`${genidBase}${nameOf(b.value, new Set())}`);
  return quads.map((q) => {
    if (q.subject.termType !== 'BlankNode' && q.object.termType !== 'BlankNode') return q;
    return quad(q.subject.termType === 'BlankNode' ? iri(q.subject) : q.subject, q.predicate,
      q.object.termType === 'BlankNode' ? iri(q.object) : q.object, q.graph);
  });
}
