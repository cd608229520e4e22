import { provide } from '@lit/context';
import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CatalogueApi } from '../api/client.js';
import { apiContext } from '../context.js';
import { I18nElement } from '../lib/i18n-element.js';
import { lang, setLang, t } from '../lib/i18n.js';
import type { MessageKey } from '../lib/messages.js';
import { isAppPath, routeOf, type Route } from '../lib/routes.js';
import { baseStyles } from '../lib/styles.js';
import { urlFromState, type SearchState } from '../lib/url-state.js';
import { onServer, pageOrigin } from '../lib/page-location.js';
import type { PageData, Preload } from '../lib/preload.js';
import { pageTitle } from '../lib/page-title.js';
import { loadVocabularyLabels } from '../lib/vocabulary-labels.js';
import './fedcat-organisation.js';
import './fedcat-owner-sources.js';
import './fedcat-record.js';
import './fedcat-run-report.js';
import './fedcat-search.js';
import './fedcat-source.js';
import './fedcat-sparql.js';
import './fedcat-validator.js';

const NAV: readonly { path: string; label: MessageKey; pages: readonly Route['page'][] }[] = [
  { path: '/', label: 'nav.search', pages: ['search', 'record'] },
  { path: '/organisations', label: 'nav.organisations', pages: ['organisations'] },
  { path: '/validator', label: 'nav.validator', pages: ['validator'] },
  { path: '/query', label: 'nav.query', pages: ['query'] },
  { path: '/owner', label: 'nav.owner', pages: ['owner', 'source', 'run'] },
];

