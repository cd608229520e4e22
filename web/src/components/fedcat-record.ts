import { Task } from '@lit/task';
import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AccessConditions, CatalogueRecordDetail, RecordQuality } from '../api/types.js';
import { ApiElement } from '../lib/api-element.js';
import { renderGiven } from '../lib/given-task.js';
import { loadRecord } from '../lib/page-data.js';
import type { PageData } from '../lib/preload.js';
import { formatDateTime, t } from '../lib/i18n.js';
import { organisationPath, recordPath } from '../lib/routes.js';
import { safeLink } from '../lib/safe-link.js';
import { tryOffered } from '../lib/try-offered.js';
import { baseStyles } from '../lib/styles.js';
import { lastSegment, valueLabel } from '../lib/vocabulary-labels.js';
import { fieldLabel, typeLabel } from './record-labels.js';
import './fedcat-access-conditions.js';
import './fedcat-api-description.js';
import './fedcat-distributions.js';
import './fedcat-quality.js';
import { toldView } from './technical-detail.js';
import { tellError } from '../lib/problem-text.js';

/** "identifier PZ-1" or "landing page https://…" for a shared match key. */
function sharedKeyLabel(key: string): string {
  const [kind, ...rest] = key.split(':');
  return `${kind === 'landingPage' ? t('record.landingPage') : t('record.identifier')} ${rest.join(':')}`;
}

/**
 * A dataset or API page from `/v1/{kind}/{id}` and its access conditions: description, facts, landing page,
 * distributions, the API (OpenAPI summary, lifecycle, design rules), how to get access, quality and provenance.
 * @fires fedcat-page-title - detail: { title } once a record is shown (the app puts it in the window's title)
 */
/** The RDF syntaxes a record's metadata downloads as. */
const DOWNLOADS = [['turtle', 'Turtle'], ['jsonld', 'JSON-LD'], ['rdfxml', 'RDF/XML']] as const;

@customElement('fedcat-record')
export class FedcatRecord extends ApiElement {
  static override styles = [baseStyles, css`
    p.description { white-space: pre-line; max-width: 70ch; overflow-wrap: anywhere; }
  `];
  @property() kind: 'datasets' | 'dataservices' = 'datasets';
  @property({ attribute: 'record-id' }) recordId = '';
  /** Hide the "back to search" link (an embedded record has no search to go back to). */
  @property({ type: Boolean, attribute: 'no-back' }) noBack = false;
  /** The record as a server-rendered page holds it; no request is made for it then. */
  @property({ attribute: false }) given: Extract<PageData, { page: 'record' }> | undefined;

  private _record = new Task(this, {
    task: async ([client, kind, id, given], { signal }) => {
      return given ?? loadRecord(client, kind, id, signal);
    },
    args: () => [this.client, this.kind, this.recordId, this.given] as const,
  });

  /** The try-it console: not loaded, loading (its chunk), or open. */
  @state() private _consoleState: 'closed' | 'loading' | 'open' = 'closed';
  /** The record whose title the page was last told (the app puts it in the window's title). */
  private _titled: string | null = null;

  override updated() {
    const record = this._record.value?.record ?? this.given?.record;
    if (!record || record.id === this._titled) return;
    this._titled = record.id;
    this.dispatchEvent(new CustomEvent('fedcat-page-title', { detail: { title: record.title || record.iri }, bubbles: true, composed: true }));
  }

  override render() {
    return renderGiven(this._record, this.given, {
      pending: () => html`<p role="status">${t('app.loading')}</p>`,
      error: (e) => html`<p role="alert" class="error">${toldView(tellError(e), (reason) => t('record.failed', { reason }))}</p>${this.noBack ? '' : html`<p><a href="/">${t('app.toSearch')}</a></p>`}`,
      complete: ({ record, conditions, quality }) => this._page(record, conditions, quality),
    });
  }

