import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CatalogueApi } from '../api/client.js';
import type { SearchHit } from '../api/types.js';
import { I18nElement } from '../lib/i18n-element.js';
import { t } from '../lib/i18n.js';
import { recordPath } from '../lib/routes.js';
import { baseStyles } from '../lib/styles.js';
import { typeLabel } from './record-labels.js';
import './fedcat-highlight.js';

/** The hits of a search, each linking to its record page (on the fedcat the client reads from). */
@customElement('fedcat-result-list')
export class FedcatResultList extends I18nElement {
  static override styles = [baseStyles, css`
    ol { list-style: none; padding: 0; margin: 0; }
    li { padding: 1rem 0; border-bottom: 1px solid var(--fedcat-border, #c0c7d2); }
    a { font-size: 1.125rem; font-weight: 600; }
    .meta { color: var(--fedcat-muted, #3d5374); font-size: .875rem; margin: .25rem 0; display: flex; gap: .75rem; flex-wrap: wrap; }
    p { margin: .25rem 0 0; line-height: 1.45; overflow-wrap: anywhere; }
  `];
  @property({ attribute: false }) hits: SearchHit[] = [];
  @property({ attribute: false }) client: CatalogueApi | undefined;

  private _href(type: string, id: string): string {
    const path = recordPath(type, id);
    return this.client ? this.client.pageUrl(path) : path;
  }

  override render() {
    return html`<ol>${this.hits.map(({ document: d, highlights }) => html`
      <li>
        <a href=${this._href(d.type, d.id)}><fedcat-highlight .segments=${highlights.title.length ? highlights.title : [{ text: d.title || t('record.untitled'), match: false }]}></fedcat-highlight></a>
        <div class="meta"><span class="badge">${typeLabel(d.type)}</span><span>${d.publisherName ?? ''}</span>${d.modified ? html`<span>${t('record.modifiedOn', { date: d.modified.slice(0, 10) })}</span>` : ''}</div>
        <p><fedcat-highlight .segments=${highlights.description}></fedcat-highlight></p>
      </li>`)}</ol>`;
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-result-list': FedcatResultList } }
