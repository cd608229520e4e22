import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { escapeMarkup } from '../../http/markup.js';
import { injectFetch, pageLang, type PageRenderer, type RenderedPage } from './page-renderer.js';
import { pageShell } from './page-shell.js';
import type { PageHead } from './record-page.js';

export interface UiPageOptions {
  readonly root: string;
  /** The UI's server-side renderer; null: the browser renders every page. */
  readonly renderer: PageRenderer | null;
  /** The app the renderer's API requests go to. */
  readonly app: FastifyInstance;
  /** More for the page's head (a record's JSON-LD); its title stands when the page is not rendered. */
  readonly head?: (request: FastifyRequest) => Promise<PageHead | null>;
}

/** The page shell with the rendered page put in: language, title, the `<fedcat-app>` with its content, no "needs JavaScript". */
function fill(shell: string, page: RenderedPage | null, head: PageHead | null): string {
  let html = shell;
  // The shell's own edits first: on the short shell, not on the shell with a page of content in it.
  if (page) html = html.replace(/<html lang="[a-z]+"/, `<html lang="${page.lang}"`).replace(/\s*<noscript>[\s\S]*?<\/noscript>/, '');
  const title = page?.title ?? head?.title;
  if (title) html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeMarkup(title)}</title>`);
  if (head) html = html.replace('</head>', `  ${head.markup}\n</head>`);
  return page ? html.replace('<fedcat-app></fedcat-app>', () => page.body) : html;
}

/**
 * A page of the UI as the server sends it: rendered with its content (lit SSR: the search with `?q=`, a record, the
 * organisations) so it reads without JavaScript and a crawler sees it, or the plain shell the browser fills. A page
 * the renderer cannot make now (a store still loading, a renderer error) gets the shell, never an error page.
 */
export function uiPage(opts: UiPageOptions) {
  const shell = pageShell(opts.root);
  const fetch = injectFetch(opts.app);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const url = new URL(request.url, 'http://page.invalid');
    const lang = pageLang(url.searchParams.get('lang'));
    const [page, head] = await Promise.all([
      opts.renderer?.({ path: url.pathname, search: url.search, lang, fetch }).catch((err: unknown) => {
        request.log.warn({ err, url: request.url }, 'page not rendered on the server; the browser renders it');
        return null;
      }) ?? null,
      opts.head?.(request) ?? null,
    ]);
    return reply.code(page?.status ?? 200).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(fill(await shell(), page, head));
  };
}
