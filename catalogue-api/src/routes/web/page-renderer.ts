import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';

/** The UI languages a page renders in. */
export type PageLang = 'nl' | 'en';

/** A page the UI's server-side renderer wrote (web/src/server/render-page.ts, built beside the UI's files). */
export interface RenderedPage {
  readonly status: 200 | 404;
  readonly title: string;
  readonly lang: PageLang;
  readonly body: string;
}

/** Renders a UI page from the API's answers; null when the page is left to the browser. */
export type PageRenderer = (input: { path: string; search: string; lang: PageLang; fetch: typeof fetch }) => Promise<RenderedPage | null>;

/**
 * The web package's server-side renderer, built into `server/render-page.js` beside the UI's `public/` (`root`); null
 * when the UI was built without it (pages are then left to the browser). Loaded once.
 */
export async function loadPageRenderer(root: string): Promise<PageRenderer | null> {
  const file = join(root, '..', 'server', 'render-page.js');
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as { renderPage?: unknown };
  if (typeof mod.renderPage !== 'function') throw new Error(`${file} exports no renderPage function`);
  return mod.renderPage as PageRenderer;
}

/**
 * A fetch that the app answers itself (fastify's inject: no socket, no network), for the renderer's API requests.
 * Public reads only: the page's own request headers (a token, cookies) are never passed on.
 */
export function injectFetch(app: FastifyInstance): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const res = await app.inject({ method: 'GET', url: url.pathname + url.search, headers: { accept: 'application/json' }, ...(init?.signal ? { signal: init.signal } : {}) });
    const type = res.headers['content-type'];
    return new Response(res.rawPayload, { status: res.statusCode, headers: typeof type === 'string' ? { 'content-type': type } : {} });
  };
}

/** The page's language: `?lang=` when it names one, else Dutch (as the UI starts for a reader who has not chosen). */
export function pageLang(queryLang: string | null): PageLang {
  return queryLang === 'en' ? 'en' : 'nl';
}
