import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/client.js';
import { renderIn } from '../src/lib/i18n.js';
import { tellError, tellRunError } from '../src/lib/problem-text.js';

describe('telling a failure in the reader\'s language', () => {
  it('tells an API problem by its code, in Dutch and in English, keeping the server\'s words as the technical part', () => {
    const problem = new ApiError({ type: 'about:blank', title: 'Forbidden', status: 403, code: 'CAT_FORBIDDEN', detail: 'This token belongs to another organisation' });
    renderIn('nl');
    expect(tellError(problem)).toEqual({ text: 'dit token mag dat niet: alleen de eigen organisatie of een beheerder', technical: 'This token belongs to another organisation' });
    renderIn('en');
    expect(tellError(problem).text).toBe('this token may not do that: only the owning organisation or an admin');
    renderIn('nl');
  });

  it('tells a code it does not know by its status, a lost connection as one, and a run error by the harvester\'s code', () => {
    renderIn('nl');
    expect(tellError(new ApiError({ type: 'about:blank', title: 'Teapot', status: 418, code: 'CAT_SOMETHING_NEW' })).text).toBe('de server antwoordde met status 418');
    expect(tellError(new TypeError('Failed to fetch'))).toEqual({ text: 'fedcat is niet bereikbaar: geen verbinding, of de server draait niet', technical: 'Failed to fetch' });
    expect(tellRunError({ code: 'SOURCE_UNREACHABLE', message: 'getaddrinfo ENOTFOUND data.example.nl' }))
      .toEqual({ text: 'De bron was niet bereikbaar.', technical: 'getaddrinfo ENOTFOUND data.example.nl' });
    expect(tellRunError({ code: 'SOMETHING_ELSE', message: 'x' }).text).toBe('De oogst is mislukt.');
  });
});
