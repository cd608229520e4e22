import { words } from './text.js';

/** What the planner needs to know of the index's words. */
export interface Vocabulary {
  /** Whether the word is indexed as it is. */
  has(word: string): boolean;
  /** Whether some indexed word starts with it. */
  hasPrefix(word: string): boolean;
  /** Indexed words within the word's allowed typos, best first. */
  corrections(word: string): string[];
}

/** An FTS5 query and what its hits are highlighted by. */
export interface QueryPlan {
  readonly match: string | null;
  readonly terms: Set<string>;
  readonly prefixes: string[];
  readonly corrections: Record<string, string[]>;
}

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;
/** Parts of a split word are at least this long ("afval inzameling", not "a fvalinzameling"). */
const MIN_PART = 3;

/** The best split of a word into two indexed words (the longest first part), as Meilisearch's split words. */
function split(word: string, vocab: Vocabulary): [string, string] | null {
  for (let k = word.length - MIN_PART; k >= MIN_PART; k--) {
    const a = word.slice(0, k);
    const b = word.slice(k);
    if (vocab.has(a) && vocab.has(b)) return [a, b];
  }
  return null;
}

/**
 * Plans a query over the index's vocabulary, as Meilisearch reads one:
 * - every word must match (AND), the last one also as a prefix (search as you type), or, with `prefixEvery` (the
 *   second try when the first found nothing), every word as a prefix;
 * - a word the index does not hold also matches the indexed words within its allowed typos;
 * - two neighbouring words also match as one ("parkeer zones" finds "Parkeerzones");
 * - a word also matches as two indexed words side by side ("betaaldparkeren" finds "betaald parkeren").
 */
export function planQuery(q: string, vocab: Vocabulary, prefixEvery = false): QueryPlan {
  const ws = words(q);
  const terms = new Set<string>();
  const prefixes: string[] = [];
  const corrections: Record<string, string[]> = {};
  if (ws.length === 0) return { match: null, terms, prefixes, corrections };
  const asPrefix = (i: number) => prefixEvery || i === ws.length - 1;

  const wordClause = (w: string, i: number): string => {
    const prefix = asPrefix(i);
    const alternatives = [prefix ? `${quote(w)}*` : quote(w)];
    terms.add(w);
    if (prefix) prefixes.push(w);
    if (!(vocab.has(w) || (prefix && vocab.hasPrefix(w)))) {
      const fixes = vocab.corrections(w);
      if (fixes.length > 0) corrections[w] = fixes;
      for (const f of fixes) { alternatives.push(quote(f)); terms.add(f); }
    }
    const parts = w.length >= 2 * MIN_PART ? split(w, vocab) : null;
    if (parts) {
      alternatives.push(`${quote(parts.join(' '))}`);
      for (const p of parts) terms.add(p);
    }
    return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
  };

  const clauses: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const next = ws[i + 1];
    const joined = next === undefined ? null : w + next;
    if (joined && (vocab.has(joined) || (asPrefix(i + 1) && vocab.hasPrefix(joined)))) {
      // Either both words, or the two as one word.
      const both = `${wordClause(w, i)} AND ${wordClause(next!, i + 1)}`;
      const one = asPrefix(i + 1) ? `${quote(joined)}*` : quote(joined);
      terms.add(joined);
      if (asPrefix(i + 1)) prefixes.push(joined);
      clauses.push(`((${both}) OR ${one})`);
      i++;
    } else {
      clauses.push(wordClause(w, i));
    }
  }
  return { match: clauses.join(' AND '), terms, prefixes, corrections };
}
