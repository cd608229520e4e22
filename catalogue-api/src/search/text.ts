import type { Segment } from '@fedcat/catalogue';

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cases and strips diacritics, as the FTS tokenizer (unicode61, remove_diacritics 2) does. */
export function normalizeWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The normalised words of a text. */
export function words(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => normalizeWord(m[0]));
}

/**
 * Optimal-string-alignment edit distance, abandoned once it exceeds `max` (returns max + 1).
 * Transpositions count as one edit, as typists make them.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Typos tolerated for a word of this length: 0 below 5 letters, 1 from 5, 2 from 9 (Meilisearch's defaults). */
export function allowedTypos(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}

/** Splits text into runs, marking words equal to a term (or starting with a prefix term). */
export function highlight(text: string, terms: ReadonlySet<string>, prefixes: readonly string[]): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const w = normalizeWord(m[0]);
    if (!terms.has(w) && !prefixes.some((p) => w.startsWith(p))) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index), match: false });
    out.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}

/** Crops long text to about `size` characters around its first match, keeping whole words. */
export function crop(segments: readonly Segment[], size = 240): Segment[] {
  const full = segments.map((s) => s.text).join('');
  if (full.length <= size) return [...segments];
  let offset = 0;
  let firstMatch = 0;
  for (const s of segments) {
    if (s.match) { firstMatch = offset; break; }
    offset += s.text.length;
  }
  const start = Math.max(0, firstMatch - Math.floor(size / 3));
  const end = start + size;
  const out: Segment[] = [];
  let pos = 0;
  for (const s of segments) {
    const a = Math.max(start, pos);
    const b = Math.min(end, pos + s.text.length);
    if (a < b) out.push({ text: s.text.slice(a - pos, b - pos), match: s.match });
    pos += s.text.length;
  }
  if (start > 0) out.unshift({ text: '…', match: false });
  if (end < full.length) out.push({ text: '…', match: false });
  return out;
}
