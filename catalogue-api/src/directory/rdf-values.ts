import type { Term } from '@rdfjs/types';
import type { Store } from 'n3';

/** The value of the first object of `subject p`, or null. */
export const firstValue = (store: Store, subject: Term, p: Term): string | null => store.getObjects(subject, p, null)[0]?.value ?? null;

/** The distinct values of the objects of `subject p`, sorted. */
export const sortedValues = (store: Store, subject: Term, p: Term): string[] => [...new Set(store.getObjects(subject, p, null).map((o) => o.value))].sort();
