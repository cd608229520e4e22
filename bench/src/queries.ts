import type { FacetField } from '@fedcat/catalogue';
import { prng, WORDS } from './generate.js';

/** One benchmark query; typo queries know the word they should still find. */
export interface BenchQuery {
  readonly kind: 'plain' | 'typo' | 'facet';
  readonly q: string;
  readonly filters?: Partial<Record<FacetField, string[]>>;
  readonly expect?: string;
}

function typo(word: string, r: () => number): string {
  const i = 1 + Math.floor(r() * (word.length - 2));
  const ops = [
    () => word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), // swap
    () => word.slice(0, i) + word.slice(i + 1), // delete
    () => word.slice(0, i) + 'e' + word.slice(i + 1), // substitute
  ];
  const out = ops[Math.floor(r() * ops.length)]!();
  return out === word ? `${word}x` : out;
}

/** 200 varied queries: 100 plain, 30 with one typo, 70 with filters and facets. */
export function benchQueries(seed = 7): BenchQuery[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const long = WORDS.filter((w) => w.length >= 6);
  const out: BenchQuery[] = [];
  for (let i = 0; i < 100; i++) out.push({ kind: 'plain', q: r() < 0.5 ? pick(WORDS) : `${pick(WORDS)} ${pick(WORDS)}` });
  for (let i = 0; i < 30; i++) {
    const w = pick(long);
    out.push({ kind: 'typo', q: typo(w, r), expect: w });
  }
  const themes = ['ENVI', 'TRAN', 'SOCI', 'REGI'].map((t) => `http://publications.europa.eu/resource/authority/data-theme/${t}`);
  const formats = ['CSV', 'JSON'].map((t) => `http://publications.europa.eu/resource/authority/file-type/${t}`);
  for (let i = 0; i < 70; i++) {
    const filters: Partial<Record<FacetField, string[]>> = r() < 0.5 ? { theme: [pick(themes)] } : { format: [pick(formats)], type: ['Dataset'] };
    out.push({ kind: 'facet', q: i < 20 ? '' : pick(WORDS), filters });
  }
  return out;
}
