import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PROFILES, type Validator } from '@fedcat/shapes';
import type { Config } from './config.js';
import { RunningHarvests } from './registry/running.js';
import { RunLog } from './registry/runs.js';
import type { SourceRegistry } from './registry/sources.js';
import type { AuditLog } from './control/audit-log.js';
import { openControlPlane } from './control/control-plane.js';
import type { TokenStore } from './control/tokens.js';
import type { QuadStore, SearchIndex } from '@fedcat/catalogue';
import { CachedSearchIndex } from './search/cached-search.js';
import { openSearch, openStore } from './backends.js';
import { ProfileValidators } from './validation/validators.js';

/** The configured backends (store, search) and the control plane (sources, tokens, audit log) on one data directory. */
export interface Runtime {
  readonly store: QuadStore;
  readonly search: SearchIndex;
  readonly sources: SourceRegistry;
  readonly tokens: TokenStore;
  readonly audit: AuditLog;
  readonly runs: RunLog;
  /** Harvests in progress in any process on this data directory. */
  readonly running: RunningHarvests;
  /** The harvest validator of a profile (default: the configured harvest profile), loaded on first use. */
  validator(profileId?: string): Promise<Validator>;
  close(): Promise<void>;
}

/** Opens the data directory and the configured backends: the store (an embedded one lazy for CLI-only commands) and the search index. */
export function openRuntime(config: Config, opts: { lazyStore?: boolean } = {}): Runtime {
  const store = openStore(config.store, config.dataDir, { lazy: opts.lazyStore ?? false });
  // Repeated searches are answered from memory until the index changes (by this or another process).
  const search = new CachedSearchIndex(openSearch(config.search, config.dataDir));
  const control = openControlPlane(config.dataDir);
  // Harvests validate on every core, in worker threads started on first use.
  const validators = new ProfileValidators();
  return {
    store, search,
    sources: control.sources, tokens: control.tokens, audit: control.audit,
    runs: new RunLog(config.dataDir),
    running: new RunningHarvests(config.dataDir),
    validator: (profileId = config.harvestProfile) => validators.get(profileId)
      ?? Promise.reject(new Error(`unknown validation profile '${profileId}' (shipped: ${PROFILES.map((p) => p.id).join(', ')})`)),
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
