import { ContextDirectoryError, loadJsonLdContexts, type FetchPolicy } from '@fedcat/harvester';
import { ConfigError, type Config } from './config.js';

/**
 * The fetch policy a harvest runs under: the configured one, with the known JSON-LD contexts loaded from
 * `FEDCAT_JSONLD_CONTEXTS` when set. An unusable context directory is a configuration error, reported before
 * anything is fetched.
 */
export async function harvestPolicy(config: Config): Promise<FetchPolicy> {
  if (!config.jsonLdContextsDir) return config.fetchPolicy;
  try {
    return { ...config.fetchPolicy, jsonLdContexts: await loadJsonLdContexts(config.jsonLdContextsDir) };
  } catch (err) {
    if (err instanceof ContextDirectoryError) throw new ConfigError(`FEDCAT_JSONLD_CONTEXTS: ${err.message}`);
    throw err;
  }
}
