import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CatalogueApi } from '../api/client.js';
import { apiContext } from '../context.js';
import { toggleFilter, type FilterField, type SearchState } from '../lib/url-state.js';
import './fedcat-facets.js';
import './fedcat-result-list.js';

/**
 * Search page: typo-tolerant search-as-you-type, facets, sort and paging over `/v1/search`.
 * @fires fedcat-state-change - detail: { state, replace } whenever the user changes the search
 */
@customElement('fedcat-search')
export class FedcatSearch extends LitElement {
  static override styles = css`
    :host { display: block; }
    form { display: flex; gap: .5rem; margin-bottom: 1rem; }
    input[type=search] { flex: 1; font: inherit; font-size: 1.125rem; padding: .6rem .75rem; border: 2px solid #154273; border-radius: 3px; }
    select, button { font: inherit; padding: .5rem .75rem; border-radius: 3px; }
    button { background: #01689b; color: #fff; border: 0; cursor: pointer; }
    :is(input, select, button):focus-visible { outline: 3px solid var(--fedcat-focus, #f9e11e); outline-offset: 2px; }
    .layout { display: grid; grid-template-columns: minmax(12rem, 18rem) 1fr; gap: 2rem; }
    @media (max-width: 48rem) { .layout { grid-template-columns: 1fr; } }
    .summary { display: flex; justify-content: space-between; align-items: center; gap: 1rem; flex-wrap: wrap; }
    .pager { display: flex; gap: .5rem; margin-top: 1rem; }
  `;
  @consume({ context: apiContext }) private _api!: CatalogueApi;
  @property({ attribute: false }) state: SearchState = { q: '', filters: {}, sort: '', page: 1 };
  private _debounce: ReturnType<typeof setTimeout> | undefined;

  private _search = new Task(this, {
    task: ([state], { signal }) => this._api.search(state, signal),
    args: () => [this.state] as const,
  });

  override render() {
    const result = this._search.value;
    return html`
      <form role="search" @submit=${this._submit}>
        <label for="q" class="visually-hidden" style="position:absolute;left:-9999px">Zoek datasets en API's</label>
        <input id="q" type="search" name="q" .value=${this.state.q} placeholder="Zoek datasets en API's, bijv. parkeren" autocomplete="off" @input=${this._typed} />
        <button type="submit">Zoeken</button>
      </form>
      <div class="layout">
        <aside aria-label="Filters"><fedcat-facets .facets=${result?.facets ?? {}} .selected=${this.state.filters} @fedcat-facet-toggle=${this._toggle}></fedcat-facets></aside>
        <section aria-live="polite" aria-busy=${this._search.status === 1 ? 'true' : 'false'}>
          ${this._search.render({
            pending: () => (result ? this._results() : html`<p>Zoeken…</p>`),
            complete: () => this._results(),
            error: (e) => html`<p role="alert">Zoeken lukte niet: ${(e as Error).message}</p>`,
          })}
        </section>
      </div>`;
  }

  private _results() {
    const r = this._search.value;
    if (!r) return html``;
    const corrections = Object.entries(r.corrections);
    const last = Math.max(1, Math.ceil(r.total / r.pageSize));
    return html`
      <div class="summary">
        <p><strong>${r.total}</strong> ${r.total === 1 ? 'resultaat' : 'resultaten'}${corrections.length > 0
          ? html`; ook gezocht op ${corrections.map(([w, c]) => html`<em>${c.slice(0, 3).join(', ')}</em> voor „${w}”`)}` : ''}</p>
        <label>Sorteer <select @change=${this._sort} .value=${this.state.sort}>
          <option value="">relevantie</option><option value="title:asc">titel (A-Z)</option><option value="modified:desc">laatst gewijzigd</option>
        </select></label>
      </div>
      ${r.total === 0 ? html`<p>Geen resultaten. Probeer andere woorden of minder filters.</p>` : html`<fedcat-result-list .hits=${r.hits}></fedcat-result-list>`}
      ${last > 1 ? html`<nav class="pager" aria-label="Paginering">
        <button ?disabled=${r.page <= 1} @click=${() => this._go(r.page - 1)}>Vorige</button>
        <span>Pagina ${r.page} van ${last}</span>
        <button ?disabled=${r.page >= last} @click=${() => this._go(r.page + 1)}>Volgende</button></nav>` : ''}`;
  }

  private _emit(state: SearchState, replace = false) {
    this.dispatchEvent(new CustomEvent('fedcat-state-change', { detail: { state, replace }, bubbles: true, composed: true }));
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
