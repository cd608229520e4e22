import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Paths of the API and machine interfaces: a miss there is a problem+json, never a page. */
const MACHINE_PATHS = /^\/(v1|sparql|catalog|\.well-known|health|metrics|sitemaps?)(\/|\.|\?|$)/;

/** Whether a request that found nothing is a person's browser asking for a page (HTML first in Accept). */
export function wantsPage(url: string, accept: string | undefined): boolean {
  return !MACHINE_PATHS.test(url) && /^text\/html\b/.test(accept ?? '');
}

/** The UI's page shell (`index.html` of the built UI), read once. */
export function pageShell(root: string): () => Promise<string> {
  let shell: Promise<string> | null = null;
  return () => (shell ??= readFile(join(root, 'index.html'), 'utf8'));
}
