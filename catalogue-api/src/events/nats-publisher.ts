import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { toCloudEvent, type EventOrigin } from './cloud-event.js';
import { PollLoop } from './poll-loop.js';
import type { EventLog, LoggedEvent } from './event-log.js';

export interface NatsSettings {
  /** FEDCAT_NATS_URL, e.g. nats://127.0.0.1:4222. */
  readonly url: string;
  /** FEDCAT_NATS_STREAM (default FEDCAT): the JetStream stream, created with subjects `fedcat.>` when missing. */
  readonly stream: string;
}

/** The subject an event is published on: `fedcat.<type>`. */
export const natsSubject = (type: string) => `fedcat.${type}`;

/**
 * Publishes every change event to a NATS JetStream stream, in sequence order, at least once: binary mode (the NATS
 * protocol binding: `ce-*` headers, the data as the body), `Nats-Msg-Id` the event id so JetStream drops a retry
 * within its duplicate window. The last acknowledged sequence is kept in the control plane (a cursor per stream), so
 * a restart goes on where the acknowledgements ended. Runs in the API process, polling the event log.
 */
export class NatsPublisher {
  private nc: NatsConnection | null = null;
  private js: JetStreamClient | null = null;
  private readonly loop: PollLoop;

  constructor(private readonly settings: NatsSettings, private readonly events: EventLog, private readonly origin: EventOrigin,
    private readonly log: (message: string) => void = () => undefined, intervalMs = 200) {
    this.loop = new PollLoop(() => this.tick().catch((err: unknown) => this.fail(err)), intervalMs);
  }

  private get cursorName(): string {
    return `nats:${this.settings.stream}`;
  }

  async start(): Promise<void> {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.nc?.close();
    this.nc = null;
  }

  private fail(err: unknown): void {
    this.log(`publishing events to NATS (${this.settings.url}) failed: ${err instanceof Error ? err.message : String(err)}; trying again`);
    void this.nc?.close();
    this.nc = null;
    this.js = null;
  }

  private async client(): Promise<JetStreamClient> {
    if (this.js && this.nc && !this.nc.isClosed()) return this.js;
    this.nc = await connect({ servers: this.settings.url, name: 'fedcat' });
    const jsm = await jetstreamManager(this.nc);
    const exists = await jsm.streams.info(this.settings.stream).then(() => true, () => false);
    if (!exists) await jsm.streams.add({ name: this.settings.stream, subjects: ['fedcat.>'] });
    this.js = jetstream(this.nc);
    return this.js;
  }

  /** Publishes the events after the stream's cursor (at most 500 a pass); a failed pass is sent again whole (JetStream drops what it has). */
  async tick(): Promise<void> {
    const after = this.events.cursor(this.cursorName);
    if (this.events.bounds().newest <= after) return;
    const js = await this.client();
    // A batch goes out at once (one connection keeps their order) and the cursor moves past it once all are acknowledged.
    const batch = this.events.read({ after, limit: 500 });
    await Promise.all(batch.map((e) => this.publish(js, e)));
    const last = batch.at(-1);
    if (last) this.events.advance(this.cursorName, last.sequence);
  }

  /** One event in binary mode; resolves once JetStream acknowledged it (a duplicate is acknowledged too). */
  async publish(js: JetStreamClient, e: LoggedEvent): Promise<boolean> {
    const event = toCloudEvent(e, this.origin);
    const h = headers();
    for (const [name, value] of Object.entries(event.toJSON())) {
      if (name === 'data' || value === undefined) continue;
      if (name === 'datacontenttype') h.set('content-type', String(value));
      else h.set(`ce-${name}`, String(value));
    }
    const ack = await js.publish(natsSubject(event.type), JSON.stringify(event.data), { msgID: event.id, headers: h });
    return !ack.duplicate;
  }

  /** Publishes one logged event again (what a retry after a lost acknowledgement does): JetStream keeps it once. */
  async republish(sequence: number): Promise<boolean> {
    const e = this.events.read({ after: sequence - 1, limit: 1 })[0];
    if (!e) throw new Error(`no event ${sequence} in the log`);
    return this.publish(await this.client(), e);
  }
}
