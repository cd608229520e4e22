import { searchSettings, storeSettings, type StoreSettings } from '../config/backend-settings.js';
import { openSearch, openStore } from '../backends.js';
import type { Config } from '../config/load-config.js';
import { migrateGraphs } from '../maintenance/migrate-store.js';
import { reindexAll } from '../maintenance/rebuild-index.js';
import type { Runtime } from '../runtime.js';
import type { SearchIndex } from '@fedcat/catalogue';
import { UsageError } from './usage-error.js';

const where = (d: { kind: string; endpoint?: string }) => (d.endpoint ? `${d.kind} at ${d.endpoint}` : d.kind);
const rate = (n: number, ms: number) => `${Math.round(n / Math.max(ms / 1000, 0.001)).toLocaleString('en')}/s`;

/** Rebuilds `search` from the store's graphs, one line per source. */
async function rebuildIndex(runtime: Runtime, search: SearchIndex, out: NodeJS.WritableStream): Promise<number> {
  const sources = (await runtime.sources.list()).map((s) => s.id);
  const started = performance.now();
  const documents = await reindexAll(runtime.store, search, sources, (p) => {
    out.write(`… indexed ${p.done}/${p.total} ${p.source}: ${p.documents.toLocaleString('en')} documents\n`);
  });
  out.write(`✓ search index rebuilt: ${documents.toLocaleString('en')} documents of ${sources.length} sources in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return documents;
}

/** `fedcat reindex`: the configured search index rebuilt from the configured store. */
export async function reindexCommand(runtime: Runtime, out: NodeJS.WritableStream = process.stderr): Promise<number> {
  out.write(`Rebuilding the search index (${where(runtime.backends.search)}) from the store (${where(runtime.backends.store)})\n`);
  await runtime.store.ready();
  await rebuildIndex(runtime, runtime.search, out);
  return 0;
}

function sameStore(a: StoreSettings, b: StoreSettings): boolean {
  return a.kind === b.kind && (a.kind === 'oxigraph' || (b.kind === 'sparql' && a.queryUrl === b.queryUrl));
}

/**
 * `fedcat migrate --to KIND [--search KIND]`: copies every graph from the configured store (FEDCAT_STORE) to the
 * store of kind KIND (configured by the same FEDCAT_STORE_* settings, or the data directory for oxigraph), then
 * rebuilds the search index (the configured one, or --search's) from the copied graphs. Exit 1 if a graph's size
 * differs after copying.
 */
export async function migrateCommand(runtime: Runtime, config: Config, to: string | undefined, searchKind: string | undefined, out: NodeJS.WritableStream = process.stderr): Promise<number> {
  if (!to) throw new UsageError('say where to: fedcat migrate --to sparql|oxigraph');
  const target = storeSettings(config.environment, to);
  if (sameStore(config.store, target)) throw new UsageError(`the store is ${where(runtime.backends.store)} already; set FEDCAT_STORE to the store to migrate from`);
  const search = searchKind ? searchSettings(config.environment, searchKind) : config.search;
  const { store: targetStore, description: targetDescription } = openStore(target, config.dataDir, { lazy: true });
  const opened = searchKind ? openSearch(search, config.dataDir) : { search: runtime.search, description: runtime.backends.search };
  const targetSearch = opened.search;
  out.write(`Migrating ${where(runtime.backends.store)} → ${where(targetDescription)}; search index: ${where(opened.description)}\n`);
  try {
    const started = performance.now();
    let copied = 0;
    const result = await migrateGraphs(runtime.store, targetStore, (p) => {
      copied += p.quads;
      out.write(`… ${p.done}/${p.total} ${p.graph}: ${p.quads.toLocaleString('en')} quads (${rate(p.quads, p.ms)}; ${copied.toLocaleString('en')} so far)\n`);
    });
    const ms = performance.now() - started;
    for (const g of result.dropped) out.write(`- dropped ${g} from the target: the source store does not hold it\n`);
    out.write(`✓ ${result.graphs} graphs, ${result.quads.toLocaleString('en')} quads copied in ${(ms / 1000).toFixed(1)} s (${rate(result.quads, ms)})\n`);
    if (result.mismatched.length > 0) {
      out.write(`✗ sizes differ after copying: ${result.mismatched.join(', ')}; run fedcat migrate again\n`);
      return 1;
    }
    await rebuildIndex({ ...runtime, store: targetStore }, targetSearch, out);
    out.write(`Done. Serve from the new store with FEDCAT_STORE=${target.kind}${searchKind ? ` and FEDCAT_SEARCH=${search.kind}` : ''}.\n`);
    return 0;
  } finally {
    await targetStore.close();
    if (targetSearch !== runtime.search) await targetSearch.close();
  }
}
