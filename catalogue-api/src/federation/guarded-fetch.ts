import { lookup } from 'node:dns/promises';
import { hostPort, mayConnect, type PrivateAccess } from '@fedcat/harvester';

/** Thrown for a request the federation must not make. */
export class FetchRefused extends Error {
  readonly code = 'FETCH_REFUSED';
}

const endpointKey = (url: URL) => `${url.origin}${url.pathname}`;

/**
 * The only `fetch` a federated query gets: requests to the listed endpoints (compared without query string), nothing
 * else; an endpoint's host must resolve to public addresses unless the private-address policy allows its origin
 * (`local`, the catalogue's own endpoint, is always allowed, and gets `localHeaders`); every request is bounded by the
 * query's deadline.
 * Every refused URL is reported to `onRefused`.
 */
export function guardedFetch(opts: { endpoints: readonly string[]; local: string; localHeaders?: Record<string, string>; privateAccess: PrivateAccess; deadline: number; onRefused?: (url: string) => void }): typeof fetch {
  const allowed = new Set(opts.endpoints.map((e) => endpointKey(new URL(e))));
  const checked = new Map<string, Promise<boolean>>();
  const publicOrAllowed = (url: URL) => {
    const key = url.host;
    if (!checked.has(key)) {
      checked.set(key, lookup(url.hostname.replace(/^\[|\]$/g, ''), { all: true }).then(
        (addresses) => addresses.length > 0 && addresses.every((a) => mayConnect(opts.privateAccess, hostPort(url), a.address)), () => false));
    }
    return checked.get(key)!;
  };
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const key = endpointKey(url);
    const refuse = (why: string) => {
      opts.onRefused?.(url.href);
      throw new FetchRefused(`fedcat does not fetch ${url.origin}${url.pathname}: ${why}`);
    };
    if (!allowed.has(key)) refuse('only the catalogue and the SPARQL endpoints of registered sources are queried');
    const local = key === endpointKey(new URL(opts.local));
    if (!local && !(await publicOrAllowed(url))) refuse('it resolves to a private or loopback address');
    const remaining = opts.deadline - Date.now();
    if (remaining <= 0) throw new FetchRefused('the query passed its time limit');
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (local) for (const [k, v] of Object.entries(opts.localHeaders ?? {})) headers.set(k, v);
    return fetch(input, { ...init, headers, redirect: 'error', signal: AbortSignal.any([AbortSignal.timeout(remaining), ...(init?.signal ? [init.signal] : [])]) });
  };
}