/** The fedcat single-page UI: header, navigation and language switch; routes by URL (deep links, back/forward). */
@customElement('fedcat-app')
export class FedcatApp extends I18nElement {
  static override styles = [baseStyles, css`
    .skip { position: absolute; left: -9999px; }
    .skip:focus { left: 1rem; top: 1rem; z-index: 10; padding: .5rem 1rem; }
    header { background: var(--fedcat-header-bg, #2c0d4a); color: var(--fedcat-header-text, #fff); }
    .bar { max-width: 72rem; margin: 0 auto; padding: .75rem 1.5rem; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; }
    .brand { color: inherit; font-size: 1.5rem; font-weight: 700; text-decoration: none; }
    .tagline { margin: 0; flex: 1 1 16rem; }
    header a, header button.lang { color: var(--fedcat-header-text, #fff); }
    header a:focus-visible { color: #0b0c0c; }
    nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; margin: 0; padding: 0; }
    nav a { text-decoration: none; font-weight: 600; padding: .25rem 0; display: inline-block; }
    nav a[aria-current=page] { text-decoration: underline; text-decoration-thickness: 3px; }
    button.lang { background: transparent; border-color: currentColor; min-height: 2.25rem; padding: .2rem .75rem; }
    main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
    footer { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; border-top: 1px solid var(--fedcat-border, #ccd2dc); }
    footer ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: 0; padding: 0; }
    main:focus { outline: none; }
  `];
  /** Base URL of the fedcat API; defaults to this page's origin. */
  @property() api = '';
  /** The page as the server rendered it (route and data): the first render shows it; a navigation drops it. */
  @property({ attribute: false }) preload: Preload | null = null;
  @provide({ context: apiContext }) @state() private _client = new CatalogueApi(`${pageOrigin()}/`);
  @state() private _route: Route = onServer() ? { page: 'not-found' } : routeOf(location.pathname, location.search);

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('api') && this.api) this._client = CatalogueApi.at(this.api);
    if (changed.has('preload') && this.preload) this._route = this.preload.route;
  }

  /** The server-rendered data for the page shown, while it is the first page. */
  private _data<P extends PageData['page']>(page: P): Extract<PageData, { page: P }> | undefined {
    const data = this.preload?.data;
    return data?.page === page ? (data as Extract<PageData, { page: P }>) : undefined;
  }

  override connectedCallback() {
    super.connectedCallback();
    document.documentElement.lang = lang();
    void loadVocabularyLabels(this._client);
    window.addEventListener('popstate', this._onPop);
    this.addEventListener('click', this._onClick);
    this.addEventListener('fedcat-navigate', this._onNavigate as EventListener);
    this.addEventListener('fedcat-page-title', this._onTitle as EventListener);
  }

  override disconnectedCallback() {
    window.removeEventListener('popstate', this._onPop);
    this.removeEventListener('click', this._onClick);
    this.removeEventListener('fedcat-navigate', this._onNavigate as EventListener);
    this.removeEventListener('fedcat-page-title', this._onTitle as EventListener);
    super.disconnectedCallback();
  }

  private _onPop = () => { this._route = routeOf(location.pathname, location.search); };

  private _go(url: string, replace = false) {
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    const previous = this._route.page;
    this.preload = null;
    this._toldTitle = null;
    this._route = routeOf(location.pathname, location.search);
    if (!replace) {
      window.scrollTo(0, 0);
      // A new page: move focus to its content, so keyboard and screen-reader users start there.
      if (previous !== 'search' || this._route.page !== 'search') void this.updateComplete.then(() => this.renderRoot.querySelector('main')?.focus());
    }
  }

  /** Same-origin links to the app's pages navigate without reloading. */
  private _onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!a || a.target || a.origin !== location.origin || !isAppPath(a.pathname) || a.hasAttribute('download')) return;
    e.preventDefault();
    this._go(a.pathname + a.search);
  };

  private _onNavigate = (e: CustomEvent<{ url: string; replace?: boolean }>) => this._go(e.detail.url, e.detail.replace);

  /** A page that knows its subject only once it loaded (a record) names it for the window's title. */
  private _onTitle = (e: CustomEvent<{ title: string }>) => {
    this._toldTitle = e.detail.title;
    document.title = `${e.detail.title} – fedcat`;
  };
  /** The subject the page shown named for the title (see _onTitle); dropped on navigation. */
  private _toldTitle: string | null = null;

  private _onState(e: CustomEvent<{ state: SearchState; replace: boolean }>) {
    e.preventDefault();
    this._go(`/${urlFromState(e.detail.state)}`, e.detail.replace);
  }

  private _page() {
    const r = this._route;
    switch (r.page) {
      case 'search': return html`<fedcat-search .state=${r.state} .given=${this._data('search')?.result} @fedcat-state-change=${this._onState}></fedcat-search>`;
      case 'record': return html`<fedcat-record kind=${r.kind} record-id=${r.id} .given=${this._data('record')}></fedcat-record>`;
      case 'organisations': return html`<fedcat-organisation .iri=${r.iri} .given=${this._data('organisations')}></fedcat-organisation>`;
      case 'owner': return html`<fedcat-owner-sources></fedcat-owner-sources>`;
      case 'source': return html`<fedcat-source source-id=${r.id}></fedcat-source>`;
      case 'run': return html`<fedcat-run-report source-id=${r.source} run-id=${r.run}></fedcat-run-report>`;
      case 'validator': return html`<fedcat-validator></fedcat-validator>`;
      case 'query': return html`<fedcat-sparql></fedcat-sparql>`;
      case 'not-found': return html`<h1>${t('app.notFound')}</h1><p><a href="/">${t('app.toSearch')}</a></p>`;
    }
  }

  override render() {
    if (!onServer()) document.title = this._toldTitle ? `${this._toldTitle} – fedcat` : pageTitle(this._route, this.preload?.data ?? undefined);
    const other = lang() === 'nl' ? 'en' : 'nl';
    return html`
      <a class="skip button" href="#main" @click=${this._skip}>${t('app.skip')}</a>
      <header>
        <div class="bar">
          <a class="brand" href="/">fedcat</a>
          <p class="tagline">${t('app.tagline')}</p>
          <button class="lang" lang=${other} @click=${() => setLang(other)}>${other === 'en' ? 'English' : 'Nederlands'}</button>
        </div>
        <nav class="bar" aria-label=${t('nav.label')}><ul>${NAV.map((n) => html`<li>
          <a href=${n.path} aria-current=${n.pages.includes(this._route.page) ? 'page' : 'false'}>${t(n.label)}</a></li>`)}</ul></nav>
      </header>
      <main id="main" tabindex="-1">${this._page()}</main>
      <footer><nav aria-label=${t('app.footer')}><ul>
        <li><a href="/v1/docs">${t('app.apiDocs')}</a></li>
        <li><a href="/catalog">${t('app.feed')}</a></li>
        <li><a href="/sparql">SPARQL</a></li>
      </ul></nav></footer>`;
  }

  private _skip(e: Event) {
    e.preventDefault();
    this.renderRoot.querySelector('main')?.focus();
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-app': FedcatApp } }
