import { join } from 'node:path';
import { SourceRegistry } from './sources.js';
import { AuditLog } from './audit-log.js';
import { ControlDb } from './control-db.js';
import { TokenStore } from './tokens.js';
import { MintedBase } from './minted-base.js';
import { EventLog } from '../events/event-log.js';
import { Subscriptions } from '../events/subscriptions.js';

/** The control plane of a data directory: sources, tokens, the audit log and its settings, in one database. */
export interface ControlPlane {
  readonly sources: SourceRegistry;
  readonly tokens: TokenStore;
  readonly audit: AuditLog;
  readonly mintedBase: MintedBase;
  /** Change events: the outbox and the event log. */
  readonly events: EventLog;
  /** Webhook subscriptions to the events, with their delivery state. */
  readonly subscriptions: Subscriptions;
  close(): void;
}

/** Opens (creating or upgrading) `<dataDir>/control.sqlite`; sources of an older `sources.json` are taken over. */
export function openControlPlane(dataDir: string): ControlPlane {
  const db = new ControlDb(dataDir);
  const audit = new AuditLog(db);
  const sources = new SourceRegistry(db, audit);
  if (dataDir !== ':memory:') sources.importJsonFile(join(dataDir, 'sources.json'));
  return { sources, tokens: new TokenStore(db, audit), audit, mintedBase: new MintedBase(db), events: new EventLog(db), subscriptions: new Subscriptions(db), close: () => db.close() };
}
