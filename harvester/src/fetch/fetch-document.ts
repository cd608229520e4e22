import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { SourceForbidden, SourceLimitExceeded, SourceUnreachable } from '../errors.js';
import { hostPort, mayConnect, type PrivateAccess } from './address-policy.js';

/** Caps and address policy for fetching one document. */
export interface FetchPolicy {
  readonly privateAccess: PrivateAccess;
  /** Maximum decoded body size in bytes. */
  readonly maxBytes: number;
  /** Maximum time for the whole fetch, redirects included. */
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
  /** Longest `Retry-After` (429/503) fedcat waits for, once, before giving up on the source. */
  readonly maxRetryAfterMs: number;
  /** Directories `file:` sources may be read from (none by default). */
  readonly fileRoots: readonly string[];
}

/** Defaults: no private addresses, no local files, 50 MiB, 60 s, 5 redirects. */
export const defaultFetchPolicy: FetchPolicy = {
  privateAccess: { kind: 'none' },
  maxBytes: 50 * 1024 * 1024,
  timeoutMs: 60_000,
  maxRedirects: 5,
  maxRetryAfterMs: 30_000,
  fileRoots: [],
  userAgent: 'fedcat-harvester/0.1 (+https://github.com/fedcat)',
};

/** Validators from an earlier fetch; the server may answer 304 Not Modified. */
export interface Conditional { readonly etag: string | null; readonly lastModified: string | null }

/** A fetched document, decoded to text. */
export interface FetchedDocument {
  /** The URL the body came from, after redirects. */
  readonly url: string;
  readonly contentType: string | null;
  readonly body: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

const ACCEPT =
  'text/turtle, application/ld+json;q=0.9, application/rdf+xml;q=0.9, application/n-triples;q=0.8, application/n-quads;q=0.8, application/trig;q=0.8, */*;q=0.1';

function guardedLookup(policy: PrivateAccess, origin: string, source: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as unknown as LookupAddress[];
      const refused = list.find((a) => !mayConnect(policy, origin, a.address));
      if (refused) {
        return callback(new SourceForbidden(source, `${origin} resolves to non-public address ${refused.address}`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new SourceUnreachable(source, `${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

function request(url: URL, policy: FetchPolicy, source: string, signal: AbortSignal, conditional?: Conditional): Promise<IncomingMessage> {
  const origin = hostPort(url);
  const mod = url.protocol === 'https:' ? https : http;
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  // Node skips the lookup function for IP literals, so they are checked here.
  if (isIP(literal) && !mayConnect(policy.privateAccess, origin, literal)) {
    return Promise.reject(new SourceForbidden(source, `${origin} is a non-public address`));
  }
  return new Promise((resolve, reject) => {
    const req = mod.request(url, {
      method: 'GET',
      headers: {
        accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br', 'user-agent': policy.userAgent,
        ...(conditional?.etag ? { 'if-none-match': conditional.etag } : {}),
        ...(conditional?.lastModified ? { 'if-modified-since': conditional.lastModified } : {}),
      },
      lookup: guardedLookup(policy.privateAccess, origin, source),
      signal,
    }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** Milliseconds to wait from a Retry-After header (seconds or an HTTP date), or null when absent or unusable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function decoded(res: IncomingMessage): Readable {
  switch ((res.headers['content-encoding'] ?? '').toLowerCase()) {
    case 'gzip': case 'x-gzip': return res.pipe(createGunzip());
    case 'deflate': return res.pipe(createInflate());
    case 'br': return res.pipe(createBrotliDecompress());
    default: return res;
  }
}

async function readCapped(stream: Readable, maxBytes: number, source: string): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new SourceLimitExceeded(source, `document exceeds ${maxBytes} bytes (decoded)`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Fetches one document over http(s) under a policy: the resolved address is checked on every hop (so a
 * redirect or DNS answer cannot lead into a private network), the body is capped after decompression,
 * and the whole fetch is bounded in time.
 */
export async function fetchDocument(source: string, location: string, policy: FetchPolicy = defaultFetchPolicy): Promise<FetchedDocument> {
  const doc = await fetchConditional(source, location, policy);
  // Unreachable without validators; narrows the type.
  if (doc === 'not-modified') throw new SourceUnreachable(source, `${location} answered 304 to an unconditional request`, 304);
  return doc;
}

/** Like {@link fetchDocument}, sending the validators of an earlier fetch; resolves `'not-modified'` on 304. */
export async function fetchConditional(source: string, location: string, policy: FetchPolicy, conditional?: Conditional): Promise<FetchedDocument | 'not-modified'> {
  const signal = AbortSignal.timeout(policy.timeoutMs);
  // Only a request that carried validators can be answered "not modified"; a 304 to anything else is an error.
  const sentValidators = Boolean(conditional?.etag || conditional?.lastModified);
  let url: URL;
  try {
    url = new URL(location);
  } catch (cause) {
    throw new SourceForbidden(source, `not a valid URL: ${location}`, { cause });
  }
  try {
    let retried = false;
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new SourceForbidden(source, `only http(s) URLs can be harvested, not ${url.protocol}`);
      }
      const res = await request(url, policy, source, signal, conditional);
      const status = res.statusCode ?? 0;
      if (status === 304 && sentValidators) {
        res.resume();
        return 'not-modified';
      }
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        if (hop >= policy.maxRedirects) throw new SourceLimitExceeded(source, `more than ${policy.maxRedirects} redirects`);
        url = new URL(res.headers.location, url);
        continue;
      }
      if ((status === 429 || status === 503) && !retried) {
        const wait = retryAfterMs(res.headers['retry-after']);
        if (wait !== null && wait <= policy.maxRetryAfterMs) {
          res.resume();
          retried = true;
          hop--;
          await new Promise((r) => setTimeout(r, wait));
          continue;
        }
      }
      if (status < 200 || status >= 300) {
        res.resume();
        throw new SourceUnreachable(source, `${url.href} answered HTTP ${status}`, status);
      }
      const body = await readCapped(decoded(res), policy.maxBytes, source);
      return {
        url: url.href,
        contentType: res.headers['content-type'] ?? null,
        body,
        etag: (res.headers.etag as string | undefined) ?? null,
        lastModified: res.headers['last-modified'] ?? null,
      };
    }
  } catch (err) {
    if (err instanceof SourceForbidden || err instanceof SourceLimitExceeded || err instanceof SourceUnreachable) throw err;
    const cause = err instanceof Error ? err : new Error(String(err));
    if (signal.aborted || cause.name === 'TimeoutError' || cause.name === 'AbortError') {
      throw new SourceLimitExceeded(source, `fetch took longer than ${policy.timeoutMs} ms`, { cause });
    }
    if (cause.cause instanceof SourceForbidden) throw cause.cause;
    throw new SourceUnreachable(source, `cannot fetch ${url.href}: ${cause.message}`, undefined, { cause });
  }
}
