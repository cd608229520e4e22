import { hostPort } from './address-policy.js';

/**
 * Caps concurrent requests per host, so harvesting many sources at once never hits one publisher's
 * server with more than `perHost` requests in parallel. Waiters are served first come, first served.
 */
export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(readonly perHost: number) {
    if (!Number.isInteger(perHost) || perHost < 1) throw new RangeError(`perHost must be a positive integer, not ${perHost}`);
  }

  /** Runs `task` once `host` has a free slot, and frees the slot when it settles. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    await this.acquire(host);
    try {
      return await task();
    } finally {
      this.release(host);
    }
  }

  /** Requests running now against `host`. */
  inFlight(host: string): number {
    return this.active.get(host) ?? 0;
  }

  private acquire(host: string): Promise<void> {
    const n = this.active.get(host) ?? 0;
    if (n < this.perHost) {
      this.active.set(host, n + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(host) ?? this.waiting.set(host, []).get(host)!;
      queue.push(resolve);
    });
  }

  private release(host: string): void {
    const next = this.waiting.get(host)?.shift();
    // The slot passes straight to the next waiter; the count stays the same.
    if (next) return next();
    const n = (this.active.get(host) ?? 1) - 1;
    if (n === 0) this.active.delete(host);
    else this.active.set(host, n);
    if (this.waiting.get(host)?.length === 0) this.waiting.delete(host);
  }
}

/** The limiter key of a URL: its `host:port` origin. */
export function hostKey(url: string): string {
  return hostPort(new URL(url));
}
