import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { pipeline, type Readable } from 'node:stream';
import { HarvestError, SourceForbidden, SourceLimitExceeded, SourceUnreachable } from '../errors.js';
import type { JsonLdContexts } from '../parse/jsonld-contexts.js';
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
  /** JSON-LD contexts a document may name by URL; any other remote context is refused, never fetched. */
  readonly jsonLdContexts?: JsonLdContexts;
  /** A client certificate presented on every https request (mutual TLS). */
  readonly clientTls?: ClientTls;
  /** The client certificate for FSC Directories (FSC Managers require mutual TLS with a certificate of the group). */
  readonly fscClientTls?: ClientTls;
}

/** PEM-encoded client certificate and key, and the CAs to trust instead of the system's (an FSC group's trust anchor). */
export interface ClientTls {
  readonly cert: string;
  readonly key: string;
  readonly ca?: string;
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

/** The policy without its client certificates: for requests fedcat sends for someone else (a try, a webhook), not as the harvest. */
export function withoutClientCertificates(policy: FetchPolicy): FetchPolicy {
  const { clientTls: _harvest, fscClientTls: _fsc, ...plain } = policy;
  return plain;
}

/** Conditional-request headers (ETag, Last-Modified) from an earlier fetch; the server may answer 304 Not Modified. */
export interface Conditional { readonly etag: string | null; readonly lastModified: string | null }

/**
 * The body of an opened document, chunk by chunk as it arrives (content-encoding undone), under the policy's
 * byte cap and time limit: iterating throws a {@link HarvestError} when either is exceeded or the connection
 * fails. Stopping early closes the connection.
 */
export interface DocumentBody extends AsyncIterable<Buffer> {
  /** Decoded bytes read so far. */
  readonly bytes: number;
}

/** An opened document: status and headers are in, the body is still to be read. */
export interface OpenedDocument {
  /** The URL the body comes from, after redirects. */
  readonly url: string;
  readonly contentType: string | null;
  readonly body: DocumentBody;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** All response headers of the final answer. */
  readonly headers: IncomingHttpHeaders;
}

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

/**
 * Sends one request under the address policy (checked for IP literals here, for names on every DNS answer) and
 * resolves with the response head; the caller reads or discards the body. A `body` goes with methods other than GET.
 */
export function guardedRequest(url: URL, policy: FetchPolicy, source: string, signal: AbortSignal, method: string, headers: Record<string, string>, body?: string): Promise<IncomingMessage> {
  const origin = hostPort(url);
  const mod = url.protocol === 'https:' ? https : http;
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  // Node skips the lookup function for IP literals, so they are checked here.
  if (isIP(literal) && !mayConnect(policy.privateAccess, origin, literal)) {
    return Promise.reject(new SourceForbidden(source, `${origin} is a non-public address`));
  }
  const tls = url.protocol === 'https:' && policy.clientTls ? { cert: policy.clientTls.cert, key: policy.clientTls.key, ...(policy.clientTls.ca ? { ca: policy.clientTls.ca } : {}) } : {};
  const idempotent = method === 'GET' || method === 'HEAD';
  const send = (again: boolean): Promise<IncomingMessage> => new Promise((resolve, reject) => {
    const req = mod.request(url, {
      method,
      ...tls,
      headers: { 'user-agent': policy.userAgent, ...headers },
      lookup: guardedLookup(policy.privateAccess, origin, source),
      signal,
    }, resolve);
    req.on('error', (err: NodeJS.ErrnoException) => {
      // A kept-alive connection the server closed as this request went out (its idle timeout): the request never
      // reached it, and GET and HEAD (only they) may be sent again, once, on a new connection.
      if (again && idempotent && req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) resolve(send(false));
      else reject(err);
    });
    req.end(body);
  });
  return send(true);
}

function request(url: URL, policy: FetchPolicy, source: string, signal: AbortSignal, conditional: Conditional | undefined, accept: string): Promise<IncomingMessage> {
  return guardedRequest(url, policy, source, signal, 'GET', {
    accept, 'accept-encoding': 'gzip, deflate, br',
    ...(conditional?.etag ? { 'if-none-match': conditional.etag } : {}),
    ...(conditional?.lastModified ? { 'if-modified-since': conditional.lastModified } : {}),
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
  const ignore = () => undefined;
  switch ((res.headers['content-encoding'] ?? '').toLowerCase()) {
    // pipeline, not pipe: closing or failing either end closes both (and so the connection).
    case 'gzip': case 'x-gzip': return pipeline(res, createGunzip(), ignore);
    case 'deflate': return pipeline(res, createInflate(), ignore);
    case 'br': return pipeline(res, createBrotliDecompress(), ignore);
    default: return res;
  }
}

/** Turns anything a fetch throws into the harvest error that says what happened. */
function asHarvestError(err: unknown, source: string, url: URL, policy: FetchPolicy, signal: AbortSignal): HarvestError {
  if (err instanceof HarvestError) return err;
  const cause = err instanceof Error ? err : new Error(String(err));
  if (signal.aborted || cause.name === 'TimeoutError' || cause.name === 'AbortError') {
    return new SourceLimitExceeded(source, `fetch took longer than ${policy.timeoutMs} ms`, { cause });
  }
  if (cause.cause instanceof SourceForbidden) return cause.cause;
  return new SourceUnreachable(source, `cannot fetch ${url.href}: ${cause.message}`, undefined, { cause });
}

class CappedBody implements DocumentBody {
  bytes = 0;
  constructor(private readonly stream: Readable, private readonly maxBytes: number, private readonly fail: (err: unknown) => HarvestError, private readonly source: string) {}

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    try {
      for await (const chunk of this.stream as AsyncIterable<Buffer>) {
        this.bytes += chunk.length;
        if (this.bytes > this.maxBytes) throw new SourceLimitExceeded(this.source, `document exceeds ${this.maxBytes} bytes (decoded)`);
        yield chunk;
      }
    } catch (err) {
      throw this.fail(err);
    } finally {
      this.stream.destroy();
    }
  }
}

/** Reads a whole body as UTF-8 text. */
export async function readText(body: DocumentBody): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk);
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

/** Like {@link fetchDocument}, sending the conditional-request headers of an earlier fetch; resolves `'not-modified'` on 304. */
export async function fetchConditional(source: string, location: string, policy: FetchPolicy, conditional?: Conditional): Promise<FetchedDocument | 'not-modified'> {
  const doc = await openDocument(source, location, policy, conditional);
  if (doc === 'not-modified') return doc;
  return { url: doc.url, contentType: doc.contentType, etag: doc.etag, lastModified: doc.lastModified, body: await readText(doc.body) };
}

/**
 * Opens a document over http(s) under a policy, like {@link fetchConditional}, but leaves the body to be
 * read as it arrives, so a large document is parsed while it streams in and never held whole.
 */
export async function openDocument(source: string, location: string, policy: FetchPolicy, conditional?: Conditional, accept = ACCEPT): Promise<OpenedDocument | 'not-modified'> {
  const signal = AbortSignal.timeout(policy.timeoutMs);
  // Only a conditional request (ETag or Last-Modified sent) can be answered "not modified"; a 304 to anything else is an error.
  const conditionalSent = Boolean(conditional?.etag || conditional?.lastModified);
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
      const res = await request(url, policy, source, signal, conditional, accept);
      const status = res.statusCode ?? 0;
      if (status === 304 && conditionalSent) {
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
      const from = url;
      return {
        url: url.href,
        contentType: res.headers['content-type'] ?? null,
        body: new CappedBody(decoded(res), policy.maxBytes, (err) => asHarvestError(err, source, from, policy, signal), source),
        etag: (res.headers.etag as string | undefined) ?? null,
        lastModified: res.headers['last-modified'] ?? null,
        headers: res.headers,
      };
    }
  } catch (err) {
    throw asHarvestError(err, source, url, policy, signal);
  }
}
