import { createHash } from 'node:crypto';
import type { Quad, Term } from '@rdfjs/types';

const nt = (t: Term): string => {
  switch (t.termType) {
    case 'NamedNode': return `<${t.value}>`;
    case 'Literal': return `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^<${t.datatype.value}>`}`;
    default: return `_:${t.value}`;
  }
};

/** Content hash of a record: SHA-256 of its sorted N-Triples lines, so triple order never matters. */
export function recordHash(quads: readonly Quad[]): string {
  const lines = quads.map((q) => `${nt(q.subject)} ${nt(q.predicate)} ${nt(q.object)}`).sort();
  const h = createHash('sha256');
  for (const l of lines) h.update(l).update('\n');
  return h.digest('base64url');
}
