import { Task } from '@lit/task';
import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ApiElement } from '../lib/api-element.js';
import { t } from '../lib/i18n.js';
import { recordPath } from '../lib/routes.js';
import { safeLink } from '../lib/safe-link.js';
import { baseStyles } from '../lib/styles.js';
import { lastSegment, valueLabel } from '../lib/vocabulary-labels.js';
import { toldView } from './technical-detail.js';
import { tellError } from '../lib/problem-text.js';

/**
 * Embeddable: a compact card for one API (data service): title, publisher, lifecycle, endpoint, access rights and a
 * link to its page. `<fedcat-api-card api="https://fedcat.example.nl/" service-id="0123456789abcdef"></fedcat-api-card>`
 */
@customElement('fedcat-api-card')
export class FedcatApiCard extends ApiElement {
  static override styles = [baseStyles, css`
    article { border: 1px solid var(--fedcat-border, #c0c7d2); border-radius: 6px; padding: 1rem 1.25rem; background: var(--fedcat-surface, #f9f9fa); }
    h2 { margin: .25rem 0 .5rem; font-size: 1.25rem; }
    p { margin: .25rem 0; overflow-wrap: anywhere; }
  `];
  @property({ attribute: 'service-id' }) serviceId = '';

  private _service = new Task(this, {
    task: ([client, id], { signal }) => client.record('dataservices', id, signal),
    args: () => [this.client, this.serviceId] as const,
  });

  override render() {
    return this._service.render({
      pending: () => html`<p role="status">${t('app.loading')}</p>`,
      error: (e) => html`<p class="error">${toldView(tellError(e), (reason) => t('record.failed', { reason }))}</p>`,
      complete: (d) => html`<article aria-labelledby="title">
        <span class="badge">${t('type.dataService')}</span>${d.api?.lifecycle ? html` <span class="badge">${t(`lifecycle.${d.api.lifecycle.status}`)}</span>` : ''}
        <h2 id="title"><a href=${this.client.pageUrl(recordPath('DataService', d.id))}>${d.title || t('record.untitled')}</a></h2>
        <p class="muted">${d.publisherName ?? (d.publisher ? lastSegment(d.publisher) : '')}</p>
        <p>${d.description.length > 240 ? `${d.description.slice(0, 240)}…` : d.description}</p>
        ${d.endpointUrls.length ? html`<p>${t('record.endpoint')}: ${safeLink(d.endpointUrls[0]!)}</p>` : ''}
        ${d.accessRights.length ? html`<p>${t('field.accessRights')}: ${d.accessRights.map((v) => valueLabel(v)).join(', ')}</p>` : ''}
        <p><a href=${this.client.pageUrl(`${recordPath('DataService', d.id)}#access`)}>${t('card.howToAccess')}</a></p>
      </article>`,
    });
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-api-card': FedcatApiCard } }
