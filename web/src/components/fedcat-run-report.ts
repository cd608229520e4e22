import { Task } from '@lit/task';
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ApiElement } from '../lib/api-element.js';
import { formatDateTime, t } from '../lib/i18n.js';
import { baseStyles } from '../lib/styles.js';
import './fedcat-report.js';
import { toldView } from './technical-detail.js';
import { tellError } from '../lib/problem-text.js';

/** A data owner's page: the validation report of one harvest run, grouped, with what to fix. */
@customElement('fedcat-run-report')
export class FedcatRunReport extends ApiElement {
  static override styles = [baseStyles];
  @property({ attribute: 'source-id' }) sourceId = '';
  @property({ attribute: 'run-id' }) runId = '';

  private _data = new Task(this, {
    task: async ([client, source, run], { signal }) => {
      const [report, runs] = await Promise.all([client.runReport(source, run, signal), client.runs(source, signal)]);
      return { report, run: runs.find((r) => r.id === run) ?? null };
    },
    args: () => [this.client, this.sourceId, this.runId] as const,
  });

  override render() {
    const back = html`<p><a href=${`/owner/sources/${encodeURIComponent(this.sourceId)}`}>← ${t('run.backToSource', { source: this.sourceId })}</a></p>`;
    return html`${back}${this._data.render({
      pending: () => html`<p role="status">${t('app.loading')}</p>`,
      error: (e) => html`<h1>${t('run.heading')}</h1><p role="alert" class="error">${toldView(tellError(e))}</p>`,
      complete: ({ report, run }) => html`
        <h1>${t('run.heading')}</h1>
        <p>${t('run.of', { source: this.sourceId, when: run ? formatDateTime(run.startedAt) : this.runId })}
          ${run?.stats ? t('run.validated', { n: report.resources }) : ''}</p>
        <fedcat-report .report=${report}></fedcat-report>`,
    })}`;
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-run-report': FedcatRunReport } }
