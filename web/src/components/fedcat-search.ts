import { Task, TaskStatus } from '@lit/task';
import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SearchResult } from '../api/types.js';
import { ApiElement } from '../lib/api-element.js';
import { renderGiven } from '../lib/given-task.js';
import { formatNumber, t } from '../lib/i18n.js';
import { baseStyles } from '../lib/styles.js';
import { stateFromUrl, toggleFilter, urlFromState, type FilterField, type SearchState } from '../lib/url-state.js';
import './fedcat-facets.js';
import './fedcat-result-list.js';
import { toldView } from './technical-detail.js';
import { tellError } from '../lib/problem-text.js';

/**
 * Search: typo-tolerant search-as-you-type, facets, sort and paging over `/v1/search`. In the app the URL holds the
 * state (it listens for `fedcat-state-change`); embedded on another page (with an `api` attribute) it keeps its own
 * state and links to that fedcat's pages.
 * @fires fedcat-state-change - detail: { state, replace } whenever the user changes the search
 */
@customElement('fedcat-search')
export class FedcatSearch extends ApiElement {
  static override styles = [baseStyles, css`
    form { display: flex; flex-wrap: wrap; gap: .5rem; margin-bottom: 1rem; }
    input[type=search] { flex: 1 1 16rem; font-size: 1.125rem; }
    .layout { display: grid; grid-template-columns: minmax(12rem, 18rem) minmax(0, 1fr); gap: 2rem; }
    @media (max-width: 48rem) { .layout { grid-template-columns: minmax(0, 1fr); } }
    .summary { display: flex; justify-content: space-between; align-items: center; gap: 1rem; flex-wrap: wrap; }
    .pager { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin-top: 1rem; }
    /* On a phone the facets fold behind a "Filters" button; on a wider screen they are always open, without it. */
    details.filters > summary { display: inline-flex; align-items: center; list-style: none; margin-bottom: .75rem; font-weight: 600;
      padding: .5rem 1rem; border: 2px solid var(--fedcat-button-bg, #5b2796); border-radius: 4px; min-height: 2.75rem; box-sizing: border-box; }
    details.filters > summary::-webkit-details-marker { display: none; }
    @media (min-width: 48.01rem) { details.filters > summary { display: none; } }
  `];
  @property({ attribute: false }) state: SearchState = { q: '', filters: {}, sort: '', page: 1 };
  /** The answer a server-rendered page holds for `state`; no request is made for it then. */
  @property({ attribute: false }) given: SearchResult | undefined;
  /** Results per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  private _debounce: ReturnType<typeof setTimeout> | undefined;
  /** Whether the screen is narrow (a phone): the facets then start folded. */
  @state() private _narrow = false;
  private _media: MediaQueryList | undefined;
  private _onMedia = () => { this._narrow = this._media?.matches ?? false; };
  private _rendered: SearchResult | undefined;

  override connectedCallback() {
    super.connectedCallback();
    // Embedded without a host app: start from the page's query string (?q=…) like the app does.
    if (this.api && !this.state.q && location.search) this.state = stateFromUrl(location.search);
    this._media = matchMedia('(max-width: 48rem)');
    this._media.addEventListener('change', this._onMedia);
    this._onMedia();
  }

  override disconnectedCallback() {
    this._media?.removeEventListener('change', this._onMedia);
    super.disconnectedCallback();
  }

  private _search = new Task(this, {
    task: async ([client, state, pageSize, given], { signal }) => {
      const result = given ?? await client.search(state, signal, pageSize);
      performance.mark('fedcat:search-answer');
      return result;
    },
    args: () => [this.client, this.state, this.pageSize, this.given] as const,
  });

  override async updated() {
    const value = this._search.value;
    if (this._search.status !== TaskStatus.COMPLETE || !value || value === this._rendered) return;
    this._rendered = value;
    await this.renderRoot.querySelector('fedcat-result-list')?.updateComplete;
    // For the render benchmark: the results are on screen (see bench/src/ui-render.ts).
    performance.mark('fedcat:search-rendered');
    this.dispatchEvent(new CustomEvent('fedcat-results', { detail: { total: value.total }, bubbles: true, composed: true }));
  }

  /** The answer shown: the latest one, else the one the page was rendered with. */
  private _result(): SearchResult | undefined {
    return this._search.value ?? this.given;
  }

