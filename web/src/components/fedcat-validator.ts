import { Task } from '@lit/task';
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ValidationInput } from '../api/client.js';
import type { ValidationReport } from '../api/types.js';
import { ApiElement } from '../lib/api-element.js';
import { lang, t } from '../lib/i18n.js';
import { baseStyles } from '../lib/styles.js';
import './fedcat-report.js';
import { toldView } from './technical-detail.js';
import { tellError } from '../lib/problem-text.js';

/** Media type of an uploaded file by its name, when the browser gives none. */
function mediaTypeOf(name: string): string {
  if (/\.(jsonld|json)$/i.test(name)) return 'application/ld+json';
  if (/\.(rdf|xml|owl)$/i.test(name)) return 'application/rdf+xml';
  if (/\.nt$/i.test(name)) return 'application/n-triples';
  return 'text/turtle';
}

type Mode = 'paste' | 'upload' | 'url';

/** Validator: paste, upload or point to a catalogue and see what to fix, without storing anything. */
@customElement('fedcat-validator')
export class FedcatValidator extends ApiElement {
  static override styles = [baseStyles, css`
    fieldset { border: 0; padding: 0; margin: 0 0 1rem; }
    legend { font-weight: 700; margin-bottom: .25rem; }
    .modes { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
    .modes label { display: flex; gap: .4rem; align-items: center; }
    .field { display: flex; flex-direction: column; gap: .25rem; margin-bottom: 1rem; max-width: 48rem; }
    textarea { min-height: 14rem; font-family: ui-monospace, monospace; font-size: .9rem; }
  `];
  @state() private _mode: Mode = 'paste';
  @state() private _busy = false;
  @state() private _report: ValidationReport | null = null;
  @state() private _error: { readonly cause: unknown } | null = null;
  /** The profiles fedcat ships, the one it validates with by default (FEDCAT_HARVEST_PROFILE) selected. */
  private _profiles = new Task(this, {
    task: ([client], { signal }) => client.validationProfiles(signal),
    args: () => [this.client] as const,
  });

  override render() {
    return html`<h1>${t('validator.heading')}</h1>
      <p>${t('validator.intro')}</p>
      <form @submit=${this._submit}>
        <fieldset>
          <legend>${t('validator.what')}</legend>
          <div class="modes">${(['paste', 'upload', 'url'] as const).map((m) => html`<label>
            <input type="radio" name="mode" value=${m} .checked=${this._mode === m} @change=${() => { this._mode = m; }}>${t(`validator.${m}`)}</label>`)}</div>
        </fieldset>
        ${this._mode === 'paste' ? html`<div class="field"><label for="text">${t('validator.text')}</label>
            <textarea id="text" name="text" required spellcheck="false"></textarea></div>
          <div class="field"><label for="syntax">${t('validator.syntax')}</label>
            <select id="syntax" name="syntax"><option value="text/turtle">Turtle</option><option value="application/ld+json">JSON-LD</option>
              <option value="application/rdf+xml">RDF/XML</option><option value="application/n-triples">N-Triples</option></select></div>`
        : this._mode === 'upload' ? html`<div class="field"><label for="file">${t('validator.file')}</label>
            <input id="file" name="file" type="file" required accept=".ttl,.jsonld,.json,.rdf,.xml,.nt"></div>`
        : html`<div class="field"><label for="url">${t('validator.url')}</label>
            <input id="url" name="url" type="url" required placeholder="https://…" inputmode="url"></div>`}
        <div class="field"><label for="profile">${t('validator.profile')}</label>
          <select id="profile" name="profile">${this._profiles.value?.profiles.map((p) => html`<option value=${p.id} ?selected=${p.id === this._profiles.value?.default}>${p.title}</option>`)}</select></div>
        <button type="submit" ?disabled=${this._busy}>${this._busy ? t('validator.busy') : t('validator.submit')}</button>
      </form>
      <div aria-live="polite">
        ${this._error ? html`<p role="alert" class="error">${toldView(tellError(this._error.cause), (reason) => t('validator.failed', { reason }))}</p>` : ''}
        ${this._report ? html`<h2>${t('validator.report')}</h2><fedcat-report .report=${this._report}></fedcat-report>` : ''}
      </div>`;
  }

  private _input(form: HTMLFormElement): ValidationInput | null {
    const data = new FormData(form);
    if (this._mode === 'url') return { url: String(data.get('url') ?? '') };
    if (this._mode === 'upload') {
      const file = data.get('file');
      if (!(file instanceof File) || file.size === 0) return null;
      return { file: file.type ? file : new File([file], file.name, { type: mediaTypeOf(file.name) }) };
    }
    return { text: String(data.get('text') ?? ''), contentType: String(data.get('syntax') ?? 'text/turtle') };
  }

  private async _submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const input = this._input(form);
    if (!input) return;
    this._busy = true;
    this._error = null;
    this._report = null;
    try {
      this._report = await this.client.validate(input, String(new FormData(form).get('profile') ?? '') || null, lang());
    } catch (err) {
      this._error = { cause: err };
    } finally {
      this._busy = false;
    }
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-validator': FedcatValidator } }
