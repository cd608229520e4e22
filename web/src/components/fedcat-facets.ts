import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FacetCount } from '../api/types.js';
import { I18nElement } from '../lib/i18n-element.js';
import { formatNumber, t } from '../lib/i18n.js';
import { baseStyles } from '../lib/styles.js';
import { FILTER_FIELDS, type FilterField, type SearchState } from '../lib/url-state.js';
import { knownLabel, lastSegment } from '../lib/vocabulary-labels.js';
import { fieldLabel, typeLabel } from './record-labels.js';

/**
 * Facet filters as groups of checkboxes with counts.
 * @fires fedcat-facet-toggle - detail: { field, value }
 */
@customElement('fedcat-facets')
export class FedcatFacets extends I18nElement {
  static override styles = [baseStyles, css`
    fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; min-width: 0; }
    legend { font-weight: 700; margin-bottom: .4rem; color: var(--fedcat-heading, #2c0d4a); }
    label { display: flex; gap: .5rem; align-items: center; padding: .2rem 0; }
    .count { color: var(--fedcat-muted, #3d5374); font-size: .875em; margin-left: auto; font-variant-numeric: tabular-nums; }
  `];
  @property({ attribute: false }) facets: Record<string, FacetCount[]> = {};
  @property({ attribute: false }) selected: SearchState['filters'] = {};

  private _label(field: FilterField, c: FacetCount): string {
    if (field === 'type') return typeLabel(c.value);
    // EU vocabulary values in the reader's language; publishers by the name they publish.
    return (field === 'publisher' ? undefined : knownLabel(c.value)) ?? c.label ?? lastSegment(c.value);
  }

  override render() {
    return FILTER_FIELDS.filter((f) => (this.facets[f]?.length ?? 0) > 0 || (this.selected[f]?.length ?? 0) > 0).map((field) => html`
      <fieldset>
        <legend>${fieldLabel(field)}</legend>
        ${(this.facets[field] ?? []).slice(0, 12).map((c) => html`
          <label>
            <input type="checkbox" name=${field} .value=${c.value} ?checked=${this.selected[field]?.includes(c.value) ?? false}
              @change=${() => this._toggle(field, c.value)} />
            <span>${this._label(field, c)}</span>
            <span class="count" aria-label=${t('facets.count', { n: c.count })}>${formatNumber(c.count)}</span>
          </label>`)}
      </fieldset>`);
  }

  /**
   * The boxes follow the selection also after a reader ticked them (the attribute alone would not move a ticked box;
   * the attribute is what a server-rendered page shows).
   */
  override updated() {
    for (const box of this.renderRoot.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = box.hasAttribute('checked');
  }

  private _toggle(field: FilterField, value: string) {
    this.dispatchEvent(new CustomEvent('fedcat-facet-toggle', { detail: { field, value }, bubbles: true, composed: true }));
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-facets': FedcatFacets } }
