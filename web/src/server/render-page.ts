// Renders the UI's pages on the server with lit's SSR (@lit-labs/ssr): the same elements as in the browser, as
// declarative shadow DOM, so a page reads without JavaScript and a crawler sees its content. Built for Node into
// web/server/render-page.js; catalogue-api loads it beside the built UI.
import { html } from 'lit';
import { render } from '@lit-labs/ssr/lib/render.js';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { ApiError, CatalogueApi } from '../api/client.js';
import '../components/fedcat-app.js';
import { renderIn, type Lang } from '../lib/i18n.js';
import { loadPageData } from '../lib/page-data.js';
import { pageTitle } from '../lib/page-title.js';
import { preloadScript, type Preload } from '../lib/preload.js';
import { routeOf, type Route } from '../lib/routes.js';
import { useVocabularyLabels } from '../lib/vocabulary-labels.js';

export interface RenderPageInput {
  /** The page's path and query string (`/datasets/…`, `?q=…`). */
  readonly path: string;
  readonly search: string;
  readonly lang: Lang;
  /** Answers the API requests the page makes (the server's own routes: no network). */
  readonly fetch: typeof fetch;
}

export interface RenderedPage {
  readonly status: 200 | 404;
  readonly title: string;
  readonly lang: Lang;
  /** The rendered `<fedcat-app>` and the data it was rendered from, for the page's body. */
  readonly body: string;
}

/** Where the server's API requests go; never shown (links render as paths). */
const API_BASE = 'http://fedcat.server.invalid/';
/** How long the vocabulary labels read from `/v1/labels` are used before they are read again. */
const LABELS_TTL_MS = 10 * 60_000;
let labelsReadAt = -Infinity;

async function readLabels(client: CatalogueApi): Promise<void> {
  if (Date.now() - labelsReadAt < LABELS_TTL_MS) return;
  useVocabularyLabels(await client.labels());
  labelsReadAt = Date.now();
}

function renderApp(preload: Preload | null, route: Route, lang: Lang): string {
  // Rendering is synchronous: the language set here holds for this page only.
  renderIn(lang);
  const app = collectResultSync(render(html`<fedcat-app .preload=${preload ?? { route, data: null }}></fedcat-app>`));
  return preload ? `${app}\n${preloadScript(preload)}` : app;
}

/**
 * A page of the UI rendered with its content: the search (`/?q=…`), a dataset or API, the organisations. Null for
 * pages that read nothing first (owner, validator, query) and when the API cannot answer now (the store is still
 * loading): the browser renders those itself. An unknown record is a 404 page.
 */
export async function renderPage(input: RenderPageInput): Promise<RenderedPage | null> {
  const route = routeOf(input.path, input.search);
  const client = new CatalogueApi(API_BASE, input.fetch);
  let data;
  try {
    await readLabels(client);
    data = await loadPageData(client, route);
  } catch (e) {
    if (e instanceof ApiError && e.problem.status === 404 && route.page === 'record') {
      const missing: Route = { page: 'not-found' };
      renderIn(input.lang);
      return { status: 404, title: pageTitle(missing), lang: input.lang, body: renderApp(null, missing, input.lang) };
    }
    return null;
  }
  if (!data) return null;
  const preload: Preload = { route, data };
  const body = renderApp(preload, route, input.lang);
  return { status: 200, title: pageTitle(route, data), lang: input.lang, body };
}
