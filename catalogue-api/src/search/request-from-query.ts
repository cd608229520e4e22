import { FACET_FIELDS, type FacetField, type RecordType, type SearchRequest } from '@fedcat/catalogue';
import { InvalidFilter } from '../http/errors.js';
import type { SearchQuery } from '../schemas/records.js';

const isFacetField = (f: string): f is FacetField => (FACET_FIELDS as readonly string[]).includes(f);

/**
 * Turns REST query parameters into a port SearchRequest. `filter=field:value` (repeatable) splits at the
 * first colon, so IRI values keep theirs; unknown fields are a 400 with the list of valid ones.
 */
export function searchRequestFromQuery(query: SearchQuery, fixedType?: RecordType): SearchRequest {
  const filters: Partial<Record<FacetField, string[]>> = {};
  const raw = query.filter === undefined ? [] : Array.isArray(query.filter) ? query.filter : [query.filter];
  for (const f of raw) {
    const i = f.indexOf(':');
    const field = i > 0 ? f.slice(0, i) : '';
    if (!isFacetField(field)) throw new InvalidFilter(`'${f}': use field:value with field one of ${FACET_FIELDS.join(', ')}`);
    const value = f.slice(i + 1);
    if (value === '') throw new InvalidFilter(`'${f}' has no value`);
    (filters[field] ??= []).push(value);
  }
  if (fixedType) filters.type = [fixedType];
  const facetNames = query.facets === undefined ? [] : query.facets === '*' ? [...FACET_FIELDS] : query.facets.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = facetNames.filter((f) => !isFacetField(f));
  if (unknown.length > 0) throw new InvalidFilter(`unknown facet ${unknown.join(', ')}; use ${FACET_FIELDS.join(', ')}`);
  const pageSize = query.pageSize ?? 20;
  const page = query.page ?? 1;
  return {
    q: query.q, filters, facets: facetNames as FacetField[], sort: query.sort as SearchRequest['sort'],
    offset: (page - 1) * pageSize, limit: pageSize,
  };
}
