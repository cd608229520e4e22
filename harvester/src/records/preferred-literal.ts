import type { Term } from '@rdfjs/types';
import type { Store } from 'n3';

/** The languages fedcat shows text in, best first: Dutch, English, then text without a language tag. */
export const LANGUAGE_PREFERENCE = ['nl', 'en', ''];

/** A literal's primary language subtag, lower case ('' when untagged). */
export const langOf = (t: Term): string => ((t as { language?: string }).language ?? '').toLowerCase().split('-')[0] ?? '';

/**
 * The text of `subject` under the first of `predicates` that has one, in the preferred language
 * ({@link LANGUAGE_PREFERENCE}), else the first literal; trimmed. Null when there is none.
 */
export function bestLiteral(store: Store, subject: Term, predicates: readonly Term[]): string | null {
  const literals = predicates.flatMap((p) => store.getObjects(subject, p, null)).filter((o) => o.termType === 'Literal');
  if (literals.length === 0) return null;
  for (const lang of LANGUAGE_PREFERENCE) {
    const hit = literals.find((l) => langOf(l) === lang);
    if (hit) return hit.value.trim();
  }
  return literals[0]!.value.trim();
}
