import { Task } from '@lit/task';
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiElement } from '../lib/api-element.js';
import { formatDateTime, formatNumber, t } from '../lib/i18n.js';
import { ownerToken, setOwnerToken } from '../lib/owner-token.js';
import { baseStyles } from '../lib/styles.js';
import { runStatus } from './run-status.js';
import { toldView } from './technical-detail.js';
import { tellError } from '../lib/problem-text.js';
import { scheduleText } from '../lib/schedule.js';
import { organisationPath } from '../lib/routes.js';
import { organisationName, organisationNames } from '../lib/organisation-names.js';

/** Data owners' start page: their API token (for "harvest now") and every source with its last run. */
@customElement('fedcat-owner-sources')
export class FedcatOwnerSources extends ApiElement {
  static override styles = [baseStyles, css`
    form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin-bottom: 1.5rem; }
    form label { display: flex; flex-direction: column; gap: .25rem; flex: 1 1 20rem; }
  `];
  @state() private _token = ownerToken();

  private _sources = new Task(this, {
    task: async ([client], { signal }) => {
      const [sources, names] = await Promise.all([client.sources(signal), organisationNames(client, signal)]);
      return { sources, names };
    },
    args: () => [this.client] as const,
  });

  override render() {
    return html`<h1>${t('owner.heading')}</h1>
      <p>${t('owner.intro')}</p>
      ${this._token
        ? html`<p role="status">${t('owner.tokenSet')} <button class="secondary" @click=${this._forget}>${t('owner.forget')}</button></p>`
        : html`<form @submit=${this._save}>
            <label>${t('owner.token')}<input id="token" name="token" type="password" autocomplete="off" required></label>
            <button type="submit">${t('owner.useToken')}</button>
          </form>`}
      <h2>${t('owner.sources')}</h2>
      ${this._sources.render({
        pending: () => html`<p role="status">${t('app.loading')}</p>`,
        error: (e) => html`<p role="alert" class="error">${toldView(tellError(e))}</p>`,
        complete: ({ sources, names }) => sources.length === 0 ? html`<p>${t('owner.none')}</p>` : html`<div class="table-scroll"><table>
          <thead><tr><th scope="col">${t('owner.source')}</th><th scope="col">${t('owner.org')}</th><th scope="col">${t('owner.schedule')}</th>
            <th scope="col">${t('owner.lastRun')}</th><th scope="col">${t('owner.records')}</th></tr></thead>
          <tbody>${sources.map((s) => html`<tr>
            <td><a href=${`/owner/sources/${encodeURIComponent(s.id)}`}>${s.id}</a>${s.paused ? html` <span class="badge">${t('owner.paused')}</span>` : ''}</td>
            <td>${s.org ? html`<a href=${organisationPath(s.org)}>${organisationName(s.org, names)}</a>` : '–'}</td>
            <td>${scheduleText(s.interval)}</td>
            <td>${s.running ? html`<strong>${t('owner.running')}</strong>` : s.lastRun ? html`${runStatus(s.lastRun.status)}, ${formatDateTime(s.lastRun.startedAt)}` : t('owner.never')}</td>
            <td>${s.lastSuccess?.stats ? formatNumber(s.lastSuccess.stats.datasets + s.lastSuccess.stats.dataServices) : '–'}</td>
          </tr>`)}</tbody>
        </table></div>`,
      })}`;
  }

  private _save(e: SubmitEvent) {
    e.preventDefault();
    const value = (this.renderRoot.querySelector('#token') as HTMLInputElement).value.trim();
    if (!value) return;
    setOwnerToken(value);
    this._token = value;
  }

  private _forget() {
    setOwnerToken(null);
    this._token = null;
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-owner-sources': FedcatOwnerSources } }
