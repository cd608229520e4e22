/**
 * What the try-it console may send for an API, checked before anything goes out (pure): only for public APIs whose
 * security is none or an API key, only GET and HEAD, only to a URL under one of the API's OpenAPI servers or its
 * endpoint URLs, and only headers from an allowlist (never cookies, Host or the reader's credentials for fedcat).
 */

/** What the console asks fedcat to send. */
export interface TryInput {
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A request body, for a method the owner allows besides GET and HEAD. */
  readonly body?: string;
}

/** What fedcat knows of the API a try is for (from the service directory). */
export interface TryTarget {
  readonly accessRights: string | null;
  /** Security schemes of its OpenAPI document (the API register's names: none, api_key, oauth2, …); empty when unknown. */
  readonly authTypes: readonly string[];
  readonly servers: readonly string[];
  readonly endpointUrls: readonly string[];
  /** Headers the API's security schemes carry an API key in (lower case), passed on beside {@link TRY_HEADERS}. */
  readonly keyHeaders?: readonly string[];
  /** The owner's settings: the console switched off (`on` false), methods it may send besides GET and HEAD. */
  readonly owner?: { readonly on: boolean; readonly methods: readonly string[] };
}

/** A request fedcat may send. */
export interface CheckedTry {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Why a try is refused: a code, the field it is about, and a sentence naming what is allowed. */
export class TryRefused extends Error {
  constructor(readonly code: 'not-offered' | 'method' | 'url' | 'header', readonly field: string, message: string) {
    super(message);
    this.name = 'TryRefused';
  }
}

export const TRY_METHODS = ['GET', 'HEAD'] as const;
/** Request headers a console may set: content negotiation, conditional requests, the Dutch CRS headers and API keys. */
export const TRY_HEADERS = ['accept', 'accept-language', 'accept-crs', 'content-crs', 'if-none-match', 'if-modified-since', 'x-api-key', 'apikey', 'api-key'] as const;
const PUBLIC = 'http://publications.europa.eu/resource/authority/access-right/PUBLIC';
const OFFERED_AUTH = new Set(['none', 'api_key']);

/** Whether the console is offered for an API: public, and no security other than an API key the reader types. */
export function tryOffered(target: TryTarget): boolean {
  return target.accessRights === PUBLIC && target.authTypes.length > 0 && target.authTypes.every((a) => OFFERED_AUTH.has(a));
}

/** Whether `url` lies under `base`: same origin, and its path at or below the base's (segment by segment). */
export function under(url: URL, base: string): boolean {
  let b: URL;
  try { b = new URL(base); } catch { return false; }
  if (url.origin !== b.origin) return false;
  const prefix = b.pathname.replace(/\/+$/, '');
  return url.pathname === prefix || url.pathname.startsWith(`${prefix}/`) || prefix === '';
}

/** Checks a try against the API it is for; throws {@link TryRefused} saying what is allowed. */
export function checkTry(input: TryInput, target: TryTarget): CheckedTry {
  if (target.owner && !target.owner.on) throw new TryRefused('not-offered', 'id', "this API's owner switched trying it from fedcat off");
  if (!tryOffered(target)) {
    throw new TryRefused('not-offered', 'id', `fedcat sends requests only to public APIs without security or with an API key; this one has access rights ${target.accessRights?.split('/').pop() ?? 'unknown'} and security ${target.authTypes.join(', ') || 'unknown'}`);
  }
  const method = input.method.toUpperCase();
  const methods = [...TRY_METHODS, ...(target.owner?.methods ?? [])];
  if (!methods.includes(method)) throw new TryRefused('method', 'method', `method must be one of ${methods.join(', ')}`);
  const reads = (TRY_METHODS as readonly string[]).includes(method);
  if (reads && input.body !== undefined) throw new TryRefused('method', 'body', `a ${method} request has no body`);
  let url: URL;
  try { url = new URL(input.url); } catch { throw new TryRefused('url', 'url', 'url must be an absolute http(s) URL'); }
  const bases = [...target.servers, ...target.endpointUrls];
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || !bases.some((b) => under(url, b))) {
    throw new TryRefused('url', 'url', `url must lie under one of the API's servers: ${bases.join(', ') || '(none known)'}`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    const key = name.toLowerCase();
    const bodyHeader = !reads && key === 'content-type';
    if (!(TRY_HEADERS as readonly string[]).includes(key) && !target.keyHeaders?.includes(key) && !bodyHeader) throw new TryRefused('header', `headers.${name}`, `header ${name} is not sent; allowed: ${[...TRY_HEADERS, ...(target.keyHeaders ?? [])].join(', ')}`);
    if (!/^[\t\x20-\x7e]*$/.test(value)) throw new TryRefused('header', `headers.${name}`, `header ${name} must be printable ASCII on one line`);
    headers[key] = value;
  }
  return { method, url, headers, ...(input.body !== undefined ? { body: input.body } : {}) };
}
