import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ApiDescription } from '../api/types.js';
import { safeLink } from '../lib/safe-link.js';

const LIFECYCLE: Record<ApiDescription['lifecycle']['status'], string> = {
  active: 'actief', deprecated: 'verouderd (deprecated)', sunset: 'wordt uitgefaseerd', retired: 'uitgefaseerd',
};
const AUTH: Record<string, string> = {
  none: 'geen', api_key: 'API-sleutel', oauth2: 'OAuth 2', openid: 'OpenID Connect', bearer: 'bearer-token', basic: 'HTTP Basic',
  http: 'HTTP-authenticatie', mutual_tls: 'wederzijds TLS (PKIoverheid-certificaat)', unknown: 'onbekend',
};
const STATUS: Record<ApiDescription['status'], string> = { valid: 'geldig OpenAPI-document', invalid: 'geen geldig OpenAPI-document', unreachable: 'niet bereikbaar' };

/** A data service's API as fedcat found it: its OpenAPI description, lifecycle, authentication and the API Design Rules. */
@customElement('fedcat-api-description')
export class FedcatApiDescription extends LitElement {
  static override styles = css`
    :host { display: block; margin-top: 2rem; }
    h2 { color: #154273; font-size: 1.4rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .5rem 1.5rem; }
    dt { font-weight: 700; } dd { margin: 0; overflow-wrap: anywhere; }
    a { color: #01689b; } a:focus-visible, summary:focus-visible { outline: 3px solid #f9e11e; outline-offset: 2px; }
    .lifecycle { border-radius: 3px; padding: .1rem .5rem; background: #e5f0f9; color: #154273; }
    .lifecycle.deprecated, .lifecycle.sunset { background: #fff4c2; color: #5c4a00; }
    .lifecycle.retired { background: #f9dede; color: #8b0000; }
    table { border-collapse: collapse; margin-top: .5rem; }
    th, td { text-align: left; padding: .25rem .75rem .25rem 0; vertical-align: top; }
    summary { cursor: pointer; color: #01689b; }
  `;
  @property({ attribute: false }) api: ApiDescription | null = null;

  override render() {
    const a = this.api;
    if (!a) return html``;
    const failed = a.designRules.findings.filter((f) => !f.passed);
    return html`<section aria-labelledby="api">
      <h2 id="api">De API</h2>
      <dl>
        <dt>Beschrijving</dt><dd>${safeLink(a.descriptionUrl)} (${STATUS[a.status]}${a.openapiVersion ? html`, OpenAPI ${a.openapiVersion}` : ''})
          ${a.problem ? html`<br>${a.problem}` : ''}</dd>
        ${a.version ? html`<dt>Versie</dt><dd>${a.version}</dd>` : ''}
        ${a.status === 'unreachable' ? '' : html`<dt>Levensfase</dt><dd><span class="lifecycle ${a.lifecycle.status}">${LIFECYCLE[a.lifecycle.status]}</span>
          ${a.lifecycle.deprecated ? html` verouderd sinds ${a.lifecycle.deprecated}` : ''}${a.lifecycle.sunset ? html`, uitgefaseerd per ${a.lifecycle.sunset}` : ''}</dd>`}
        ${a.authTypes.length ? html`<dt>Authenticatie</dt><dd>${a.authTypes.map((t) => AUTH[t] ?? t).join(', ')}</dd>` : ''}
        ${a.servers.length ? html`<dt>Servers</dt><dd>${a.servers.map((s) => html`${safeLink(s.url)}${s.description ? ` (${s.description})` : ''}<br>`)}</dd>` : ''}
        ${a.docsUrl ? html`<dt>Documentatie</dt><dd>${safeLink(a.docsUrl)}</dd>` : ''}
        ${a.designRules.score !== null ? html`<dt>API-ontwerpregels</dt><dd>${a.designRules.score} van 100
          ${failed.length ? html` (${failed.length} van ${a.designRules.findings.length} regels niet gevolgd)` : ' (alle gecontroleerde regels gevolgd)'}</dd>` : ''}
      </dl>
      ${a.designRules.findings.length ? html`<details>
        <summary>Per ontwerpregel: wat fedcat vond</summary>
        <table>
          <thead><tr><th scope="col">Regel</th><th scope="col">Gevolgd</th><th scope="col">Bevinding</th></tr></thead>
          <tbody>${a.designRules.findings.map((f) => html`<tr><td><code>${f.rule}</code></td><td>${f.passed ? 'ja' : 'nee'}</td><td>${f.detail}</td></tr>`)}</tbody>
        </table>
      </details>` : ''}
    </section>`;
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-api-description': FedcatApiDescription } }
