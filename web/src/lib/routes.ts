import { stateFromUrl, type SearchState } from './url-state.js';

/** Every page of the UI, as its URL says (deep links, back and forward). */
export type Route =
  | { page: 'search'; state: SearchState }
  | { page: 'record'; kind: 'datasets' | 'dataservices'; id: string }
  | { page: 'organisations'; iri: string | null }
  | { page: 'owner' }
  | { page: 'source'; id: string }
  | { page: 'run'; source: string; run: string }
  | { page: 'validator' }
  | { page: 'query' }
  | { page: 'not-found' };

const seg = '([^/]+)';

function decode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

/** The page a path and query string show (pure). */
export function routeOf(pathname: string, search: string): Route {
  let m: RegExpExecArray | null;
  if (pathname === '/') return { page: 'search', state: stateFromUrl(search) };
  if ((m = new RegExp(`^/(datasets|dataservices)/${seg}$`).exec(pathname))) return { page: 'record', kind: m[1] as 'datasets' | 'dataservices', id: decode(m[2]!) };
  if (pathname === '/organisations') return { page: 'organisations', iri: new URLSearchParams(search).get('iri') };
  if (pathname === '/owner') return { page: 'owner' };
  if ((m = new RegExp(`^/owner/sources/${seg}$`).exec(pathname))) return { page: 'source', id: decode(m[1]!) };
  if ((m = new RegExp(`^/owner/sources/${seg}/runs/${seg}$`).exec(pathname))) return { page: 'run', source: decode(m[1]!), run: decode(m[2]!) };
  if (pathname === '/validator') return { page: 'validator' };
  if (pathname === '/query') return { page: 'query' };
  return { page: 'not-found' };
}

/** Whether the app itself shows this path (so a click on a link to it need not load a page). */
export function isAppPath(pathname: string): boolean {
  return routeOf(pathname, '').page !== 'not-found';
}

/** Path of a record page. */
export function recordPath(type: 'Dataset' | 'DataService' | string, id: string): string {
  return `/${type === 'DataService' ? 'dataservices' : 'datasets'}/${encodeURIComponent(id)}`;
}

/** Path of an organisation page. */
export function organisationPath(iri: string): string {
  return `/organisations?iri=${encodeURIComponent(iri)}`;
}
