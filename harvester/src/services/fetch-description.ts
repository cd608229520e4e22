import { createHash } from 'node:crypto';
import { HarvestError, SourceForbidden, SourceUnreachable } from '../errors.js';
import { openDocument, readText, type FetchPolicy } from '../fetch/fetch-document.js';

/** A description document as fetched: its bytes' hash and text, or why there is none. */
export type FetchedDescription =
  | { readonly ok: true; readonly url: string; readonly status: number; readonly text: string; readonly sha256: string; readonly corsAllowOrigin: string | null }
  | { readonly ok: false; readonly status: number; readonly reason: string };

const ACCEPT = 'application/json, application/vnd.oai.openapi+json;q=0.9, application/yaml;q=0.8, application/vnd.oai.openapi;q=0.8, text/yaml;q=0.7, */*;q=0.1';

/**
 * Fetches an OpenAPI or PDP metadata document under the harvest's address policy, with its own caps (a description
 * is small: a few MB, a few seconds). Never throws: a failure is a value with the HTTP status (0 without an answer).
 */
export async function fetchDescription(url: string, policy: FetchPolicy, caps: { maxBytes: number; timeoutMs: number }): Promise<FetchedDescription> {
  const capped: FetchPolicy = { ...policy, maxBytes: Math.min(policy.maxBytes, caps.maxBytes), timeoutMs: caps.timeoutMs, maxRetryAfterMs: 0 };
  try {
    const doc = await openDocument('service description', url, capped, undefined, ACCEPT);
    if (doc === 'not-modified') return { ok: false, status: 304, reason: 'answered 304 Not Modified to an unconditional request' };
    const text = await readText(doc.body);
    const cors = doc.headers['access-control-allow-origin'];
    return {
      ok: true, url: doc.url, status: 200, text, sha256: createHash('sha256').update(text).digest('hex'),
      corsAllowOrigin: typeof cors === 'string' ? cors.trim() : null,
    };
  } catch (err) {
    if (err instanceof SourceUnreachable) return { ok: false, status: err.statusCode ?? 0, reason: err.message };
    if (err instanceof SourceForbidden) return { ok: false, status: 0, reason: `refused: ${err.message}` };
    if (err instanceof HarvestError) return { ok: false, status: 0, reason: err.message };
    return { ok: false, status: 0, reason: (err as Error).message ?? String(err) };
  }
}
