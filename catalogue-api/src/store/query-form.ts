import type { QueryForm } from '@fedcat/catalogue';

/** What a request's SPARQL text is, judged from its first keyword after the prologue. */
export type SparqlKind = { readonly kind: 'query'; readonly form: QueryForm } | { readonly kind: 'update' } | { readonly kind: 'unknown' };

const UPDATE = new Set(['INSERT', 'DELETE', 'LOAD', 'CLEAR', 'CREATE', 'DROP', 'COPY', 'MOVE', 'ADD', 'WITH']);
const QUERY = new Set(['SELECT', 'ASK', 'CONSTRUCT', 'DESCRIBE']);

/**
 * SPARQL tokens, enough to find keywords: comments, strings, IRIs, variables (`?x`, `$x`) and prefixed names
 * (`dcat:service`, `:x`, `dcat:`) are single tokens, so a keyword-like word inside any of them is never a keyword.
 */
const TOKENS = /#[^\n]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|<[^<>\s]*>|[?$][A-Za-z0-9_]+|(?:[A-Za-z_][A-Za-z0-9_.-]*)?:[A-Za-z0-9_.-]*|[A-Za-z_][A-Za-z0-9_-]*|\S/g;

/**
 * Classifies SPARQL text without executing it: comments, strings and IRIs are skipped, and PREFIX/BASE
 * declarations are passed over. Used to refuse updates before execution and to pick the answer format.
 */
export function classifySparql(text: string): SparqlKind {
  let afterPrologueKeyword = 0;
  for (const m of text.matchAll(TOKENS)) {
    const tok = m[0];
    if (tok.startsWith('#')) continue;
    const upper = tok.toUpperCase();
    if (afterPrologueKeyword > 0) { afterPrologueKeyword--; continue; }
    if (upper === 'PREFIX') { afterPrologueKeyword = 2; continue; }
    if (upper === 'BASE') { afterPrologueKeyword = 1; continue; }
    if (QUERY.has(upper)) return { kind: 'query', form: upper as QueryForm };
    if (UPDATE.has(upper)) return { kind: 'update' };
    return { kind: 'unknown' };
  }
  return { kind: 'unknown' };
}

/** True when `keyword` occurs in the query as a keyword: not in a comment, string, IRI, variable or prefixed name. */
function hasKeyword(text: string, keyword: string): boolean {
  for (const m of text.matchAll(TOKENS)) if (m[0].toUpperCase() === keyword) return true;
  return false;
}

/** True when the query names its own dataset (`FROM` or `FROM NAMED`). */
export const declaresDataset = (text: string): boolean => hasKeyword(text, 'FROM');

/** True when the query asks another endpoint (`SERVICE`). */
export const usesService = (text: string): boolean => hasKeyword(text, 'SERVICE');
