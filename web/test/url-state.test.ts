import { describe, expect, it } from 'vitest';
import { safeHref, stateFromUrl, toggleFilter, urlFromState } from '../src/lib/url-state.js';

describe('url-state', () => {
  it('round-trips a search with filters, sort and page through the URL', () => {
    const state = { q: 'parkeren', filters: { theme: ['http://e/TRAN'], format: ['a', 'b'] }, sort: 'title:asc', page: 3 };
    expect(stateFromUrl(urlFromState(state))).toEqual(state);
  });

  it('goes back to page 1 when a filter changes, and drops emptied fields', () => {
    const s = toggleFilter({ q: '', filters: { theme: ['x'] }, sort: '', page: 4 }, 'theme', 'x');
    expect(s).toEqual({ q: '', filters: {}, sort: '', page: 1 });
  });

  it('only lets http(s) URLs become links', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
  });
});
