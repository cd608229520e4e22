import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { SparqlResults } from '../api/types.js';
import type { SparqlAnswer } from '../api/client.js';
import { ApiElement } from '../lib/api-element.js';
import { formatNumber, t } from '../lib/i18n.js';
import { safeLink } from '../lib/safe-link.js';
import { baseStyles } from '../lib/styles.js';
import { toldView } from './technical-detail.js';
import { tellError } from '../lib/problem-text.js';

const PREFIXES = `PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dct: <http://purl.org/dc/terms/>
`;

/** Example queries the page offers, one per query form: what a first-time reader can run and change. */
const EXAMPLES = [
  { key: 'sparql.example.services', query: `${PREFIXES}
SELECT ?service ?title ?endpoint WHERE {
  ?service a dcat:DataService ; dct:title ?title .
  OPTIONAL { ?service dcat:endpointURL ?endpoint }
} ORDER BY ?title LIMIT 50` },
  { key: 'sparql.example.themes', query: `${PREFIXES}
SELECT ?theme (COUNT(DISTINCT ?dataset) AS ?datasets) WHERE {
  ?dataset a dcat:Dataset ; dcat:theme ?theme .
} GROUP BY ?theme ORDER BY DESC(?datasets)` },
  { key: 'sparql.example.construct', query: `${PREFIXES}
CONSTRUCT { ?service dct:title ?title ; dcat:endpointURL ?endpoint ; dct:publisher ?org }
WHERE { ?service a dcat:DataService ; dct:title ?title ; dct:publisher ?org . OPTIONAL { ?service dcat:endpointURL ?endpoint } }
LIMIT 100` },
  { key: 'sparql.example.describe', query: `DESCRIBE <https://data.dijkstad.example.nl/id/api/parkeren>` },
  { key: 'sparql.example.ask', query: `${PREFIXES}
ASK { ?service a dcat:DataService ; dct:accessRights <http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC> }` },
] as const;

/** What the lazily loaded editor element offers (`@rdfjs-elements/sparql-editor`). */
interface EditorElement extends HTMLElement { value: string; ready?: Promise<void> }

/**
 * CodeMirror 5 indents on Tab, which would trap keyboard users in the editor (WCAG 2.1.2): Tab and Shift+Tab are
 * kept from it (caught on the way down, before its input sees them), so they move focus as everywhere else.
 */
const tabMovesFocus = {
  capture: true,
  handleEvent(e: KeyboardEvent) {
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) e.stopPropagation();
  },
};

/**
 * SPARQL page: a SPARQL editor (`@rdfjs-elements/sparql-editor`, loaded only when this page opens, so the search
 * page never pays for it; see lib/sparql-editor.ts) over fedcat's read-only endpoint, with the results as a table. A plain text area works
 * until the editor has loaded, or if it cannot load.
 */
@customElement('fedcat-sparql')
export class FedcatSparql extends ApiElement {
  static override styles = [baseStyles, css`
    .field { display: flex; flex-direction: column; gap: .25rem; margin-bottom: 1rem; }
    textarea { min-height: 14rem; font-family: ui-monospace, monospace; font-size: .9rem; }
    fedcat-sparql-editor { display: block; border: 2px solid var(--fedcat-muted, #3d5374); border-radius: 4px; min-height: 14rem; background: #fff; color: #000; }
    .actions { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
    .actions label { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; max-width: 100%; }
    .actions select { max-width: 100%; }
    pre.graph { max-height: 30rem; overflow: auto; padding: .75rem; border: 1px solid var(--fedcat-border, #ccd2dc); white-space: pre-wrap; overflow-wrap: anywhere; }
  `];
  @state() private _editorLoaded = false;
  @state() private _busy = false;
  @state() private _answer: SparqlAnswer | null = null;
  /** Why the last query has no answer: stopped by the reader, or what it ran into. */
  @state() private _error: { readonly cancelled: true } | { readonly cause: unknown } | null = null;
  @state() private _query: string = EXAMPLES[0].query;
  /** The query whose answer is shown (what the download links fetch again). */
  private _answered = '';
  private _abort: AbortController | null = null;

  override connectedCallback() {
    super.connectedCallback();
    import('../lib/sparql-editor.js')
      .then(() => { this._editorLoaded = true; })
      .catch(() => { /* the text area stays */ });
  }

  override async updated(changed: Map<string, unknown>) {
    if (!changed.has('_editorLoaded') || !this._editorLoaded) return;
    const editor = this.renderRoot.querySelector<EditorElement>('fedcat-sparql-editor');
    if (!editor) return;
    await editor.ready;
    // CodeMirror's own input carries no name: give it the page's label.
    for (const el of editor.shadowRoot?.querySelectorAll('textarea') ?? []) el.setAttribute('aria-label', t('sparql.query'));

  }

