import type { PrivateAccess } from '@fedcat/harvester';
import type { Config } from '../config/load-config.js';

/** The environment value that gives a child process the same private-address policy. */
function privateAccessEnv(access: PrivateAccess): string {
  switch (access.kind) {
    case 'none': return 'false';
    case 'all': return 'true';
    case 'origins': return [...access.origins].join(',');
  }
}

/**
 * The environment a child `fedcat harvest` process starts with: the server's own, with the fetch policy as the
 * server resolved it (a test or embedder may have configured one the environment does not say), so the child's
 * `loadConfig` gives the same harvest settings. The one place that writes what a child harvest receives.
 */
export function childHarvestEnv(config: Config): NodeJS.ProcessEnv {
  return {
    ...config.environment,
    // The server's base, however it was found (a --port flag the child does not get): both mint the same IRIs.
    FEDCAT_BASE_URL: config.baseUrl,
    FEDCAT_HARVEST_ALLOW_PRIVATE: privateAccessEnv(config.fetchPolicy.privateAccess),
    FEDCAT_HARVEST_FILES: config.fetchPolicy.fileRoots.join(','),
  };
}
