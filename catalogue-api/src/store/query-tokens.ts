/**
 * SPARQL 1.1 tokens, as far as fedcat needs them to read a query without executing it: comments, strings (short
 * and long), IRIs, variables and prefixed names are single tokens, with the grammar's character classes
 * (PN_CHARS_BASE and friends, so `PREFIX é: <…>` and `?größe` are read right). A keyword-like word inside any of
 * them is never a keyword. Everything else is a word (keywords, `a`), a number or one punctuation character.
 */

// SPARQL 1.1 grammar, productions 164-173 (PN_CHARS_BASE, PN_CHARS_U, VARNAME, PN_CHARS, PN_PREFIX, PN_LOCAL, PLX).
const BASE = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const U = `${BASE}_`;
const CHARS = `${U}\\-0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const PLX = "%[0-9A-Fa-f]{2}|\\\\[_~.\\-!$&'()*+,;=/?#@%]";
const PNAME_NS = `(?:[${BASE}](?:[${CHARS}.]*[${CHARS}])?)?:`;
const PN_LOCAL = `(?:[${U}:0-9]|${PLX})(?:(?:[${CHARS}.:]|${PLX})*(?:[${CHARS}:]|${PLX}))?`;
const VAR = `[?$][${U}0-9][${U}0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*`;
const IRIREF = '<[^<>"{}|^`\\\\\\u0000-\\u0020]*>';
const STRINGS = `"""(?:[^"\\\\]|\\\\.|"(?!""))*"""|'''(?:[^'\\\\]|\\\\.|'(?!''))*'''|"(?:[^"\\\\\\n\\r]|\\\\.)*"|'(?:[^'\\\\\\n\\r]|\\\\.)*'`;

const TOKEN = new RegExp(`#[^\\n\\r]*|${STRINGS}|${IRIREF}|${VAR}|${PNAME_NS}(?:${PN_LOCAL})?|[A-Za-z_][A-Za-z0-9_]*|[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?|\\S`, 'gu');

export type TokenKind = 'comment' | 'string' | 'iri' | 'var' | 'pname' | 'word' | 'number' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offset in the query text. */
  readonly at: number;
  /** Nesting depth of `{ }` the token is at (a brace itself counts at the depth outside it). */
  readonly depth: number;
}

function kindOf(text: string): TokenKind {
  const c = text[0]!;
  if (c === '#') return 'comment';
  if (c === '"' || c === "'") return 'string';
  if (c === '<' && text.length > 1 && text.endsWith('>')) return 'iri';
  if ((c === '?' || c === '$') && text.length > 1) return 'var';
  if (text.includes(':')) return 'pname';
  if (/^[A-Za-z_]/.test(text)) return 'word';
  if (/^[0-9.]/.test(text) && text !== '.') return 'number';
  return 'punct';
}

/** The query's tokens without comments, with their offsets and brace depth. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const kind = kindOf(t);
    if (kind === 'comment') continue;
    if (t === '}') depth = Math.max(0, depth - 1);
    out.push({ kind, text: t, at: m.index, depth });
    if (t === '{') depth++;
  }
  return out;
}

/** True when the token is the keyword (keywords are case-insensitive). */
export const isKeyword = (t: Token | undefined, keyword: string): boolean => t !== undefined && t.kind === 'word' && t.text.toUpperCase() === keyword;
