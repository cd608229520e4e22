import type { IncomingMessage } from 'node:http';
import { SourceForbidden } from '../errors.js';
import { guardedRequest, type FetchPolicy } from '../fetch/fetch-document.js';

/** What probing a link found: the final HTTP status, or 0 and the reason when no answer came. */
export interface ProbeResult {
  readonly status: number;
  readonly reason?: string;
}

/** Statuses after which a HEAD is retried as GET: servers that refuse or mishandle HEAD. 404 and 410 are believed. */
const retryWithGet = (status: number) => status >= 400 && status !== 404 && status !== 410;

async function follow(url: URL, method: 'HEAD' | 'GET', policy: FetchPolicy, signal: AbortSignal): Promise<ProbeResult> {
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { status: 0, reason: `not http(s): ${url.protocol}` };
    const res: IncomingMessage = await guardedRequest(url, policy, 'link check', signal, method, { accept: '*/*' });
    // Only the status matters: the body is never read.
    res.destroy();
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && location) {
      if (hop >= policy.maxRedirects) return { status: 0, reason: `more than ${policy.maxRedirects} redirects` };
      url = new URL(location, url);
      continue;
    }
    return { status };
  }
}

/**
 * Probes whether a link answers: HEAD (retried as GET when a server refuses HEAD), following redirects, under the
 * harvester's address policy (no private or loopback addresses unless configured) and a time limit. Never throws.
 */
export async function probeLink(location: string, policy: FetchPolicy, timeoutMs: number): Promise<ProbeResult> {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return { status: 0, reason: 'not a valid URL' };
  }
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const head = await follow(url, 'HEAD', policy, signal);
    if (!retryWithGet(head.status)) return head;
    return await follow(url, 'GET', policy, signal);
  } catch (err) {
    return { status: 0, reason: failureReason(err, signal, timeoutMs) };
  }
}

function failureReason(err: unknown, signal: AbortSignal, timeoutMs: number): string {
  const e = err instanceof Error ? err : new Error(String(err));
  if (signal.aborted || e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const forbidden = e instanceof SourceForbidden ? e : e.cause instanceof SourceForbidden ? e.cause : null;
  if (forbidden) return 'refused: non-public address';
  const code = (e as NodeJS.ErrnoException).code;
  return code ? `unreachable (${code})` : 'unreachable';
}
