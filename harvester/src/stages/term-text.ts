import type { Term } from '@rdfjs/types';

/** A term as a short readable string for reports. */
export function termText(t: Term): string {
  if (t.termType === 'Literal') return t.language ? `"${t.value}"@${t.language}` : `"${t.value}"^^<${t.datatype.value}>`;
  return t.termType === 'NamedNode' ? `<${t.value}>` : `_:${t.value}`;
}
