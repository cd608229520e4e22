import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CatalogueApi } from '../api/client.js';
import { apiContext } from '../context.js';
import { lastSegment } from '../lib/labels.js';
import { safeLink } from '../lib/safe-link.js';

const ACCESS: Record<string, string> = { PUBLIC: 'openbaar', RESTRICTED: 'beperkt toegankelijk', NON_PUBLIC: 'niet openbaar' };

/** "How do I get access?": access rights, licence, legal basis, purpose, FSC connection steps, policy decision point, contact. */
@customElement('fedcat-access-conditions')
export class FedcatAccessConditions extends LitElement {
  static override styles = css`
    :host { display: block; margin-top: 2rem; }
    h2 { color: #154273; font-size: 1.4rem; } h3 { font-size: 1.1rem; margin-bottom: .25rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .5rem 1.5rem; }
    dt { font-weight: 700; } dd { margin: 0; overflow-wrap: anywhere; }
    a { color: #01689b; } a:focus-visible { outline: 3px solid #f9e11e; outline-offset: 2px; }
    ol { padding-left: 1.25rem; line-height: 1.5; }
  `;
  @consume({ context: apiContext }) private _api!: CatalogueApi;
  @property() kind: 'datasets' | 'dataservices' = 'dataservices';
  @property({ attribute: 'record-id' }) recordId = '';

  private _conditions = new Task(this, {
    task: ([kind, id], { signal }) => this._api.accessConditions(kind, id, signal),
    args: () => [this.kind, this.recordId] as const,
  });

  private _list(values: readonly string[] | undefined) {
    return values?.map((v, i) => html`${i ? ', ' : ''}${safeLink(v, lastSegment(v))}`);
  }

  override render() {
    return this._conditions.render({
      pending: () => html``,
      error: () => html``,
      complete: (c) => html`<section aria-labelledby="access">
        <h2 id="access">Hoe krijg ik toegang?</h2>
        <dl>
          ${c.accessRights ? html`<dt>Toegang</dt><dd>${ACCESS[lastSegment(c.accessRights)] ?? lastSegment(c.accessRights)}</dd>` : ''}
          ${c.licenses?.length ? html`<dt>Licentie</dt><dd>${c.licenses.map((l) => html`${safeLink(l)}<br>`)}</dd>` : ''}
          ${c.rights?.length ? html`<dt>Rechten</dt><dd>${c.rights.map((r) => html`${r.uri ? safeLink(r.uri, r.label ?? r.uri) : r.label}<br>`)}</dd>` : ''}
          ${c.applicableLegislation?.length ? html`<dt>Wetgeving</dt><dd>${this._list(c.applicableLegislation)}</dd>` : ''}
          ${c.legalBasis?.length ? html`<dt>Grondslag</dt><dd>${this._list(c.legalBasis)}</dd>` : ''}
          ${c.purposes?.length ? html`<dt>Doel</dt><dd>${this._list(c.purposes)}</dd>` : ''}
          ${c.processingActivities?.length ? html`<dt>Verwerkingsactiviteit</dt><dd>${c.processingActivities.map((p) => html`${safeLink(p)}<br>`)}</dd>` : ''}
          ${c.policies?.length ? html`<dt>Beleid (ODRL)</dt><dd>${c.policies.map((p) => html`${safeLink(p)}<br>`)}</dd>` : ''}
          ${c.contact ? html`<dt>Contact</dt><dd>${c.contact.name ?? ''} ${c.contact.email ? safeLink(`mailto:${c.contact.email}`, c.contact.email) : ''}
            ${c.contact.url ? safeLink(c.contact.url) : ''}</dd>` : ''}
        </dl>
        ${(c.connectivity?.fsc ?? []).map((f) => html`<h3>Aansluiten via FSC</h3>
          <ol>
            <li>Sluit aan op FSC-groep <code>${f.groupId}</code> met een PKIoverheid-certificaat van uw organisatie.</li>
            <li>Vraag een contract met een <em>ServiceConnectionGrant</em> aan voor dienst <code>${f.serviceName}</code> van peer <code>${f.peerId}</code>${f.providerManagerAddress ? html` bij de Manager ${f.providerManagerAddress}` : ''}.</li>
            ${f.regulatedArea ? html`<li>U moet lid zijn van het gereguleerde gebied <code>${f.regulatedArea}</code>${f.membershipAdministrator ? html` (beheerder: peer <code>${f.membershipAdministrator}</code>)` : ''}.</li>` : ''}
            <li>Na akkoord haalt uw Outway een toegangstoken bij de Manager van de aanbieder; ${f.publishedInDirectory ? 'de dienst staat in de FSC Directory.' : 'let op: fedcat vond de dienst niet in een geoogste FSC Directory.'}</li>
          </ol>`)}
        ${(c.authorization ?? []).map((a) => html`<h3>Autorisatie per verzoek (AuthZEN)</h3>
          <dl>
            ${a.profile ? html`<dt>Profiel</dt><dd>${a.profile}</dd>` : ''}
            ${a.metadata?.policy_decision_point ? html`<dt>Beslispunt (PDP)</dt><dd>${safeLink(a.metadata.policy_decision_point)}</dd>` : ''}
            ${a.metadataUrl ? html`<dt>Metadata</dt><dd>${safeLink(a.metadataUrl)} (${a.check.status === 'valid' ? 'gecontroleerd' : a.check.status})</dd>` : ''}
            ${a.requiredActionProperties?.length ? html`<dt>Verplicht in action.properties</dt><dd>${a.requiredActionProperties.join(', ')}</dd>` : ''}
            ${a.requiredSubjectProperties?.length ? html`<dt>Verplicht in subject.properties</dt><dd>${a.requiredSubjectProperties.join(', ')}</dd>` : ''}
            ${a.requiredContext?.length ? html`<dt>Verplicht in context</dt><dd>${a.requiredContext.join(', ')}</dd>` : ''}
          </dl>`)}
        ${(c.distributions ?? []).filter((d) => d.accessServices?.length).map((d) => html`<p>${d.title ?? 'Distributie'} via
          ${d.accessServices!.map((s) => html`<a href="/dataservices/${s.id}">${s.title ?? s.iri}</a> `)}</p>`)}
      </section>`,
    });
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-access-conditions': FedcatAccessConditions } }
