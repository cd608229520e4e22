import type { IncomingMessage } from 'node:http';
import { guardedRequest, SourceForbidden, withoutClientCertificates, type FetchPolicy } from '@fedcat/harvester';
import type { CheckedTry } from './try-request.js';

/** Caps of one try: how long it may take and how much of the answer is read. */
export interface TryLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

/** What the API answered, for the console: status, the headers it may show, the body as text (or base64), the time. */
export interface TryAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly bodyEncoding: 'utf8' | 'base64';
  readonly timeMs: number;
}

/** Why a try that went out did not bring an answer back. */
export class TryFailed extends Error {
  constructor(readonly code: 'address' | 'timeout' | 'too-large' | 'unreachable', message: string) {
    super(message);
    this.name = 'TryFailed';
  }
}

/** Response headers passed to the console (what a reader needs to see; never cookies). */
const SHOWN = ['content-type', 'content-length', 'content-language', 'etag', 'last-modified', 'cache-control', 'location', 'link',
  'retry-after', 'api-version', 'content-crs', 'x-total-count', 'x-pagination-page', 'x-pagination-limit', 'x-rate-limit-limit', 'x-rate-limit-remaining'];
const TEXT = /^(text\/|application\/([\w.+-]*\+)?(json|xml|yaml|x-yaml|javascript|geo\+json|problem\+json))/;

function shownHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of SHOWN) {
    const v = res.headers[name];
    if (v !== undefined) out[name] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/**
 * Sends a checked try under the harvest's address policy (checked at connect time; no client certificate), without
 * following redirects (a 3xx comes back as it is), uncompressed, within the time limit, reading at most `maxBytes`.
 */
export async function sendTry(req: CheckedTry, policy: FetchPolicy, limits: TryLimits): Promise<TryAnswer> {
  const started = performance.now();
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let res: IncomingMessage;
  try {
    res = await guardedRequest(req.url, withoutClientCertificates(policy), 'try', signal, req.method, { ...req.headers, 'accept-encoding': 'identity' }, req.body);
  } catch (err) {
    throw failure(err, signal, limits);
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) {
        res.destroy();
        throw new TryFailed('too-large', `the answer is larger than ${limits.maxBytes} bytes, the most fedcat passes on`);
      }
      chunks.push(chunk);
    }
  } catch (err) {
    throw failure(err, signal, limits);
  }
  const body = Buffer.concat(chunks);
  const headers = shownHeaders(res);
  const text = TEXT.test(headers['content-type'] ?? 'text/plain');
  return { status: res.statusCode ?? 0, headers, body: body.toString(text ? 'utf8' : 'base64'), bodyEncoding: text ? 'utf8' : 'base64', timeMs: Math.round(performance.now() - started) };
}

function failure(err: unknown, signal: AbortSignal, limits: TryLimits): TryFailed {
  if (err instanceof TryFailed) return err;
  if (err instanceof SourceForbidden) return new TryFailed('address', err.message);
  if (signal.aborted) return new TryFailed('timeout', `no answer within ${limits.timeoutMs} ms`);
  return new TryFailed('unreachable', err instanceof Error ? err.message : String(err));
}
