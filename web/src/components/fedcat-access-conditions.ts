import { Task } from '@lit/task';
import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AccessConditions } from '../api/types.js';
import { ApiElement } from '../lib/api-element.js';
import { renderGiven } from '../lib/given-task.js';
import { t } from '../lib/i18n.js';
import { recordPath } from '../lib/routes.js';
import { safeLink } from '../lib/safe-link.js';
import { baseStyles } from '../lib/styles.js';
import { lastSegment, valueLabel } from '../lib/vocabulary-labels.js';
import { toldView } from './technical-detail.js';
import { tellError } from '../lib/problem-text.js';

/**
 * "How do I get access?": access rights, licence, legal basis, purpose, FSC connection steps, policy decision point,
 * contact. Reads `/v1/{kind}/{record-id}/access-conditions`, or shows the `conditions` it is given.
 */
/** An e-mail address as a mailto: link (the scheme is fedcat's, so a harvested value cannot make it another kind of link). */
function mailLink(email: string | null | undefined) {
  const address = email?.replace(/^mailto:/i, '').trim();
  return address && /^[^\s@?#/]+@[^\s@?#/]+$/.test(address) ? html`<a href=${`mailto:${address}`}>${address}</a>` : (address ?? '');
}

/** A PDP metadata check's status, in the UI language. */
function checkStatus(status: string): string {
  switch (status) {
    case 'valid': return t('access.checked');
    case 'invalid': return t('access.check.invalid');
    case 'unreachable': return t('access.check.unreachable');
    default: return t('access.check.unchecked');
  }
}

@customElement('fedcat-access-conditions')
export class FedcatAccessConditions extends ApiElement {
  static override styles = [baseStyles, css`
    :host { margin-top: 2rem; }
    ol { padding-left: 1.25rem; }
    /* Manager addresses and PDP URLs are long words: they wrap rather than widen a phone's page. */
    li, dd { overflow-wrap: anywhere; }
  `];
  @property() kind: 'datasets' | 'dataservices' = 'dataservices';
  @property({ attribute: 'record-id' }) recordId = '';
  /** Access conditions already read (the record page has them); no request is made then. */
  @property({ attribute: false }) conditions: AccessConditions | null = null;
  /** Names the publisher gives values (its own licence documents' titles), IRI → name. */
  @property({ attribute: false }) names: Readonly<Record<string, string>> = {};

  private _conditions = new Task(this, {
    task: ([client, kind, id, given], { signal }) => (given ? Promise.resolve(given) : id ? client.accessConditions(kind, id, signal) : Promise.resolve(null)),
    args: () => [this.client, this.kind, this.recordId, this.conditions] as const,
  });

  private _list(values: readonly string[] | undefined) {
    return values?.map((v, i) => html`${i ? ', ' : ''}${safeLink(v, valueLabel(v, this.names))}`);
  }

  override render() {
    return renderGiven(this._conditions, this.conditions ?? undefined, {
      pending: () => html``,
      error: (e) => html`<p class="error">${toldView(tellError(e), (reason) => t('access.failed', { reason }))}</p>`,
      complete: (c) => (c ? this._panel(c) : html``),
    });
  }

  private _panel(c: AccessConditions) {
    const access = c.accessRights ? lastSegment(c.accessRights) : null;
    return html`<section aria-labelledby="access">
      <h2 id="access">${t('access.heading')}</h2>
      <dl>
        ${c.accessRights ? html`<dt>${t('field.accessRights')}</dt><dd>${access === 'PUBLIC' ? t('access.public') : access === 'RESTRICTED' ? t('access.restricted') : access === 'NON_PUBLIC' ? t('access.nonPublic') : valueLabel(c.accessRights)}</dd>` : ''}
        ${c.licenses?.length ? html`<dt>${t('field.license')}</dt><dd>${c.licenses.map((l) => html`${safeLink(l, valueLabel(l, this.names))}<br>`)}</dd>` : ''}
        ${c.rights?.length ? html`<dt>${t('access.rights')}</dt><dd>${c.rights.map((r) => html`${r.uri ? safeLink(r.uri, r.label ?? r.uri) : r.label}<br>`)}</dd>` : ''}
        ${c.applicableLegislation?.length ? html`<dt>${t('access.legislation')}</dt><dd>${this._list(c.applicableLegislation)}</dd>` : ''}
        ${c.legalBasis?.length ? html`<dt>${t('access.legalBasis')}</dt><dd>${this._list(c.legalBasis)}</dd>` : ''}
        ${c.purposes?.length ? html`<dt>${t('access.purpose')}</dt><dd>${this._list(c.purposes)}</dd>` : ''}
        ${c.processingActivities?.length ? html`<dt>${t('access.processing')}</dt><dd>${c.processingActivities.map((p) => html`${safeLink(p)}<br>`)}</dd>` : ''}
        ${c.policies?.length ? html`<dt>${t('access.policies')}</dt><dd>${c.policies.map((p) => html`${safeLink(p)}<br>`)}</dd>` : ''}
        ${c.contact ? html`<dt>${t('access.contact')}</dt><dd>${c.contact.name ?? ''} ${mailLink(c.contact.email)} ${c.contact.url ? safeLink(c.contact.url) : ''}</dd>` : ''}
        ${c.publisher?.name ? html`<dt>${t('field.publisher')}</dt><dd>${c.publisher.name}</dd>` : ''}
      </dl>
      ${(c.connectivity?.fsc ?? []).map((f) => html`<h3>${t('access.fsc')}</h3>
        <ol>
          <li>${t('access.fsc.join', { group: f.groupId })}</li>
          <li>${t('access.fsc.contract', { service: f.serviceName, peer: f.peerId })}${f.providerManagerAddress ? html` ${t('access.fsc.manager')} ${safeLink(f.providerManagerAddress)}` : ''}.</li>
          ${f.regulatedArea ? html`<li>${t('access.fsc.area', { area: f.regulatedArea })}${f.membershipAdministrator ? ` ${t('access.fsc.administrator', { peer: f.membershipAdministrator })}` : ''}.</li>` : ''}
          <li>${t('access.fsc.token')} ${f.publishedInDirectory ? t('access.fsc.listed') : t('access.fsc.unlisted')}</li>
        </ol>`)}
      ${(c.authorization ?? []).map((a) => html`<h3>${t('access.authzen')}</h3>
        <dl>
          ${a.profile ? html`<dt>${t('access.profile')}</dt><dd>${a.profile}</dd>` : ''}
          ${a.metadata?.policy_decision_point ? html`<dt>${t('access.pdp')}</dt><dd>${safeLink(a.metadata.policy_decision_point)}</dd>` : ''}
          ${a.metadataUrl ? html`<dt>${t('access.metadata')}</dt><dd>${safeLink(a.metadataUrl)} (${checkStatus(a.check.status)})</dd>` : ''}
          ${a.requiredActionProperties?.length ? html`<dt>${t('access.required', { where: 'action.properties' })}</dt><dd>${a.requiredActionProperties.join(', ')}</dd>` : ''}
          ${a.requiredSubjectProperties?.length ? html`<dt>${t('access.required', { where: 'subject.properties' })}</dt><dd>${a.requiredSubjectProperties.join(', ')}</dd>` : ''}
          ${a.requiredContext?.length ? html`<dt>${t('access.required', { where: 'context' })}</dt><dd>${a.requiredContext.join(', ')}</dd>` : ''}
        </dl>`)}
      ${(c.distributions ?? []).filter((d) => d.accessServices?.length).map((d) => html`<p>${d.title ?? t('dist.one')} ${t('dist.via')}
        ${d.accessServices!.map((s) => html`<a href=${this.client.pageUrl(recordPath('DataService', s.id))}>${s.title ?? s.iri}</a> `)}</p>`)}
    </section>`;
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-access-conditions': FedcatAccessConditions } }
