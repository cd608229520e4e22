import { fetchDescription, NotOpenApi, parseOpenApi, type FetchPolicy } from '@fedcat/harvester';

/** Why a data service's OpenAPI document cannot be given now. */
export class DocumentUnavailable extends Error {
  constructor(readonly url: string, reason: string) {
    super(`${url}: ${reason}`);
    this.name = 'DocumentUnavailable';
  }
}

/** How long a document read from its publisher is used before it is read again. */
const KEEP_MS = 5 * 60_000;
const CAPS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000 };

/**
 * Data services' OpenAPI documents, read from where their publishers describe them (under the harvest's address
 * policy and caps), internal references resolved (as plain, acyclic JSON), kept five minutes per URL: what the try-it console builds its forms
 * from, what the proxy learns an API key's header from, and what developers download.
 */
export class OpenApiDocuments {
  private readonly kept = new Map<string, { readonly at: number; readonly doc: Promise<Record<string, unknown>> }>();

  constructor(private readonly policy: FetchPolicy, private readonly now: () => number = Date.now) {}

  get(url: string): Promise<Record<string, unknown>> {
    const entry = this.kept.get(url);
    if (entry && this.now() - entry.at <= KEEP_MS) return entry.doc;
    const doc = this.read(url);
    this.kept.set(url, { at: this.now(), doc });
    doc.catch(() => this.kept.delete(url));
    return doc;
  }

  private async read(url: string): Promise<Record<string, unknown>> {
    const fetched = await fetchDescription(url, this.policy, CAPS);
    if (!fetched.ok) throw new DocumentUnavailable(url, fetched.reason);
    try {
      return acyclic((await parseOpenApi(fetched.text)).resolved) as Record<string, unknown>;
    } catch (err) {
      if (err instanceof NotOpenApi) throw new DocumentUnavailable(url, `not an OpenAPI document: ${err.message}`);
      throw err;
    }
  }
}

/** The headers an API key goes in (`apiKey` security schemes `in: header`), as the document names them. */
export function apiKeyHeaders(doc: Record<string, unknown>): string[] {
  const components = doc.components as { securitySchemes?: Record<string, { type?: unknown; in?: unknown; name?: unknown }> } | undefined;
  return Object.values(components?.securitySchemes ?? {}).flatMap((s) => (s.type === 'apiKey' && s.in === 'header' && typeof s.name === 'string' ? [s.name] : []));
}

/**
 * A resolved document as plain JSON: internal references resolve to shared (possibly circular) objects; a reference
 * back to an enclosing object is written as `{"$ref": "(circular)"}`, so it serialises (JSON, YAML) and caches as data.
 */
function acyclic(value: unknown): unknown {
  const path: unknown[] = [];
  return JSON.parse(JSON.stringify(value, function (this: unknown, _key, v: unknown) {
    if (typeof v !== 'object' || v === null) return v;
    while (path.length > 0 && path.at(-1) !== this) path.pop();
    if (path.includes(v)) return { $ref: '(circular)' };
    path.push(v);
    return v;
  })) as unknown;
}
