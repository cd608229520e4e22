import type { QueryForm } from '@fedcat/catalogue';
import { isKeyword, tokenize, type Token } from './query-tokens.js';

/** What a request's SPARQL text is, judged from its first keyword after the prologue. */
export type SparqlKind = { readonly kind: 'query'; readonly form: QueryForm } | { readonly kind: 'update' } | { readonly kind: 'unknown' };

const UPDATE = new Set(['INSERT', 'DELETE', 'LOAD', 'CLEAR', 'CREATE', 'DROP', 'COPY', 'MOVE', 'ADD', 'WITH']);
const QUERY = new Set(['SELECT', 'ASK', 'CONSTRUCT', 'DESCRIBE']);

/** Index of the first token after the prologue (PREFIX pname: <iri>, BASE <iri>). */
export function afterPrologue(tokens: readonly Token[]): number {
  let i = 0;
  for (;;) {
    if (isKeyword(tokens[i], 'PREFIX')) i += 3;
    else if (isKeyword(tokens[i], 'BASE')) i += 2;
    else return i;
  }
}

/**
 * Classifies SPARQL text without executing it: comments, strings and IRIs are skipped, and PREFIX/BASE
 * declarations are passed over. Used to refuse updates before execution and to pick the answer format.
 */
export function classifySparql(text: string): SparqlKind {
  return kindOf(tokenize(text));
}

function kindOf(tokens: readonly Token[]): SparqlKind {
  const first = tokens[afterPrologue(tokens)];
  if (!first || first.kind !== 'word') return { kind: 'unknown' };
  const upper = first.text.toUpperCase();
  if (QUERY.has(upper)) return { kind: 'query', form: upper as QueryForm };
  if (UPDATE.has(upper)) return { kind: 'update' };
  return { kind: 'unknown' };
}

/** True when `keyword` occurs in the query as a keyword: not in a comment, string, IRI, variable or prefixed name. */
function hasKeyword(text: string, keyword: string): boolean {
  return tokenize(text).some((t) => isKeyword(t, keyword));
}

/** True when the query names its own dataset (`FROM` or `FROM NAMED`). */
export const declaresDataset = (text: string): boolean => hasKeyword(text, 'FROM');

/** True when the query asks another endpoint (`SERVICE`). */
export const usesService = (text: string): boolean => hasKeyword(text, 'SERVICE');

/** Functions whose value differs from one evaluation to the next: an answer using one is never cached. */
const VOLATILE = new Set(['NOW', 'RAND', 'UUID', 'STRUUID', 'BNODE']);

/** True when the query calls NOW(), RAND(), UUID(), STRUUID() or BNODE(). */
export const isVolatile = (text: string): boolean => volatile(tokenize(text));

function volatile(tokens: readonly Token[]): boolean {
  return tokens.some((t, i) => t.kind === 'word' && VOLATILE.has(t.text.toUpperCase()) && tokens[i + 1]?.text === '(');
}

/** What the endpoint needs to know of a request's query before running it, from one reading of its tokens. */
export interface QueryReading {
  readonly kind: SparqlKind;
  /** It names its own dataset (FROM / FROM NAMED). */
  readonly declaresDataset: boolean;
  /** It asks another endpoint (SERVICE). */
  readonly usesService: boolean;
  /** It calls NOW(), RAND(), UUID(), STRUUID() or BNODE(): its answer is never cached. */
  readonly volatile: boolean;
}

export function readQuery(text: string): QueryReading {
  const tokens = tokenize(text);
  return {
    kind: kindOf(tokens),
    declaresDataset: tokens.some((t) => isKeyword(t, 'FROM')),
    usesService: tokens.some((t) => isKeyword(t, 'SERVICE')),
    volatile: volatile(tokens),
  };
}
