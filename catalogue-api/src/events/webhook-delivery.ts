import type { IncomingMessage } from 'node:http';
import { guardedRequest, retryAfterMs, withoutClientCertificates, type FetchPolicy } from '@fedcat/harvester';
import { toCloudEvent, type EventOrigin } from './cloud-event.js';
import type { EventLog } from './event-log.js';
import { PollLoop } from './poll-loop.js';
import { wanted } from './subscription-filter.js';
import { signature, type Subscription, type Subscriptions } from './subscriptions.js';

export interface DeliveryOptions {
  readonly events: EventLog;
  readonly subscriptions: Subscriptions;
  readonly origin: EventOrigin;
  /** The harvest's address policy: a sink is reached under it (connect-time check, no redirects followed). */
  readonly policy: FetchPolicy;
  /** How often due subscriptions are looked at (default 200 ms). */
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
  readonly log?: (message: string) => void;
}

/** Why a delivery stopped: the sink is gone (410), or what to retry after. */
type Failure = 'gone' | { readonly error: string; readonly waitMs: number | null };

/** Retries: exponential from a second, at most an hour apart, with jitter; a subscription whose sink fails past a day ends. */
const MAX_ATTEMPTS = 40;
function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 1000 * 2 ** attempts) * (0.5 + Math.random() / 2);
}

async function drain(res: IncomingMessage): Promise<void> {
  for await (const _ of res as AsyncIterable<Buffer>) { /* the answer's body is not needed */ }
}

/**
 * Delivers change events to webhook subscriptions, in sequence order per subscription, at least once (a retry sends
 * the same event id): after the CloudEvents webhook handshake (OPTIONS with WebHook-Request-Origin, answered with
 * WebHook-Allowed-Origin), by POST in structured mode with a Standard Webhooks signature (webhook-id, -timestamp,
 * -signature over the subscription's secret). 2xx moves on; 429/503 wait Retry-After; 410 ends the subscription;
 * anything else is retried with backoff. Runs in the API process, polling the event log.
 */
export class WebhookDelivery {
  private readonly loop: PollLoop;
  private stopped = false;
  /** fedcat's origin as the handshake names it (WebHook-Request-Origin). */
  private readonly host: string;

  constructor(private readonly opts: DeliveryOptions) {
    this.loop = new PollLoop(() => this.tick(), opts.intervalMs ?? 200);
    this.host = new URL(opts.origin.baseUrl).host;
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop.stop();
  }

  /** One pass over the subscriptions that are due. */
  async tick(): Promise<void> {
    const { newest } = this.opts.events.bounds();
    await Promise.all(this.opts.subscriptions.due(new Date()).filter((s) => s.delivered < newest).map((s) => this.deliver(s).catch((err: unknown) => {
      this.opts.log?.(`delivery to subscription ${s.id} failed: ${err instanceof Error ? err.message : String(err)}`);
    })));
  }

  private async deliver(sub: Subscription & { readonly secret: string }): Promise<void> {
    const url = new URL(sub.sink);
    if (!sub.handshake) {
      const answer = await this.send(url, 'OPTIONS', { 'webhook-request-origin': this.host });
      const allowed = answer.headers?.['webhook-allowed-origin'];
      if (answer.status < 200 || answer.status > 299 || (allowed !== '*' && allowed !== this.host)) {
        return this.retry(sub, `the sink did not allow delivery in the webhook handshake (${answer.error ?? `status ${answer.status}, WebHook-Allowed-Origin ${String(allowed ?? 'absent')}`})`, null);
      }
      this.opts.subscriptions.handshakeDone(sub.id);
    }
    // The cursor is written once a batch (or a failure) ends: after a crash, at most that batch is delivered again.
    let done = sub.delivered;
    let outcome: Failure | undefined;
    try {
      outcome = await this.deliverBatch(sub, url, (seq) => { done = seq; });
    } finally {
      if (done > sub.delivered) this.opts.subscriptions.delivered(sub.id, done);
    }
    if (outcome === 'gone') this.opts.subscriptions.end(sub.id, 'the sink answered 410 Gone');
    else if (outcome) this.retry({ ...sub, attempts: done > sub.delivered ? 0 : sub.attempts }, outcome.error, outcome.waitMs);
  }

  /** Delivers events in order until one fails: what went wrong (to retry, or the sink is gone), or nothing. */
  private async deliverBatch(sub: Subscription & { readonly secret: string }, url: URL, delivered: (seq: number) => void): Promise<Failure | undefined> {
    for (const e of this.opts.events.read({ after: sub.delivered, limit: 200 })) {
      if (this.stopped) return undefined;
      const event = toCloudEvent(e, this.opts.origin);
      const attributes = event.toJSON() as Record<string, unknown>;
      if (!wanted(sub.types, sub.filters, attributes)) { delivered(e.sequence); continue; }
      const body = JSON.stringify(attributes);
      const timestamp = Math.floor(Date.now() / 1000);
      const answer = await this.send(url, 'POST', {
        'content-type': 'application/cloudevents+json; charset=utf-8', 'webhook-id': event.id, 'webhook-timestamp': String(timestamp),
        'webhook-signature': signature(sub.secret, event.id, timestamp, body),
      }, body);
      if (answer.status >= 200 && answer.status < 300) { delivered(e.sequence); continue; }
      if (answer.status === 410) return 'gone';
      const waitMs = answer.status === 429 || answer.status === 503 ? retryAfterMs(answer.headers?.['retry-after'] as string | undefined) : null;
      return { error: answer.error ?? `the sink answered ${answer.status} to event ${e.sequence}`, waitMs };
    }
    return undefined;
  }

  private retry(sub: Subscription, error: string, waitMs: number | null): void {
    if (sub.attempts + 1 >= MAX_ATTEMPTS) return this.opts.subscriptions.end(sub.id, `gave up after ${MAX_ATTEMPTS} attempts: ${error}`);
    this.opts.subscriptions.failed(sub.id, error, new Date(Date.now() + (waitMs ?? backoffMs(sub.attempts))));
  }

  private async send(url: URL, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers?: IncomingMessage['headers']; error?: string }> {
    try {
      const res = await guardedRequest(url, withoutClientCertificates(this.opts.policy), 'webhook', AbortSignal.timeout(this.opts.timeoutMs ?? 10_000), method, headers, body);
      await drain(res);
      return { status: res.statusCode ?? 0, headers: res.headers };
    } catch (err) {
      return { status: 0, error: err instanceof Error ? err.message : String(err) };
    }
  }
}
