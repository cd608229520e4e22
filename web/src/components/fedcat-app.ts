import { provide } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CatalogueApi } from '../api/client.js';
import { apiContext } from '../context.js';
import { stateFromUrl, urlFromState, type SearchState } from '../lib/url-state.js';
import './fedcat-record.js';
import './fedcat-search.js';

type Route = { page: 'search'; state: SearchState } | { page: 'record'; kind: 'datasets' | 'dataservices'; id: string };

function routeOf(location: Location): Route {
  const m = /^\/(datasets|dataservices)\/([^/]+)$/.exec(location.pathname);
  if (m) return { page: 'record', kind: m[1] as 'datasets' | 'dataservices', id: decodeURIComponent(m[2]!) };
  return { page: 'search', state: stateFromUrl(location.search) };
}

/** The fedcat single-page UI: routes by URL (deep links, back/forward) and provides the API client. */
@customElement('fedcat-app')
export class FedcatApp extends LitElement {
  static override styles = css`
    :host { display: block; }
    header { background: #154273; color: #fff; padding: 1rem 1.5rem; }
    header a { color: #fff; text-decoration: none; font-size: 1.5rem; font-weight: 700; }
    header p { margin: .25rem 0 0; opacity: .9; }
    main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
  `;
  /** Base URL of the fedcat API; defaults to this page's origin. */
  @property() api = '';
  @provide({ context: apiContext }) @state() private _client = new CatalogueApi(location.origin + '/');
  @state() private _route: Route = routeOf(location);

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('api') && this.api) this._client = new CatalogueApi(new URL(this.api, location.href).href);
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('popstate', this._onPop);
    this.addEventListener('click', this._onClick);
  }

  override disconnectedCallback() {
    window.removeEventListener('popstate', this._onPop);
    this.removeEventListener('click', this._onClick);
    super.disconnectedCallback();
  }

  private _onPop = () => { this._route = routeOf(location); };

  /** Same-origin links inside the app navigate without reloading. */
  private _onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!a || a.target || a.origin !== location.origin || !/^\/(datasets|dataservices)\/|^\/$/.test(a.pathname)) return;
    e.preventDefault();
    history.pushState(null, '', a.pathname + a.search);
    this._route = routeOf(location);
    window.scrollTo(0, 0);
  };

  private _onState(e: CustomEvent<{ state: SearchState; replace: boolean }>) {
    const url = `/${urlFromState(e.detail.state)}`;
    if (e.detail.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this._route = { page: 'search', state: e.detail.state };
  }

  override render() {
    const r = this._route;
    document.title = r.page === 'search' ? (r.state.q ? `${r.state.q} – fedcat` : 'fedcat – datasets en API’s') : 'fedcat';
    return html`
      <header><a href="/">fedcat</a><p>Datasets en API's van het Federatief Datastelsel</p></header>
      <main>
        ${r.page === 'search'
          ? html`<fedcat-search .state=${r.state} @fedcat-state-change=${this._onState}></fedcat-search>`
          : html`<fedcat-record kind=${r.kind} record-id=${r.id}></fedcat-record>`}
      </main>`;
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-app': FedcatApp } }
