import { SparqlTooManyRequests } from '../../http/errors.js';

export interface ClientBudgetOptions {
  /** Queries one client may have under way at once (running and waiting). */
  readonly maxInFlight: number;
  /** Running time (ms) one client's queries may take within `windowMs`; past it, its next queries get 429. */
  readonly budgetMs: number;
  readonly windowMs: number;
}

/**
 * Each client's share of the public SPARQL endpoint: a client (a token's name, else its address) with too many
 * queries under way, or whose queries ran longer than its budget in the last window (a client that keeps sending
 * heavy queries), is refused 429 with when to try again. Only its own next queries: everybody else's go on.
 */
export class ClientBudget {
  private readonly inFlight = new Map<string, number>();
  /** Per client: when each recent query ended, and how long it ran. */
  private readonly spent = new Map<string, { at: number; ms: number }[]>();

  constructor(private readonly options: ClientBudgetOptions, private readonly now: () => number = Date.now) {}

  /** Admits a query of `client` or throws 429; call the returned function with its running time when it ends. */
  admit(client: string): (runMs: number) => void {
    const under = this.inFlight.get(client) ?? 0;
    if (under >= this.options.maxInFlight) {
      throw withRetryAfter(new SparqlTooManyRequests(`${under} queries of yours are under way (at most ${this.options.maxInFlight}); wait for their answers`), 1);
    }
    const recent = this.recent(client);
    const used = recent.reduce((sum, r) => sum + r.ms, 0);
    if (used >= this.options.budgetMs) {
      // When enough of the window's oldest queries age out to bring the total under the budget.
      let excess = used - this.options.budgetMs;
      // (used >= budget: enough must age out to bring it below)
      let until = this.now();
      for (const r of recent) { until = r.at + this.options.windowMs; excess -= r.ms; if (excess < 0) break; }
      const seconds = Math.max(1, Math.ceil((until - this.now()) / 1000));
      throw withRetryAfter(new SparqlTooManyRequests(`your queries ran ${Math.round(used / 1000)} s in the last ${this.options.windowMs / 1000} s (at most ${this.options.budgetMs / 1000} s); make them cheaper (LIMIT, fixed terms) or try again in ${seconds} s`), seconds);
    }
    this.inFlight.set(client, under + 1);
    let done = false;
    return (runMs: number) => {
      if (done) return;
      done = true;
      const left = (this.inFlight.get(client) ?? 1) - 1;
      if (left > 0) this.inFlight.set(client, left);
      else this.inFlight.delete(client);
      if (runMs > 0) this.spent.set(client, [...this.recent(client), { at: this.now(), ms: runMs }]);
    };
  }

  private recent(client: string): { at: number; ms: number }[] {
    const since = this.now() - this.options.windowMs;
    const kept = (this.spent.get(client) ?? []).filter((r) => r.at > since);
    if (kept.length > 0) this.spent.set(client, kept);
    else this.spent.delete(client);
    return kept;
  }
}

function withRetryAfter<E extends Error>(error: E, seconds: number): E & { retryAfterSeconds: number } {
  return Object.assign(error, { retryAfterSeconds: seconds });
}