  private _page(d: CatalogueRecordDetail, c: AccessConditions | null, quality: RecordQuality | null | undefined) {
    const link = (path: string) => this.client.pageUrl(path);
    return html`
      ${this.noBack ? '' : html`<p><a href="/" @click=${this._back}>← ${t('record.back')}</a></p>`}
      <span class="badge">${typeLabel(d.type)}</span>
      <h1>${d.title || t('record.untitled')}</h1>
      <p class="description">${d.description}</p>
      <dl>
        <dt>${fieldLabel('publisher')}</dt><dd>${d.publisher
          ? html`<a href=${link(organisationPath(d.publisher))}>${d.publisherName ?? lastSegment(d.publisher)}</a>` : t('record.unknown')}</dd>
        ${d.themes.length ? html`<dt>${fieldLabel('theme')}</dt><dd>${d.themes.map((v) => valueLabel(v)).join(', ')}</dd>` : ''}
        ${d.accessRights.length ? html`<dt>${fieldLabel('accessRights')}</dt><dd>${d.accessRights.map((v) => valueLabel(v)).join(', ')}</dd>` : ''}
        ${d.licenses.length ? html`<dt>${fieldLabel('license')}</dt><dd>${d.licenses.map((l, i) => html`${i ? ', ' : ''}${safeLink(l, valueLabel(l, d.valueLabels))}`)}</dd>` : ''}
        ${d.formats.length ? html`<dt>${fieldLabel('format')}</dt><dd>${d.formats.map((v) => valueLabel(v)).join(', ')}</dd>` : ''}
        ${c?.resource.landingPages?.length ? html`<dt>${t('record.landingPage')}</dt><dd>${c.resource.landingPages.map((u) => html`${safeLink(u)} `)}</dd>` : ''}
        ${d.endpointUrls.length ? html`<dt>${t('record.endpoint')}</dt><dd>${d.endpointUrls.map((u) => html`${safeLink(u)} `)}</dd>` : ''}
        ${d.keywords.length ? html`<dt>${t('record.keywords')}</dt><dd>${d.keywords.join(', ')}</dd>` : ''}
        ${d.modified ? html`<dt>${t('record.modified')}</dt><dd>${d.modified}</dd>` : ''}
        <dt>${t('record.identifier')}</dt><dd>${safeLink(d.iri)}</dd>
      </dl>
      ${d.type === 'Dataset' && c?.distributions?.length ? html`<fedcat-distributions .distributions=${c.distributions} .client=${this.client} .names=${d.valueLabels ?? {}}></fedcat-distributions>` : ''}
      ${d.type === 'DataService' ? html`<fedcat-api-description .api=${d.api ?? null} record-id=${d.iri.startsWith('_:') ? '' : d.id} .base=${this.client.pageUrl('/').replace(/\/$/, '')}></fedcat-api-description>` : ''}
      ${d.type === 'DataService' && d.api?.status === 'valid' ? this._console(d) : ''}
      ${d.servesDatasets?.length ? html`<section aria-labelledby="serves">
        <h2 id="serves">${t('record.servesDatasets')}</h2>
        <ul>${d.servesDatasets.map((s) => html`<li>${s.id ? html`<a href=${link(recordPath('Dataset', s.id))}>${s.title || s.iri}</a>` : safeLink(s.iri)}</li>`)}</ul>
      </section>` : ''}
      ${c ? html`<fedcat-access-conditions .conditions=${c} .names=${d.valueLabels ?? {}} api=${this.api}></fedcat-access-conditions>` : ''}
      ${d.type === 'Dataset' ? html`<fedcat-quality record-id=${d.id} api=${this.api} .given=${quality}></fedcat-quality>` : ''}
      <section aria-labelledby="provenance">
        <h2 id="provenance">${t('record.provenance')}</h2>
        <p>${t('record.harvestedFrom')} <a href=${link(`/owner/sources/${encodeURIComponent(d.source)}`)}><code>${d.source}</code></a>,
          ${formatDateTime(d.harvestedAt)}.</p>
        <p>${t('record.follow')} <a href=${this.client.pageUrl(`/v1/events.atom?source=${encodeURIComponent(d.source)}`)}>${t('record.followAtom')}</a>
          (${t('record.followPull')} <a href=${this.client.pageUrl('/v1/events')}><code>/v1/events</code></a>).</p>
        ${d.iri.startsWith('_:') ? '' : html`<p>${t('record.download')}: ${DOWNLOADS.map(([format, label], i) => html`${i ? ' · ' : ''}<a
          href=${this.client.pageUrl(`/v1/${d.type === 'Dataset' ? 'datasets' : 'dataservices'}/${d.id}?format=${format}`)} download>${label}</a>`)}</p>`}
      </section>
      ${d.possibleDuplicates.length ? html`<section aria-labelledby="dups">
        <h2 id="dups">${t('record.duplicates')}</h2>
        <ul>${d.possibleDuplicates.map((p) => html`<li>
          <a href=${link(recordPath(p.type, p.id))}>${p.title || p.iri}</a>
          (${t('record.source')} <code>${p.source}</code>${p.publisherName ? html`, ${p.publisherName}` : ''}): ${t('record.same')} ${p.sharedKeys.map(sharedKeyLabel).join(', ')}
        </li>`)}</ul>
      </section>` : ''}`;
  }

  /** "Probeer de API": the console (its own chunk, loaded when opened) for an API that may be tried, else why not. */
  private _console(d: CatalogueRecordDetail) {
    if (!tryOffered(d.accessRights, d.api?.authTypes, d.tryIt)) {
      return html`<section aria-labelledby="try"><h2 id="try">${t('console.heading')}</h2><p>${t(d.tryIt?.on === false ? 'console.switchedOff' : 'console.notOffered')}</p></section>`;
    }
    return html`<section aria-labelledby="try"><h2 id="try">${t('console.heading')}</h2>
      ${this._consoleState === 'open' ? html`<fedcat-api-console record-id=${d.id} api=${this.api} .methods=${d.tryIt?.methods ?? []}></fedcat-api-console>`
        : html`<button class="secondary" ?disabled=${this._consoleState === 'loading'} @click=${this._openConsole}>${t('console.open')}</button>`}
    </section>`;
  }

  private async _openConsole() {
    this._consoleState = 'loading';
    await import('./fedcat-api-console.js');
    this._consoleState = 'open';
  }

  private _back(e: Event) {
    if (history.length > 1) {
      e.preventDefault();
      history.back();
    }
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-record': FedcatRecord } }
