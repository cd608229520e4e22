import { ConfigError, integer } from './values.js';
import { eventSource } from '../events/cloud-event.js';
import { FAILPOINTS, type Failpoint } from '../harvest/sink.js';
import type { NatsSettings } from '../events/nats-publisher.js';

/** Where fedcat's events say they come from, and how long they are kept. */
export interface EventSettings {
  /** `urn:nld:oin:<FEDCAT_OPERATOR_OIN>:systeem:fedcat` (the NL GOV CloudEvents profile's form). */
  readonly source: string;
  /** FEDCAT_EVENTS_RETENTION_DAYS (default 30). */
  readonly retentionDays: number;
  /** FEDCAT_NATS_URL and FEDCAT_NATS_STREAM: every event is also published to NATS JetStream; absent: not. */
  readonly nats?: NatsSettings;
}

/** An OIN that says no operator configured one; events still follow the profile's form. */
export const NO_OIN = '00000000000000000000';

/** Reads FEDCAT_OPERATOR_OIN (20 digits) and FEDCAT_EVENTS_RETENTION_DAYS (1-3650). */
export function eventSettings(env: NodeJS.ProcessEnv): EventSettings {
  const oin = env.FEDCAT_OPERATOR_OIN?.trim() || NO_OIN;
  if (!/^\d{20}$/.test(oin)) throw new ConfigError(`FEDCAT_OPERATOR_OIN must be the operator's OIN, 20 digits, not '${oin}'`);
  const nats = env.FEDCAT_NATS_URL?.trim();
  if (nats && !/^(nats|tls|wss?):\/\/[^\s]+$/.test(nats)) throw new ConfigError(`FEDCAT_NATS_URL must be a nats:// (or tls://) URL, not '${nats}'`);
  const stream = env.FEDCAT_NATS_STREAM?.trim() || 'FEDCAT';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(stream)) throw new ConfigError(`FEDCAT_NATS_STREAM must be a stream name of letters, digits, - and _, not '${stream}'`);
  return {
    source: eventSource(oin), retentionDays: integer('FEDCAT_EVENTS_RETENTION_DAYS', env.FEDCAT_EVENTS_RETENTION_DAYS, 30, 1, 3650),
    ...(nats ? { nats: { url: nats, stream } } : {}),
  };
}

/** FEDCAT_TEST_FAILPOINT: one of the publishing moments a crash test kills a harvest at, or none. */
export function failpoint(value: string | undefined): Failpoint {
  if (!value) return null;
  const known = FAILPOINTS as readonly string[];
  if (!known.includes(value)) throw new ConfigError(`FEDCAT_TEST_FAILPOINT must be one of ${FAILPOINTS.join(', ')}, not '${value}'`);
  return value as Failpoint;
}
