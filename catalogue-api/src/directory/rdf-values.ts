import type { Term } from '@rdfjs/types';
import type { Store } from 'n3';

/** The first (in code point order) of the values of `subject p`: the same whichever order a store returned them in. */
export const firstValue = (store: Store, subject: Term, p: Term): string | null => sortedValues(store, subject, p)[0] ?? null;

/** The distinct values of the objects of `subject p`, sorted. */
export const sortedValues = (store: Store, subject: Term, p: Term): string[] => [...new Set(store.getObjects(subject, p, null).map((o) => o.value))].sort();

/** The value of `subject p` in a language (a literal tagged `lang`), else the first untagged one; null when neither. */
export const valueInLang = (store: Store, subject: Term, p: Term, lang: string): string | null => {
  const objects = store.getObjects(subject, p, null).filter((o) => o.termType === 'Literal');
  const tagged = objects.filter((o) => 'language' in o && o.language === lang).map((o) => o.value).sort()[0];
  return tagged ?? objects.filter((o) => !('language' in o) || !o.language).map((o) => o.value).sort()[0] ?? null;
};