  override render() {
    const result = this._result();
    return html`
      <form role="search" @submit=${this._submit}>
        <label for="q" class="visually-hidden">${t('search.label')}</label>
        <input id="q" type="search" name="q" .value=${this.state.q} placeholder=${t('search.placeholder')} autocomplete="off" @input=${this._typed} />
        <button type="submit">${t('search.submit')}</button>
      </form>
      <div class="layout">
        <aside aria-label=${t('search.filters')}><details class="filters" ?open=${!this._narrow} @toggle=${this._keepOpen}>
          <summary>${this._filtersLabel()}</summary>
          <fedcat-facets .facets=${result?.facets ?? {}} .selected=${this.state.filters} @fedcat-facet-toggle=${this._toggle}></fedcat-facets>
        </details></aside>
        <section aria-label=${t('search.results')} aria-busy=${this._search.status === TaskStatus.PENDING ? 'true' : 'false'}>
          ${renderGiven(this._search, this.given, {
            pending: () => (result ? this._results() : html`<p>${t('search.searching')}</p>`),
            complete: () => this._results(),
            error: (e) => html`<p role="alert" class="error">${toldView(tellError(e), (reason) => t('search.failed', { reason }))}</p>`,
          })}
        </section>
      </div>`;
  }

  private _results() {
    const r = this._result();
    if (!r) return html``;
    const corrections = Object.entries(r.corrections);
    const last = Math.max(1, Math.ceil(r.total / r.pageSize));
    return html`
      <div class="summary">
        <p role="status"><strong>${formatNumber(r.total)}</strong> ${r.total === 1 ? t('search.result') : t('search.resultsCount')}${corrections.length > 0
          ? html`; ${t('search.alsoSearched')} ${corrections.map(([w, c], i) => html`${i ? ', ' : ''}<em>${c.slice(0, 3).join(', ')}</em> ${t('search.for')} „${w}”`)}` : ''}</p>
        <label>${t('search.sort')} <select @change=${this._sort} .value=${this.state.sort}>
          <option value="" ?selected=${this.state.sort === ''}>${t('search.sort.relevance')}</option>
          <option value="title:asc" ?selected=${this.state.sort === 'title:asc'}>${t('search.sort.title')}</option>
          <option value="modified:desc" ?selected=${this.state.sort === 'modified:desc'}>${t('search.sort.modified')}</option>
        </select></label>
      </div>
      ${r.total === 0 ? html`<p>${t('search.none')}</p>` : html`<fedcat-result-list .hits=${r.hits} .client=${this.client}></fedcat-result-list>`}
      ${last > 1 ? html`<nav class="pager" aria-label=${t('search.paging')}>
        <button class="secondary" ?disabled=${r.page <= 1} @click=${() => this._go(r.page - 1)}>${t('search.previous')}</button>
        <span>${t('search.pageOf', { page: r.page, last: formatNumber(last) })}</span>
        <button class="secondary" ?disabled=${r.page >= last} @click=${() => this._go(r.page + 1)}>${t('search.next')}</button></nav>` : ''}`;
  }

  /** "Filters", with how many are on ("Filters (2)"). */
  private _filtersLabel(): string {
    const on = Object.values(this.state.filters).reduce((n, v) => n + (v?.length ?? 0), 0);
    return on === 0 ? t('search.filters') : t('search.filtersCount', { n: on });
  }

  /** On a wide screen the facets cannot be folded (their button is not shown there). */
  private _keepOpen(e: Event) {
    const details = e.target as HTMLDetailsElement;
    if (!this._narrow && !details.open) details.open = true;
  }

  private _emit(state: SearchState, replace = false) {
    const handled = !this.dispatchEvent(new CustomEvent('fedcat-state-change', { detail: { state, replace }, bubbles: true, composed: true, cancelable: true }));
    // In the app the URL changes and the state comes back as a property; embedded, no one listens: keep it here.
    if (!handled) {
      this.state = state;
      if (this.api) history.replaceState(history.state, '', `${location.pathname}${urlFromState(state)}${location.hash}`);
    }
  }

  private _typed(e: InputEvent) {
    const q = (e.target as HTMLInputElement).value;
    clearTimeout(this._debounce);
    this._debounce = setTimeout(() => this._emit({ ...this.state, q, page: 1 }, true), 200);
  }

  private _submit(e: SubmitEvent) {
    e.preventDefault();
    clearTimeout(this._debounce);
    const q = (this.renderRoot.querySelector('#q') as HTMLInputElement).value;
    this._emit({ ...this.state, q, page: 1 });
  }

  private _toggle(e: CustomEvent<{ field: FilterField; value: string }>) {
    this._emit(toggleFilter(this.state, e.detail.field, e.detail.value));
  }

  private _sort(e: Event) {
    this._emit({ ...this.state, sort: (e.target as HTMLSelectElement).value, page: 1 });
  }

  private _go(page: number) {
    this._emit({ ...this.state, page });
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-search': FedcatSearch } }