  override render() {
    return html`<h1>${t('nav.query')}</h1>
      <p>${t('sparql.intro')} <code>/sparql</code>.</p>
      <div class="field">
        <label id="query-label" for="query">${t('sparql.query')}</label>
        ${this._editorLoaded
          ? html`<fedcat-sparql-editor id="query" aria-labelledby="query-label" .value=${this._query} @keydown=${tabMovesFocus}></fedcat-sparql-editor>`
          : html`<textarea id="query" spellcheck="false" .value=${this._query} @input=${(e: Event) => { this._query = (e.target as HTMLTextAreaElement).value; }}></textarea>`}
      </div>
      <div class="actions">
        <button @click=${this._run} ?disabled=${this._busy}>${this._busy ? t('sparql.running') : t('sparql.run')}</button>
        ${this._busy ? html`<button class="secondary" @click=${this._cancel}>${t('sparql.cancel')}</button>` : ''}
        <label>${t('sparql.examples')}
          <select @change=${this._example}>
            <option value="">${t('sparql.chooseExample')}</option>
            ${EXAMPLES.map((e, i) => html`<option value=${String(i)}>${t(e.key)}</option>`)}
          </select>
        </label>
      </div>
      <div aria-live="polite">
        ${this._error ? html`<p role="alert" class="error">${'cancelled' in this._error ? t('sparql.cancelled')
          : toldView(tellError(this._error.cause), (reason) => t('sparql.failed', { reason }))}</p>` : ''}
        ${this._answer ? this._shown(this._answer) : ''}
      </div>`;
  }

  private _currentQuery(): string {
    const editor = this.renderRoot.querySelector<EditorElement>('fedcat-sparql-editor');
    return editor ? editor.value : this._query;
  }

  private async _run() {
    this._query = this._currentQuery();
    this._abort?.abort();
    const abort = (this._abort = new AbortController());
    this._busy = true;
    this._error = null;
    try {
      this._answer = await this.client.sparql(this._query, abort.signal);
      this._answered = this._query;
    } catch (e) {
      this._answer = null;
      this._error = abort.signal.aborted ? { cancelled: true } : { cause: e };
    } finally {
      if (this._abort === abort) { this._busy = false; this._abort = null; }
    }
  }

  /** Stops waiting for a slow query (the request is aborted; the endpoint's own time limit ends the work). */
  private _cancel() {
    this._abort?.abort();
  }

  private _example(e: Event) {
    const select = e.target as HTMLSelectElement;
    const example = EXAMPLES[Number(select.value)];
    if (!select.value || !example) return;
    this._query = example.query;
    const editor = this.renderRoot.querySelector<EditorElement>('fedcat-sparql-editor');
    if (editor) editor.value = example.query;
  }

  private _downloads(formats: readonly (readonly [string, string])[]) {
    return html`<p>${t('sparql.download')}: ${formats.map(([format, label], i) => html`${i ? ' · ' : ''}<a
      href=${this.client.sparqlDownloadUrl(this._answered, format)} download>${label}</a>`)}</p>`;
  }

  private _shown(a: SparqlAnswer) {
    if (a.kind === 'graph') {
      return html`<p role="status">${t('sparql.graph')}</p>${this._downloads([['turtle', 'Turtle'], ['jsonld', 'JSON-LD'], ['rdfxml', 'RDF/XML']])}
        <pre class="graph">${a.turtle}</pre>`;
    }
    return html`${this._table(a.results)}${a.results.boolean === undefined ? this._downloads([['csv', 'CSV'], ['json', 'JSON']]) : ''}`;
  }

  private _table(r: SparqlResults) {
    if (r.boolean !== undefined) return html`<p role="status">${r.boolean ? t('app.yes') : t('app.no')}</p>`;
    const vars = r.head.vars ?? [];
    const rows = r.results?.bindings ?? [];
    return html`<p role="status">${t('sparql.rows', { n: formatNumber(rows.length) })}</p>
      <div class="table-scroll"><table>
        <thead><tr>${vars.map((v) => html`<th scope="col">?${v}</th>`)}</tr></thead>
        <tbody>${rows.map((b) => html`<tr>${vars.map((v) => {
          const term = b[v];
          if (!term) return html`<td></td>`;
          return html`<td>${term.type === 'uri' ? safeLink(term.value) : term.value}${term['xml:lang'] ? html` <span class="muted">@${term['xml:lang']}</span>` : ''}</td>`;
        })}</tr>`)}</tbody>
      </table></div>`;
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-sparql': FedcatSparql } }
