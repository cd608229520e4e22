import { isKeyword, tokenize, type Token } from './query-tokens.js';
import { afterPrologue } from './query-form.js';

/** A query rewritten so the engine's work is bounded by the result cap. */
export interface BoundedQuery {
  /** The text to run: the query with a top-level LIMIT of cap + 1 where it had none or a larger one. */
  readonly text: string;
  /** True when the LIMIT was fedcat's: an answer of more than `cap` is then cut, and marked so. */
  readonly imposed: boolean;
  /**
   * For CONSTRUCT/DESCRIBE with an imposed LIMIT: a SELECT over the same pattern and modifiers, limited to cap + 2,
   * that tells whether the LIMIT left solutions out (its answer has more than cap + 1 rows). The triples of the
   * kept solutions can number fewer than the cap (shared triples, unbound template variables).
   */
  readonly probe?: string;
}

const PROBE_SELECT = 'SELECT (1 AS ?fedcat_solution)';
const DESCRIBE_END = new Set(['FROM', 'WHERE', 'ORDER', 'GROUP', 'HAVING', 'LIMIT', 'OFFSET', 'VALUES']);

/** The top-level LIMIT's number token, if the query has one. */
function limitToken(tokens: readonly Token[], from: number): Token | undefined {
  for (let i = from; i < tokens.length; i++) {
    if (tokens[i]!.depth === 0 && isKeyword(tokens[i], 'LIMIT') && tokens[i + 1]?.kind === 'number') return tokens[i + 1];
  }
  return undefined;
}

/** The text with its top-level LIMIT set to `limit`: the number replaced, or a LIMIT added before a trailing VALUES. */
function withLimit(text: string, limit: number): string {
  const tokens = tokenize(text);
  const start = afterPrologue(tokens);
  const existing = limitToken(tokens, start);
  if (existing) return `${text.slice(0, existing.at)}${limit}${text.slice(existing.at + existing.text.length)}`;
  const values = tokens.find((t, i) => i > start && t.depth === 0 && isKeyword(t, 'VALUES'));
  // On a line of its own: the text may end in a comment.
  if (values) return `${text.slice(0, values.at)}\nLIMIT ${limit}\n${text.slice(values.at)}`;
  return `${text}\nLIMIT ${limit}\n`;
}

/** The CONSTRUCT/DESCRIBE query as a SELECT of one constant per solution; null when it has no pattern (DESCRIBE <iri>). */
function probeOf(text: string, tokens: readonly Token[], form: number): string | null {
  const keyword = tokens[form]!;
  if (isKeyword(keyword, 'CONSTRUCT')) {
    const open = tokens[form + 1];
    if (open?.text !== '{') return `${text.slice(0, keyword.at)}${PROBE_SELECT}${text.slice(keyword.at + keyword.text.length)}`;
    const close = tokens.find((t, i) => i > form + 1 && t.text === '}' && t.depth === open.depth);
    return close ? `${text.slice(0, keyword.at)}${PROBE_SELECT}${text.slice(close.at + 1)}` : null;
  }
  const end = tokens.find((t, i) => i > form && t.depth === 0 && (t.text === '{' || (t.kind === 'word' && DESCRIBE_END.has(t.text.toUpperCase()))));
  if (!end || !(end.text === '{' || isKeyword(end, 'WHERE'))) return null;
  return `${text.slice(0, keyword.at)}${PROBE_SELECT} ${text.slice(end.at)}`;
}

/**
 * Bounds a query's work by the result cap, without changing what a client that pages gets: a query whose own
 * LIMIT is at most `cap` is left as it is (it is never cut); otherwise its top-level LIMIT becomes cap + 1, so the
 * engine stops there and one solution more than the cap says the answer was cut. ASK is left alone.
 */
export function boundedQuery(text: string, cap: number): BoundedQuery {
  const tokens = tokenize(text);
  const form = afterPrologue(tokens);
  const keyword = tokens[form]?.text.toUpperCase();
  if (keyword !== 'SELECT' && keyword !== 'CONSTRUCT' && keyword !== 'DESCRIBE') return { text, imposed: false };
  const own = limitToken(tokens, form);
  if (own && Number(own.text) <= cap) return { text, imposed: false };
  if (keyword === 'SELECT') return { text: withLimit(text, cap + 1), imposed: true };
  const probe = probeOf(text, tokens, form);
  if (probe === null) return { text, imposed: false };
  return { text: withLimit(text, cap + 1), imposed: true, probe: withLimit(probe, cap + 2) };
}
