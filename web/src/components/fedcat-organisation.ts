import { Task } from '@lit/task';
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Organisation, OrganisationScore, SearchResult } from '../api/types.js';
import { ApiElement } from '../lib/api-element.js';
import { renderGiven } from '../lib/given-task.js';
import { loadOrganisations } from '../lib/page-data.js';
import type { PageData } from '../lib/preload.js';
import { formatNumber, t } from '../lib/i18n.js';
import { organisationPath } from '../lib/routes.js';
import { safeLink } from '../lib/safe-link.js';
import { baseStyles } from '../lib/styles.js';
import { urlFromState } from '../lib/url-state.js';
import { lastSegment } from '../lib/vocabulary-labels.js';
import './fedcat-result-list.js';
import { toldView } from './technical-detail.js';
import { tellError } from '../lib/problem-text.js';

/** What the page shows: the organisations, their scores by IRI, and the records of the one shown. */
function shown(d: { readonly organisations: readonly Organisation[]; readonly scores: readonly OrganisationScore[]; readonly records: SearchResult | null }) {
  return { organisations: d.organisations, scores: new Map(d.scores.map((s) => [s.iri, s])), records: d.records };
}

/** Organisations: the list (`iri` null) or one organisation with its identifiers, FSC peers, sources, quality and records. */
@customElement('fedcat-organisation')
export class FedcatOrganisation extends ApiElement {
  static override styles = [baseStyles];
  @property({ attribute: false }) iri: string | null = null;
  /** The organisations as a server-rendered page holds them; no request is made then. */
  @property({ attribute: false }) given: Extract<PageData, { page: 'organisations' }> | undefined;

  private _data = new Task(this, {
    task: async ([client, iri, given], { signal }) => {
      return shown(given ?? await loadOrganisations(client, iri, signal));
    },
    args: () => [this.client, this.iri, this.given] as const,
  });

  override render() {
    return renderGiven(this._data, this.given && shown(this.given), {
      pending: () => html`<p role="status">${t('app.loading')}</p>`,
      error: (e) => html`<p role="alert" class="error">${toldView(tellError(e), (reason) => t('org.failed', { reason }))}</p>`,
      complete: ({ organisations, scores, records }) => {
        if (!this.iri) return this._list(organisations, scores);
        const org = organisations.find((o) => o.iri === this.iri);
        return org ? this._one(org, scores.get(org.iri), records!) : html`<h1>${t('org.unknown')}</h1><p><a href="/organisations">${t('org.all')}</a></p>`;
      },
    });
  }

  private _list(organisations: readonly Organisation[], scores: Map<string, OrganisationScore>) {
    return html`<h1>${t('nav.organisations')}</h1>
      <div class="table-scroll"><table>
        <thead><tr><th scope="col">${t('org.name')}</th><th scope="col">${t('org.datasets')}</th><th scope="col">${t('org.apis')}</th><th scope="col">${t('org.quality')}</th></tr></thead>
        <tbody>${organisations.map((o) => html`<tr>
          <td><a href=${organisationPath(o.iri)}>${o.name ?? lastSegment(o.iri)}</a></td>
          <td>${formatNumber(o.datasets)}</td><td>${formatNumber(o.dataServices)}</td>
          <td>${scores.get(o.iri) ? formatNumber(scores.get(o.iri)!.score) : '–'}</td></tr>`)}</tbody>
      </table></div>`;
  }

  private _one(o: Organisation, score: OrganisationScore | undefined, records: SearchResult) {
    return html`<p><a href="/organisations">← ${t('org.all')}</a></p>
      <span class="badge">${t('org.badge')}</span>
      <h1>${o.name ?? lastSegment(o.iri)}</h1>
      <dl>
        <dt>${t('org.iri')}</dt><dd>${safeLink(o.iri)}</dd>
        ${o.oins.length ? html`<dt>OIN</dt><dd>${o.oins.join(', ')}</dd>` : ''}
        ${o.fscPeers.length ? html`<dt>${t('org.fscPeers')}</dt><dd>${o.fscPeers.map((p) => html`${p.name} (<code>${p.peerId}</code>, ${t('org.group')} <code>${p.groupId}</code>)<br>`)}</dd>` : ''}
        <dt>${t('org.datasets')}</dt><dd>${formatNumber(o.datasets)}</dd>
        <dt>${t('org.apis')}</dt><dd>${formatNumber(o.dataServices)}</dd>
        ${score ? html`<dt>${t('org.quality')}</dt><dd>${t('org.score', { score: formatNumber(score.score), datasets: score.datasets })}</dd>` : ''}
        ${o.sources.length ? html`<dt>${t('org.sources')}</dt><dd>${o.sources.map((s) => html`<a href=${`/owner/sources/${encodeURIComponent(s)}`}><code>${s}</code></a> `)}</dd>` : ''}
        ${o.sources.length ? html`<dt>${t('record.follow')}</dt><dd>${o.sources.map((s) => html`<a href=${`/v1/events.atom?source=${encodeURIComponent(s)}`}>${t('record.followAtom')} (${s})</a> `)}</dd>` : ''}
      </dl>
      <h2>${t('org.records')}</h2>
      ${records.total > records.hits.length ? html`<p><a href=${`/${urlFromState({ q: '', filters: { publisher: [o.iri] }, sort: '', page: 1 })}`}>${t('org.allRecords', { n: formatNumber(records.total) })}</a></p>` : ''}
      <fedcat-result-list .hits=${records.hits} .client=${this.client}></fedcat-result-list>`;
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-organisation': FedcatOrganisation } }
