import { forEachConcurrently } from '../concurrency.js';
import type { FetchPolicy } from '../fetch/fetch-document.js';
import { hostKey, type HostLimiter } from '../fetch/host-limiter.js';
import { probeLink } from './probe-link.js';

/** The last check of one link. */
export interface CheckedLink {
  readonly status: number;
  readonly reason?: string;
  readonly checkedAt: string;
}

/** URL → its last check; kept in a source's harvest state, so checks carry over between runs. */
export type LinkCache = Readonly<Record<string, CheckedLink>>;

/** Bounds that keep link checking polite and cheap. */
export interface LinkCheckOptions {
  readonly policy: FetchPolicy;
  /** Shared with the harvest, so links and catalogue fetches together respect the per-host cap. */
  readonly limiter: HostLimiter;
  /** Time limit per link, redirects included. Default 10 s. */
  readonly timeoutMs?: number;
  /** Links probed per source and run at most; the rest wait for the next run. Default 500. */
  readonly maxChecks?: number;
  /** Links probed per host and run at most. Default 100. */
  readonly maxPerHost?: number;
  /** A check younger than this is reused, not repeated. Default 7 days. */
  readonly maxAgeMs?: number;
  /** Links probed at once (each host also capped by the limiter). Default 8. */
  readonly concurrency?: number;
  readonly now?: () => Date;
  readonly onProgress?: (checked: number, toCheck: number) => void;
}

/** The outcome of checking a source's links. */
export interface LinkCheckResult {
  /** The cache for exactly the given URLs: fresh checks, reused ones, and stale ones not yet re-checked. */
  readonly links: Record<string, CheckedLink>;
  readonly checked: number;
  /** Links that were due (never or long ago checked) but left for a later run by the bounds. */
  readonly deferred: number;
}

export const DEFAULT_LINK_MAX_AGE_MS = 7 * 24 * 3600_000;

/** The limiter key of a link; links that are no URL share one key (probing them fails at once). */
const hostOf = (url: string): string => (URL.canParse(url) ? hostKey(url) : '');

/** Whether any of the URLs has no check younger than `maxAgeMs`. */
export function linksDue(urls: Iterable<string>, cache: LinkCache, now: Date, maxAgeMs = DEFAULT_LINK_MAX_AGE_MS): boolean {
  for (const url of urls) {
    const c = cache[url];
    if (!c || now.getTime() - Date.parse(c.checkedAt) >= maxAgeMs) return true;
  }
  return false;
}

/**
 * Checks the links a source's records point to, politely: a cached check younger than `maxAgeMs` is reused;
 * of the rest, never-checked links go first, then the oldest, at most `maxChecks` per run and `maxPerHost` per host,
 * `concurrency` at once and never more per host than the shared limiter allows. Never throws: a link that does not
 * answer is recorded with status 0 and the reason.
 */
export async function checkLinks(urls: readonly string[], cache: LinkCache, opts: LinkCheckOptions): Promise<LinkCheckResult> {
  const now = opts.now ?? (() => new Date());
  const maxAge = opts.maxAgeMs ?? DEFAULT_LINK_MAX_AGE_MS;
  const start = now().getTime();
  const links: Record<string, CheckedLink> = {};
  const due: string[] = [];
  for (const url of new Set(urls)) {
    const c = cache[url];
    if (c) links[url] = c;
    if (!c || start - Date.parse(c.checkedAt) >= maxAge) due.push(url);
  }
  due.sort((a, b) => (cache[a]?.checkedAt ?? '').localeCompare(cache[b]?.checkedAt ?? ''));
  const perHost = new Map<string, number>();
  const chosen: string[] = [];
  for (const url of due) {
    if (chosen.length >= (opts.maxChecks ?? 500)) break;
    const host = hostOf(url);
    const n = perHost.get(host) ?? 0;
    if (n >= (opts.maxPerHost ?? 100)) continue;
    perHost.set(host, n + 1);
    chosen.push(url);
  }
  let checked = 0;
  await forEachConcurrently(chosen.length, opts.concurrency ?? 8, async (i) => {
    const url = chosen[i]!;
    const result = await opts.limiter.run(hostOf(url), () => probeLink(url, opts.policy, opts.timeoutMs ?? 10_000));
    links[url] = { ...result, checkedAt: now().toISOString() };
    checked++;
    opts.onProgress?.(checked, chosen.length);
  });
  return { links, checked, deferred: due.length - chosen.length };
}
