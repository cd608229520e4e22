import { createHash } from 'node:crypto';
import type { Quad, Term } from '@rdfjs/types';

const nt = (t: Term): string => {
  switch (t.termType) {
    case 'NamedNode': return `<${t.value}>`;
    case 'Literal': return `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^<${t.datatype.value}>`}`;
    default: return `_:${t.value}`;
  }
};

/** A triple as one N-Triples line (without the final dot): equal triples give equal lines. */
export function ntriple(q: Quad): string {
  return `${nt(q.subject)} ${nt(q.predicate)} ${nt(q.object)}`;
}

/** Content hash of a record: SHA-256 of its sorted N-Triples lines, so triple order never matters. */
export function recordHash(quads: readonly Quad[]): string {
  const lines = quads.map(ntriple).sort();
  // One update of the joined lines (the same bytes as line by line): far fewer calls into the crypto binding.
  return createHash('sha256').update(lines.length ? `${lines.join('\n')}\n` : '').digest('base64url');
}
