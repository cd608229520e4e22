import { describe, expect, it } from 'vitest';
import { isAppPath, organisationPath, recordPath, routeOf } from '../src/lib/routes.js';

describe('UI routes', () => {
  it('reads every page from its URL, so deep links and back/forward show the same page', () => {
    expect(routeOf('/', '?q=parkeren&type=Dataset')).toEqual({ page: 'search', state: { q: 'parkeren', filters: { type: ['Dataset'] }, sort: '', page: 1 } });
    expect(routeOf('/datasets/0123456789abcdef', '')).toEqual({ page: 'record', kind: 'datasets', id: '0123456789abcdef' });
    expect(routeOf('/organisations', `?iri=${encodeURIComponent('https://x.example/org')}`)).toEqual({ page: 'organisations', iri: 'https://x.example/org' });
    expect(routeOf('/owner/sources/my%20source/runs/urn%3Arun%3A1', '')).toEqual({ page: 'run', source: 'my source', run: 'urn:run:1' });
    expect(routeOf('/validator', '')).toEqual({ page: 'validator' });
    expect(routeOf('/query', '')).toEqual({ page: 'query' });
  });

  it('leaves paths that are not pages (the API, the feed, files) to the browser', () => {
    expect(routeOf('/v1/search', '').page).toBe('not-found');
    expect(isAppPath('/catalog')).toBe(false);
    expect(isAppPath('/owner')).toBe(true);
  });

  it('writes paths that read back to the same page', () => {
    expect(routeOf(recordPath('DataService', 'abc'), '')).toEqual({ page: 'record', kind: 'dataservices', id: 'abc' });
    const [path, query] = organisationPath('https://x.example/org?a=1').split('?');
    expect(routeOf(path!, `?${query}`)).toEqual({ page: 'organisations', iri: 'https://x.example/org?a=1' });
  });
});
