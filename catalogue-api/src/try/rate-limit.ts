/**
 * Counts requests per key in fixed windows (a minute by default): at most `limit` per key and window. In memory,
 * per process: a try-it limit, not an accounting.
 */
export class WindowLimit {
  private window = -1;
  private counts = new Map<string, number>();

  constructor(private readonly limit: number, private readonly windowMs = 60_000, private readonly now: () => number = Date.now) {}

  /** Takes one request for `key`: null when allowed, else the seconds until the window ends (for Retry-After). */
  take(key: string): number | null {
    const t = this.now();
    const window = Math.floor(t / this.windowMs);
    if (window !== this.window) { this.window = window; this.counts.clear(); }
    const n = this.counts.get(key) ?? 0;
    if (n >= this.limit) return Math.max(1, Math.ceil(((window + 1) * this.windowMs - t) / 1000));
    this.counts.set(key, n + 1);
    return null;
  }
}
