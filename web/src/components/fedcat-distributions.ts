import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CatalogueApi } from '../api/client.js';
import type { AccessConditions } from '../api/types.js';
import { I18nElement } from '../lib/i18n-element.js';
import { t } from '../lib/i18n.js';
import { recordPath } from '../lib/routes.js';
import { safeLink } from '../lib/safe-link.js';
import { baseStyles } from '../lib/styles.js';
import { lastSegment, valueLabel } from '../lib/vocabulary-labels.js';

type Distribution = NonNullable<AccessConditions['distributions']>[number];

/** A dataset's distributions: format, where to get them (access and download URLs), licence and the APIs serving them. */
@customElement('fedcat-distributions')
export class FedcatDistributions extends I18nElement {
  static override styles = [baseStyles];
  @property({ attribute: false }) distributions: Distribution[] = [];
  @property({ attribute: false }) client: CatalogueApi | undefined;
  /** Names the publisher gives values (its own licence documents' titles), IRI → name. */
  @property({ attribute: false }) names: Readonly<Record<string, string>> = {};

  override render() {
    const link = (path: string) => this.client?.pageUrl(path) ?? path;
    return html`<section aria-labelledby="distributions">
      <h2 id="distributions">${t('dist.heading')}</h2>
      <div class="table-scroll"><table>
        <thead><tr><th scope="col">${t('dist.name')}</th><th scope="col">${t('field.format')}</th><th scope="col">${t('dist.where')}</th><th scope="col">${t('field.license')}</th></tr></thead>
        <tbody>${this.distributions.map((d, i) => html`<tr>
          <td>${d.title ?? t('dist.numbered', { n: i + 1 })}</td>
          <td>${d.format ? valueLabel(d.format) : d.mediaType ? lastSegment(d.mediaType) : '–'}</td>
          <td>
            ${(d.downloadUrls ?? []).map((u) => html`${t('dist.download')}: ${safeLink(u)}<br>`)}
            ${(d.accessUrls ?? []).map((u) => html`${t('dist.access')}: ${safeLink(u)}<br>`)}
            ${(d.accessServices ?? []).map((s) => html`${t('dist.via')} <a href=${link(recordPath('DataService', s.id))}>${s.title ?? s.iri}</a><br>`)}
          </td>
          <td>${(d.licenses ?? []).map((l) => html`${safeLink(l, valueLabel(l, this.names))}<br>`)}</td>
        </tr>`)}</tbody>
      </table></div>
    </section>`;
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-distributions': FedcatDistributions } }
