import { Agent, fetch as undiciFetch, type Response } from 'undici';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreUnavailable } from '@fedcat/catalogue';
import { canAnswer, digestAuthorization, parseDigestChallenge, type DigestChallenge } from './digest-auth.js';

/**
 * How fedcat signs in to a SPARQL store. `user` with scheme `auto` answers whichever challenge the store sends
 * (Basic or Digest; Virtuoso's `-auth` endpoints ask Digest); `basic` sends the password with every request
 * unasked (only over HTTPS or loopback); `bearer` sends a token.
 */
export type SparqlAuth =
  | { readonly kind: 'none' }
  | { readonly kind: 'user'; readonly user: string; readonly password: string; readonly scheme: 'auto' | 'basic' | 'digest' }
  | { readonly kind: 'bearer'; readonly token: string };

export interface HttpClientOptions {
  readonly auth: SparqlAuth;
  /** Time limit of one attempt (ms), unless a request gives its own. */
  readonly timeoutMs: number;
  /** Further attempts after a connection failure or a 502/503/504 answer. */
  readonly retries: number;
  /** First wait before a retry (ms); doubled per attempt, with jitter, at most 5 s. */
  readonly backoffMs: number;
  /** Requests in flight at once (more wait their turn), so a process holds at most this many connections. */
  readonly connections?: number;
}

/** At most `size` holders at once; the others wait in order. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) { this.free = size; }
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent again as is on a retry or an authentication challenge, so never a stream. */
  readonly body?: string | Uint8Array;
  readonly timeoutMs?: number;
  /** Retry connection failures and 502/503/504 (default true). Off for requests that must not run twice. */
  readonly retry?: boolean;
}

/** A request that ran out of time (the store may still be working on it). */
export class RequestTimedOut extends Error {
  constructor(readonly timeoutMs: number, url: string) {
    super(`no answer from ${url} within ${timeoutMs} ms`);
  }
}

const RETRY_STATUS = new Set([502, 503, 504]);

/** Why a fetch failed, from undici's cause chain (`ECONNREFUSED`, `UND_ERR_SOCKET`, …). */
function failureReason(err: unknown): string {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e instanceof Error; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return `${code}${e.message && !e.message.includes(code) ? ` (${e.message})` : ''}`;
    e = e.cause;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * HTTP to a SPARQL store: authentication (answering Basic and Digest challenges, reusing a Digest nonce until it
 * goes stale), a time limit per attempt, and retries with exponential backoff on connection failures and
 * gateway/unavailable answers. Other answers, errors included, are returned to the caller as they are.
 */
/**
 * Virtuoso echoes every graph of the protocol dataset back as a response header (`X-SPARQL-default-graph`,
 * `X-SPARQL-named-graph`): with a few hundred source graphs that passes Node's 16 KB header limit
 * (UND_ERR_HEADERS_OVERFLOW, seen at 1M datasets in 100 sources), so the store's answers may carry up to 16 MB.
 */
const DISPATCHER = new Agent({ maxHeaderSize: 16 * 1024 * 1024 });

/** The pause before retry `attempt` (1 and up): `baseMs` doubled per attempt, at most 5 s, with jitter (half to all of it). */
export function backoffMs(baseMs: number, attempt: number): number {
  const wait = Math.min(5000, baseMs * 2 ** (attempt - 1));
  return wait / 2 + Math.random() * (wait / 2);
}

export class SparqlHttpClient {
  private digest: { challenge: DigestChallenge; nc: number } | null = null;
  private basicChallenged = false;
  private readonly slots: Slots;

  constructor(private readonly options: HttpClientOptions) {
    this.slots = new Slots(options.connections ?? 8);
  }

  /** Runs `task` (requests and the reading of their answers) within the connection limit. */
  limited<T>(task: () => Promise<T>): Promise<T> {
    return this.slots.run(task);
  }

  async send(req: HttpRequest): Promise<Response> {
    const attempts = req.retry === false ? 1 : this.options.retries + 1;
    let lastReason = '';
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(backoffMs(this.options.backoffMs, attempt));
      let res: Response;
      try {
        res = await this.authenticated(req);
      } catch (err) {
        if (err instanceof RequestTimedOut) throw err;
        lastReason = failureReason(err);
        continue;
      }
      if (!RETRY_STATUS.has(res.status)) return res;
      lastReason = `HTTP ${res.status} ${(await res.text().catch(() => '')).slice(0, 200).trim()}`.trim();
    }
    const { origin, pathname } = new URL(req.url);
    throw new StoreUnavailable(`${req.method} ${origin}${pathname} failed${attempts > 1 ? ` ${attempts} times` : ''}: ${lastReason}`);
  }

  /** One attempt, answering one authentication challenge if the store sends one. */
  /** {@link send}, with the answer's body read as text within the same time limit. */
  sendText(req: HttpRequest): Promise<{ readonly status: number; readonly headers: Headers; readonly text: string }> {
    return this.limited(() => this.sendTextNow(req));
  }

  private async sendTextNow(req: HttpRequest): Promise<{ readonly status: number; readonly headers: Headers; readonly text: string }> {
    const res = await this.send(req);
    try {
      return { status: res.status, headers: res.headers, text: await res.text() };
    } catch (err) {
      if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        throw new RequestTimedOut(req.timeoutMs ?? this.options.timeoutMs, `${new URL(req.url).origin}${new URL(req.url).pathname}`);
      }
      throw new StoreUnavailable(`reading the answer of ${new URL(req.url).origin} failed: ${failureReason(err)}`);
    }
  }

  private async authenticated(req: HttpRequest): Promise<Response> {
    const first = await this.once(req, this.authorization(req));
    const auth = this.options.auth;
    if (first.status !== 401 || auth.kind !== 'user') return first;
    const header = first.headers.get('www-authenticate');
    const challenge = parseDigestChallenge(header);
    if (challenge && canAnswer(challenge) && auth.scheme !== 'basic') {
      await first.body?.cancel();
      this.digest = { challenge, nc: 0 };
      return this.once(req, this.authorization(req));
    }
    if (header && /\bBasic\b/i.test(header) && auth.scheme !== 'digest' && !this.basicChallenged) {
      await first.body?.cancel();
      this.basicChallenged = true;
      return this.once(req, this.authorization(req));
    }
    return first;
  }

  private authorization(req: HttpRequest): string | undefined {
    const auth = this.options.auth;
    if (auth.kind === 'bearer') return `Bearer ${auth.token}`;
    if (auth.kind !== 'user') return undefined;
    if (this.digest) {
      const u = new URL(req.url);
      return digestAuthorization(this.digest.challenge, { method: req.method, uri: `${u.pathname}${u.search}`, user: auth.user, password: auth.password, nc: ++this.digest.nc });
    }
    if (auth.scheme === 'basic' || this.basicChallenged) return `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
    return undefined;
  }

  private async once(req: HttpRequest, authorization: string | undefined): Promise<Response> {
    const timeoutMs = req.timeoutMs ?? this.options.timeoutMs;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      return await undiciFetch(req.url, {
        method: req.method,
        headers: { ...req.headers, ...(authorization ? { authorization } : {}) },
        ...(req.body !== undefined ? { body: req.body } : {}),
        signal,
        redirect: 'error',
        dispatcher: DISPATCHER,
      });
    } catch (err) {
      if (signal.aborted) throw new RequestTimedOut(timeoutMs, `${new URL(req.url).origin}${new URL(req.url).pathname}`);
      throw err;
    }
  }
}
