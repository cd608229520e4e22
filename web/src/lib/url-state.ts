import type { FACETS } from '@fedcat/catalogue-api/schemas';

type ApiFacet = (typeof FACETS)[number];

/** Facet fields the UI filters on: the API's facets (checked against its schema) but the source. */
export const FILTER_FIELDS = ['type', 'publisher', 'theme', 'format', 'license', 'accessRights'] as const satisfies readonly ApiFacet[];
export type FilterField = (typeof FILTER_FIELDS)[number];

/** Everything a search page shows, as it lives in the URL (deep links, back/forward). */
export interface SearchState {
  q: string;
  filters: Partial<Record<FilterField, string[]>>;
  sort: string;
  page: number;
}

/** Reads search state from a URL's query string. */
export function stateFromUrl(search: string): SearchState {
  const p = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const field of FILTER_FIELDS) {
    const values = p.getAll(field);
    if (values.length > 0) filters[field] = values;
  }
  const page = Number(p.get('page') ?? '1');
  return { q: p.get('q') ?? '', filters, sort: p.get('sort') ?? '', page: Number.isInteger(page) && page > 0 ? page : 1 };
}

/** Writes search state as a query string (without defaults), the inverse of {@link stateFromUrl}. */
export function urlFromState(state: SearchState): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const field of FILTER_FIELDS) for (const v of state.filters[field] ?? []) p.append(field, v);
  if (state.sort) p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Adds or removes one facet value; any change of filters goes back to page 1. */
export function toggleFilter(state: SearchState, field: FilterField, value: string): SearchState {
  const current = state.filters[field] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...state.filters, [field]: next };
  if (next.length === 0) delete filters[field];
  return { ...state, filters, page: 1 };
}

/** Only http(s) links are ever rendered as links; anything else is shown as text. */
export function safeHref(value: string): string | null {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
