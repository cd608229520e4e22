import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CatalogueApi } from '../api/client.js';
import { apiContext } from '../context.js';
import { FIELD_LABELS, TYPE_LABELS, lastSegment } from '../lib/labels.js';
import { safeLink } from '../lib/safe-link.js';
import './fedcat-access-conditions.js';
import './fedcat-api-description.js';
import './fedcat-quality.js';

/** A dataset or API page: description, facts, endpoints and provenance, from `/v1/{kind}/{id}`. */
/** "identificatie PZ-1" or "landingspagina https://…" for a shared match key. */
function sharedKeyLabel(key: string): string {
  const [kind, ...rest] = key.split(':');
  return `${kind === 'landingPage' ? 'landingspagina' : 'identificatie'} ${rest.join(':')}`;
}

@customElement('fedcat-record')
export class FedcatRecord extends LitElement {
  static override styles = css`
    :host { display: block; }
    h1 { color: #154273; margin: .25rem 0 1rem; font-size: 2rem; }
    .badge { background: #e5f0f9; color: #154273; border-radius: 3px; padding: .1rem .5rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .5rem 1.5rem; }
    dt { font-weight: 700; } dd { margin: 0; overflow-wrap: anywhere; }
    a { color: #01689b; } a:focus-visible { outline: 3px solid #f9e11e; outline-offset: 2px; }
    p.description { white-space: pre-line; line-height: 1.5; max-width: 70ch; }
  `;
  @consume({ context: apiContext }) private _api!: CatalogueApi;
  @property() kind: 'datasets' | 'dataservices' = 'datasets';
  @property({ attribute: 'record-id' }) recordId = '';

  private _record = new Task(this, {
    task: ([kind, id], { signal }) => this._api.record(kind, id, signal),
    args: () => [this.kind, this.recordId] as const,
  });

  override render() {
    return this._record.render({
      pending: () => html`<p>Laden…</p>`,
      error: (e) => html`<p role="alert">Deze pagina kon niet worden geladen: ${(e as Error).message}</p><p><a href="/">Terug naar zoeken</a></p>`,
      complete: (d) => html`
        <p><a href="/" @click=${this._back}>← Terug naar zoekresultaten</a></p>
        <span class="badge">${TYPE_LABELS[d.type]}</span>
        <h1>${d.title || '(zonder titel)'}</h1>
        <p class="description">${d.description}</p>
        <dl>
          <dt>${FIELD_LABELS.publisher}</dt><dd>${d.publisherName ?? (d.publisher ? lastSegment(d.publisher) : 'onbekend')}</dd>
          ${d.themes.length ? html`<dt>${FIELD_LABELS.theme}</dt><dd>${d.themes.map(lastSegment).join(', ')}</dd>` : ''}
          ${d.accessRights.length ? html`<dt>${FIELD_LABELS.accessRights}</dt><dd>${d.accessRights.map(lastSegment).join(', ')}</dd>` : ''}
          ${d.licenses.length ? html`<dt>${FIELD_LABELS.license}</dt><dd>${d.licenses.map((l) => html`${safeLink(l)} `)}</dd>` : ''}
          ${d.formats.length ? html`<dt>${FIELD_LABELS.format}</dt><dd>${d.formats.map(lastSegment).join(', ')}</dd>` : ''}
          ${d.endpointUrls.length ? html`<dt>Endpoint</dt><dd>${d.endpointUrls.map((u) => html`${safeLink(u)} `)}</dd>` : ''}
          ${d.keywords.length ? html`<dt>Trefwoorden</dt><dd>${d.keywords.join(', ')}</dd>` : ''}
          ${d.modified ? html`<dt>Gewijzigd</dt><dd>${d.modified}</dd>` : ''}
          <dt>Identificatie</dt><dd>${safeLink(d.iri)}</dd>
          <dt>Herkomst</dt><dd>bron <code>${d.source}</code>, geoogst ${new Date(d.harvestedAt).toLocaleString('nl-NL')}</dd>
        </dl>
        ${d.type === 'DataService' ? html`<fedcat-api-description .api=${d.api ?? null}></fedcat-api-description>` : ''}
        ${d.accessConditions ? html`<fedcat-access-conditions kind=${this.kind} record-id=${d.id}></fedcat-access-conditions>` : ''}
        ${d.type === 'Dataset' ? html`<fedcat-quality record-id=${d.id}></fedcat-quality>` : ''}
        ${d.possibleDuplicates.length ? html`<section aria-labelledby="dups">
          <h2 id="dups">Mogelijk dezelfde gegevens in andere bronnen</h2>
          <ul>${d.possibleDuplicates.map((p) => html`<li>
            <a href="/${p.type === 'DataService' ? 'dataservices' : 'datasets'}/${p.id}">${p.title || p.iri}</a>
            (bron <code>${p.source}</code>${p.publisherName ? html`, ${p.publisherName}` : ''}): zelfde ${p.sharedKeys.map(sharedKeyLabel).join(', ')}
          </li>`)}</ul>
        </section>` : ''}`,
    });
  }

  private _back(e: Event) {
    if (history.length > 1) {
      e.preventDefault();
      history.back();
    }
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-record': FedcatRecord } }
