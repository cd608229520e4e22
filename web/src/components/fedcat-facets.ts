import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FacetCount } from '../api/types.js';
import { FIELD_LABELS, TYPE_LABELS } from '../lib/labels.js';
import { FILTER_FIELDS, type FilterField, type SearchState } from '../lib/url-state.js';

/**
 * Facet filters as groups of checkboxes with counts.
 * @fires fedcat-facet-toggle - detail: { field, value }
 */
@customElement('fedcat-facets')
export class FedcatFacets extends LitElement {
  static override styles = css`
    :host { display: block; }
    fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; }
    legend { font-weight: 700; margin-bottom: .4rem; color: var(--fedcat-heading, #154273); }
    label { display: flex; gap: .5rem; align-items: baseline; padding: .15rem 0; cursor: pointer; }
    .count { color: var(--fedcat-muted, #555); font-size: .875em; margin-left: auto; }
    input:focus-visible { outline: 3px solid var(--fedcat-focus, #f9e11e); outline-offset: 2px; }
  `;
  @property({ attribute: false }) facets: Record<string, FacetCount[]> = {};
  @property({ attribute: false }) selected: SearchState['filters'] = {};

  override render() {
    return FILTER_FIELDS.filter((f) => (this.facets[f]?.length ?? 0) > 0 || (this.selected[f]?.length ?? 0) > 0).map((field) => html`
      <fieldset>
        <legend>${FIELD_LABELS[field]}</legend>
        ${(this.facets[field] ?? []).slice(0, 12).map((c) => html`
          <label>
            <input type="checkbox" name=${field} .value=${c.value} .checked=${this.selected[field]?.includes(c.value) ?? false}
              @change=${() => this._toggle(field, c.value)} />
            <span>${field === 'type' ? (TYPE_LABELS[c.value] ?? c.value) : (c.label ?? c.value)}</span>
            <span class="count">${c.count}</span>
          </label>`)}
      </fieldset>`);
  }

  private _toggle(field: FilterField, value: string) {
    this.dispatchEvent(new CustomEvent('fedcat-facet-toggle', { detail: { field, value }, bubbles: true, composed: true }));
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-facets': FedcatFacets } }
