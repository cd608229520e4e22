import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { TryAnswer } from '../api/types.js';
import { ApiElement } from '../lib/api-element.js';
import { t } from '../lib/i18n.js';
import { apiKeyHeader, consoleGroups, operationUrl, type ConsoleOperation } from '../lib/openapi-operations.js';
import { tellError } from '../lib/problem-text.js';
import { baseStyles } from '../lib/styles.js';
import { toldView } from './technical-detail.js';

/** The answer shown under an operation: what the API answered, or why fedcat did not send it. */
type Shown = ({ readonly answer: TryAnswer } | { readonly failure: unknown }) & { readonly curl: string };

/** A shell-quoted word for a curl command line. */
const quoted = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The request as a curl command to copy (an API key as a placeholder: the reader's key is not written out). */
function curlOf(method: string, url: string, headers: Readonly<Record<string, string>>, keyHeader: string | null, body?: string): string {
  const flags = Object.entries(headers).map(([k, v]) => `-H ${quoted(`${k}: ${keyHeader && k === keyHeader.toLowerCase() ? '<API-sleutel>' : v}`)}`);
  return ['curl', ...(method === 'GET' ? [] : [method === 'HEAD' ? '-I' : `-X ${method}`]), ...flags, ...(body !== undefined ? [`--data ${quoted(body)}`] : []), quoted(url)].join(' ');
}

/** An answer's body for reading: JSON pretty-printed, other text as it came, binary as its size. */
function readable(a: TryAnswer): string {
  if (a.bodyEncoding === 'base64') return t('console.binary', { n: Math.round((a.body.length * 3) / 4) });
  try { return JSON.stringify(JSON.parse(a.body), null, 2); } catch { return a.body; }
}

/**
 * The try-it console of an API page (loaded only when the reader opens it): the operations of the API's OpenAPI
 * document by tag, a form per operation from its parameters (example values filled in), and "Probeer", which sends
 * the request through fedcat's proxy and shows status, time, headers and body. An API key the reader types stays in
 * this element's memory only: never stored, never sent to fedcat except inside the request it passes on.
 */
@customElement('fedcat-api-console')
export class FedcatApiConsole extends ApiElement {
  static override styles = [baseStyles, css`
    .op { border: 1px solid var(--fedcat-border, #c0c7d2); border-radius: 4px; padding: .5rem .75rem; margin: .5rem 0; }
    .op > summary { font-weight: 600; }
    .method { display: inline-block; min-width: 3.5rem; font-family: monospace; }
    form { display: grid; gap: .5rem; margin: .75rem 0; }
    label { display: grid; gap: .2rem; }
    .hint { font-size: .875em; color: var(--fedcat-muted, #3d5374); }
    pre { background: var(--fedcat-code-bg, #f3f4f6); color: var(--fedcat-text, #001a40); padding: .75rem; overflow: auto; max-height: 24rem; white-space: pre-wrap; overflow-wrap: anywhere; }
  `];
  @property({ attribute: 'record-id' }) recordId = '';
  /** Methods the API's owner lets the console send besides GET and HEAD (fedcat:tryMethod). */
  @property({ attribute: false }) methods: readonly string[] = [];
  @state() private _server = '';
  @state() private _key = '';
  @state() private _shown: Readonly<Record<string, Shown>> = {};
  @state() private _busy: ReadonlySet<string> = new Set();

  private _doc = new Task(this, {
    task: async ([client, id], { signal }) => {
      const doc = await client.openapi(id, signal);
      const servers = Array.isArray(doc.servers) ? doc.servers.flatMap((s) => (typeof (s as { url?: unknown }).url === 'string' ? [(s as { url: string }).url] : [])) : [];
      this._server = servers[0] ?? '';
      return { servers, groups: consoleGroups(doc, t('console.untagged')), keyHeader: apiKeyHeader(doc) };
    },
    args: () => [this.client, this.recordId] as const,
  });

  override render() {
    return this._doc.render({
      pending: () => html`<p role="status">${t('console.loading')}</p>`,
      error: (e) => html`<p role="alert" class="error">${toldView(tellError(e), (reason) => t('console.failed', { reason }))}</p>`,
      complete: ({ servers, groups, keyHeader }) => html`
        <p>${t('console.intro')}</p>
        ${servers.length > 1 ? html`<label>${t('console.server')}<select @change=${(e: Event) => { this._server = (e.target as HTMLSelectElement).value; }}>
          ${servers.map((s) => html`<option value=${s} ?selected=${s === this._server}>${s}</option>`)}</select></label>` : html`<p>${t('console.server')}: <code>${this._server}</code></p>`}
        ${keyHeader ? html`<label>${t('console.apiKey', { header: keyHeader })}<input type="password" autocomplete="off" .value=${this._key}
          @input=${(e: Event) => { this._key = (e.target as HTMLInputElement).value; }}></label>` : nothing}
        ${groups.map((g) => html`<h3>${g.tag}</h3>${g.operations.map((op) => this._operation(op, keyHeader))}`)}`,
    });
  }

  private _operation(op: ConsoleOperation, keyHeader: string | null) {
    const shown = this._shown[op.id];
    return html`<details class="op">
      <summary><span class="method">${op.method}</span> <code>${op.path}</code> ${op.summary}</summary>
      ${op.reads || this.methods.includes(op.method) ? html`<form @submit=${(e: SubmitEvent) => this._send(e, op, keyHeader)}>
        ${op.parameters.map((p) => html`<label>${p.name} <span class="hint">(${p.in}${p.required ? `, ${t('console.required')}` : ''})${p.description ? ` ${p.description}` : ''}</span>
          <input name=${`${p.in}:${p.name}`} .value=${p.example} ?required=${p.required}></label>`)}
        ${!op.reads && op.body ? html`<label>${t('console.bodyLabel', { type: op.body.type })}<textarea name="body" rows="6" .value=${op.body.example}></textarea></label>` : nothing}
        <div><button type="submit" ?disabled=${this._busy.has(op.id)}>${t('console.send')}</button></div>
      </form>` : html`<p class="hint">${t('console.readOnly')}</p>`}
      <div aria-live="polite">${shown ? this._answer(shown) : nothing}</div>
    </details>`;
  }

  private _answer(shown: Shown) {
    const curl = html`<details><summary>${t('console.curl')}</summary><pre>${shown.curl}</pre></details>`;
    if ('failure' in shown) return html`<p role="alert" class="error">${toldView(tellError(shown.failure), (reason) => t('console.refused', { reason }))}</p>${curl}`;
    const a = shown.answer;
    return html`<p role="status"><strong>${t('console.status', { status: a.status, ms: a.timeMs })}</strong></p>
      <details><summary>${t('console.headers')}</summary><pre>${Object.entries(a.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}</pre></details>
      <pre aria-label=${t('console.body')}>${readable(a)}</pre>${curl}`;
  }

  private async _send(e: SubmitEvent, op: ConsoleOperation, keyHeader: string | null) {
    e.preventDefault();
    const values = Object.fromEntries([...new FormData(e.target as HTMLFormElement)].map(([k, v]) => [k, String(v)]));
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const p of op.parameters) if (p.in === 'header' && values[`header:${p.name}`]) headers[p.name.toLowerCase()] = values[`header:${p.name}`]!;
    if (keyHeader && this._key) headers[keyHeader.toLowerCase()] = this._key;
    const body = !op.reads && op.body ? values.body ?? '' : undefined;
    if (body !== undefined) headers['content-type'] = op.body!.type;
    const url = operationUrl(this._server, op, values);
    const curl = curlOf(op.method, url, headers, keyHeader, body);
    this._busy = new Set([...this._busy, op.id]);
    let shown: Shown;
    try {
      shown = { answer: await this.client.tryApi(this.recordId, { method: op.method, url, headers, ...(body !== undefined ? { body } : {}) }), curl };
    } catch (failure) {
      shown = { failure, curl };
    }
    this._shown = { ...this._shown, [op.id]: shown };
    this._busy = new Set([...this._busy].filter((id) => id !== op.id));
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-api-console': FedcatApiConsole } }
