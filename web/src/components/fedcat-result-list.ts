import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SearchHit } from '../api/types.js';
import { TYPE_LABELS } from '../lib/labels.js';
import './fedcat-highlight.js';

/** The hits of a search, each linking to its record page. */
@customElement('fedcat-result-list')
export class FedcatResultList extends LitElement {
  static override styles = css`
    :host { display: block; }
    ol { list-style: none; padding: 0; margin: 0; }
    li { padding: 1rem 0; border-bottom: 1px solid var(--fedcat-border, #ddd); }
    a { color: var(--fedcat-link, #01689b); font-size: 1.125rem; font-weight: 600; text-decoration: underline; }
    a:focus-visible { outline: 3px solid var(--fedcat-focus, #f9e11e); outline-offset: 2px; }
    .meta { color: var(--fedcat-muted, #555); font-size: .875rem; margin: .25rem 0; display: flex; gap: .75rem; flex-wrap: wrap; }
    .badge { background: var(--fedcat-badge, #e5f0f9); color: #154273; border-radius: 3px; padding: 0 .4rem; }
    p { margin: .25rem 0 0; line-height: 1.45; }
  `;
  @property({ attribute: false }) hits: SearchHit[] = [];

  override render() {
    return html`<ol>${this.hits.map(({ document: d, highlights }) => html`
      <li>
        <a href=${`/${d.type === 'Dataset' ? 'datasets' : 'dataservices'}/${d.id}`}><fedcat-highlight .segments=${highlights.title}></fedcat-highlight></a>
        <div class="meta"><span class="badge">${TYPE_LABELS[d.type]}</span><span>${d.publisherName ?? ''}</span>${d.modified ? html`<span>gewijzigd ${d.modified.slice(0, 10)}</span>` : ''}</div>
        <p><fedcat-highlight .segments=${highlights.description}></fedcat-highlight></p>
      </li>`)}</ol>`;
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-result-list': FedcatResultList } }
