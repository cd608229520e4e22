import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ApiDescription } from '../api/types.js';
import { I18nElement } from '../lib/i18n-element.js';
import { inLang, t } from '../lib/i18n.js';
import type { MessageKey } from '../lib/messages.js';
import { safeLink } from '../lib/safe-link.js';
import { baseStyles } from '../lib/styles.js';
import { toldView } from './technical-detail.js';

const AUTH: Record<string, MessageKey> = {
  none: 'auth.none', api_key: 'auth.apiKey', oauth2: 'auth.oauth2', openid: 'auth.openid', bearer: 'auth.bearer', basic: 'auth.basic',
  http: 'auth.http', mutual_tls: 'auth.mtls', unknown: 'auth.unknown',
};

/** A data service's API as fedcat found it: its OpenAPI description, lifecycle, authentication and the API Design Rules. */
@customElement('fedcat-api-description')
export class FedcatApiDescription extends I18nElement {
  static override styles = [baseStyles, css`
    .lifecycle { border-radius: 4px; padding: .1rem .5rem; background: var(--fedcat-positive-bg, #f2fcf4); color: var(--fedcat-positive, #105f26); }
    .lifecycle.deprecated, .lifecycle.sunset { background: var(--fedcat-warning-bg, #fff8f3); color: var(--fedcat-warning, #863d15); }
    .lifecycle.retired { background: var(--fedcat-negative-bg, #fff8f8); color: var(--fedcat-negative, #a01d23); }
  `];
  @property({ attribute: false }) api: ApiDescription | null = null;
  /** The data service's record id: the page offers its OpenAPI document and a Postman collection as downloads. */
  @property({ attribute: 'record-id' }) recordId = '';
  /** Where downloads come from (the fedcat the page reads). */
  @property({ attribute: false }) base = '';

  /** What went wrong with the description, in the reader's language (the harvester's own words are technical). */
  private _problem(a: ApiDescription): string {
    if (a.status === 'invalid') return t('api.invalidDocument');
    return a.httpStatus > 0 ? t('api.fetchStatus', { status: a.httpStatus }) : t('api.fetchFailed');
  }

  private _downloads() {
    const at = (path: string) => `${this.base}/v1/dataservices/${encodeURIComponent(this.recordId)}/${path}`;
    return html`<a href=${at('openapi')} download=${`${this.recordId}-openapi.json`}>OpenAPI (JSON)</a> ·
      <a href=${at('openapi?format=yaml')} download>OpenAPI (YAML)</a> · <a href=${at('postman')} download>${t('api.postman')}</a>`;
  }

  override render() {
    const a = this.api;
    if (!a) return html``;
    const failed = a.designRules.findings.filter((f) => !f.passed);
    const status = a.status === 'valid' ? t('api.valid') : a.status === 'invalid' ? t('api.invalid') : t('api.unreachable');
    return html`<section aria-labelledby="api">
      <h2 id="api">${t('api.heading')}</h2>
      <dl>
        <dt>${t('api.description')}</dt><dd>${safeLink(a.descriptionUrl)} (${status}${a.openapiVersion ? html`, OpenAPI ${a.openapiVersion}` : ''})
          ${a.problem ? html`<br>${toldView({ text: this._problem(a), technical: a.problem })}` : ''}</dd>
        ${a.title ? html`<dt>${t('api.title')}</dt><dd>${a.title}</dd>` : ''}
        ${a.version ? html`<dt>${t('api.version')}</dt><dd>${a.version}</dd>` : ''}
        ${!a.lifecycle ? '' : html`<dt>${t('api.lifecycle')}</dt><dd><span class="lifecycle ${a.lifecycle.status}">${t(`lifecycle.${a.lifecycle.status}`)}</span>
          ${a.lifecycle.deprecated ? html` ${t('api.deprecatedSince', { date: a.lifecycle.deprecated })}` : ''}${a.lifecycle.sunset ? html`, ${t('api.sunsetOn', { date: a.lifecycle.sunset })}` : ''}</dd>`}
        ${a.authTypes.length ? html`<dt>${t('api.auth')}</dt><dd>${a.authTypes.map((x) => (AUTH[x] ? t(AUTH[x]) : x)).join(', ')}</dd>` : ''}
        ${a.servers.length ? html`<dt>${t('api.servers')}</dt><dd>${a.servers.map((s) => html`${safeLink(s.url)}${s.description ? ` (${s.description})` : ''}<br>`)}</dd>` : ''}
        ${a.docsUrl ? html`<dt>${t('api.docs')}</dt><dd>${safeLink(a.docsUrl)}</dd>` : ''}
        ${a.status === 'valid' && this.recordId ? html`<dt>${t('api.downloads')}</dt><dd>${this._downloads()}</dd>` : ''}
        ${a.designRules.score !== null ? html`<dt>${t('api.rules')}</dt><dd>${t('api.score', { score: a.designRules.score })}
          ${failed.length ? t('api.rulesFailed', { failed: failed.length, all: a.designRules.findings.length }) : t('api.rulesPassed')}</dd>` : ''}
      </dl>
      ${a.designRules.findings.length ? html`<details>
        <summary>${t('api.perRule')}</summary>
        <div class="table-scroll"><table>
          <thead><tr><th scope="col">${t('api.rule')}</th><th scope="col">${t('api.followed')}</th><th scope="col">${t('api.finding')}</th></tr></thead>
          <tbody>${a.designRules.findings.map((f) => html`<tr><td><code>${f.rule}</code></td><td>${f.passed ? t('app.yes') : t('app.no')}</td><td>${inLang(f.text)}</td></tr>`)}</tbody>
        </table></div>
      </details>` : ''}
    </section>`;
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-api-description': FedcatApiDescription } }
