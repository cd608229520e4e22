import { isoDate } from './lifecycle.js';

/** The authentication types the API register derives from `securitySchemes` (plus mutual TLS, OAS 3.1). */
export type AuthType = 'none' | 'api_key' | 'oauth2' | 'openid' | 'bearer' | 'basic' | 'http' | 'mutual_tls' | 'unknown';

/** What a consumer first wants to know of an API, read from its OpenAPI document. */
export interface OpenApiSummary {
  readonly openapiVersion: string;
  readonly title: string | null;
  readonly version: string | null;
  /** Server URLs (variables filled with their defaults) with their descriptions (an environment: "productie", "test"…). */
  readonly servers: readonly { readonly url: string; readonly description: string | null }[];
  readonly authTypes: readonly AuthType[];
  readonly deprecatedOn: string | null;
  readonly sunsetOn: string | null;
  readonly docsUrl: string | null;
}

type Json = Record<string, unknown>;
const obj = (x: unknown): Json => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Json) : {});
const str = (x: unknown): string | null => (typeof x === 'string' && x.trim() ? x.trim() : null);

function authType(scheme: Json): AuthType {
  switch (scheme.type) {
    case 'apiKey': return 'api_key';
    case 'oauth2': return 'oauth2';
    case 'openIdConnect': return 'openid';
    case 'mutualTLS': return 'mutual_tls';
    case 'http': {
      const s = String(scheme.scheme ?? '').toLowerCase();
      return s === 'bearer' ? 'bearer' : s === 'basic' ? 'basic' : 'http';
    }
    default: return 'unknown';
  }
}

/** Servers with their `{variables}` filled with the defaults, resolved against the document's own URL. */
export function servers(doc: Json, documentUrl: string): { url: string; description: string | null }[] {
  const list = Array.isArray(doc.servers) ? doc.servers.map(obj) : [];
  return list.flatMap((s) => {
    let url = str(s.url);
    if (!url) return [];
    for (const [name, v] of Object.entries(obj(s.variables))) url = url.replaceAll(`{${name}}`, String(obj(v).default ?? ''));
    try {
      return [{ url: new URL(url, documentUrl).href.replace(/\/$/, ''), description: str(s.description) }];
    } catch {
      return [];
    }
  });
}

/**
 * Summarises an OpenAPI 3 document (internal `$ref`s resolved): title, version, servers, the authentication types of
 * its security schemes (`none` when it declares none), and its lifecycle dates (`info.x-deprecated`,
 * `info.x-sunset`, the API register's extensions). Pure.
 */
export function summariseOpenApi(doc: Json, documentUrl: string): OpenApiSummary {
  const info = obj(doc.info);
  const schemes = Object.values(obj(obj(doc.components).securitySchemes)).map(obj);
  const types = [...new Set(schemes.map(authType))].sort();
  return {
    openapiVersion: String(doc.openapi),
    title: str(info.title),
    version: str(info.version) ?? (typeof info.version === 'number' ? String(info.version) : null),
    servers: servers(doc, documentUrl),
    authTypes: types.length > 0 ? types : ['none'],
    deprecatedOn: isoDate(str(info['x-deprecated'])),
    sunsetOn: isoDate(str(info['x-sunset'])),
    docsUrl: str(obj(doc.externalDocs).url),
  };
}
