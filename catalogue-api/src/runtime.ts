import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Config } from './config/load-config.js';
import { RunningHarvests } from './control/running-harvests.js';
import { RunLog } from './control/runs.js';
import type { SourceRegistry } from './control/sources.js';
import type { AuditLog } from './control/audit-log.js';
import { openControlPlane } from './control/control-plane.js';
import type { TokenStore } from './control/tokens.js';
import type { MintedBase } from './control/minted-base.js';
import type { EventLog } from './events/event-log.js';
import type { Subscriptions } from './events/subscriptions.js';
import type { QuadStore, SearchIndex } from '@fedcat/catalogue';
import { CachedSearchIndex } from './search/cached-search.js';
import { openSearch, openStore, type BackendDescription } from './backends.js';
import { Validators } from './validation/validators.js';

/** The configured backends (store, search) and the control plane (sources, tokens, audit log) on one data directory. */
export interface Runtime {
  readonly store: QuadStore;
  readonly search: SearchIndex;
  readonly sources: SourceRegistry;
  readonly tokens: TokenStore;
  readonly audit: AuditLog;
  /** The base URL the data directory's IRIs were first minted under. */
  readonly mintedBase: MintedBase;
  /** Change events (the outbox harvests write, the log the API serves). */
  readonly events: EventLog;
  readonly subscriptions: Subscriptions;
  readonly runs: RunLog;
  /** Harvests in progress in any process on this data directory. */
  readonly running: RunningHarvests;
  /** Validators of the shipped profiles for harvests in this process, the configured harvest profile the default. */
  readonly validators: Validators;
  /** What the store and the search index are, for logs and health (never credentials). */
  readonly backends: { readonly store: BackendDescription; readonly search: BackendDescription };
  close(): Promise<void>;
}

/** Opens the data directory and the configured backends: the store (an embedded one lazy for CLI-only commands) and the search index. */
export function openRuntime(config: Config, opts: { lazyStore?: boolean } = {}): Runtime {
  const { store, description: storeDescription } = openStore(config.store, config.dataDir, { lazy: opts.lazyStore ?? false });
  const opened = openSearch(config.search, config.dataDir);
  // Repeated searches are answered from memory until the index changes (by this or another process).
  const search = new CachedSearchIndex(opened.search);
  const control = openControlPlane(config.dataDir);
  // Harvests validate on every core, in worker threads started on first use.
  const validators = new Validators(config.harvestProfile);
  return {
    store, search, backends: { store: storeDescription, search: opened.description },
    sources: control.sources, tokens: control.tokens, audit: control.audit, mintedBase: control.mintedBase, events: control.events, subscriptions: control.subscriptions,
    runs: new RunLog(config.dataDir),
    running: new RunningHarvests(config.dataDir),
    validators,
    async close() {
      await store.close();
      await search.close();
      control.close();
      await validators.close();
    },
  };
}

/** Where the built web UI lives (the `public/` folder of the @fedcat/web package). */
export function webRoot(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@fedcat/web/package.json')), 'public');
}
