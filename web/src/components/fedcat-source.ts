import { Task } from '@lit/task';
import { css, html, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Run, RunningHarvest } from '../api/types.js';
import { ApiElement } from '../lib/api-element.js';
import { formatDateTime, formatNumber, t } from '../lib/i18n.js';
import { ownerToken } from '../lib/owner-token.js';
import { safeLink } from '../lib/safe-link.js';
import { baseStyles } from '../lib/styles.js';
import { runStatus } from './run-status.js';
import { toldView } from './technical-detail.js';
import { tellError, tellRunError } from '../lib/problem-text.js';
import { scheduleText } from '../lib/schedule.js';
import { organisationPath } from '../lib/routes.js';
import { organisationName, organisationNames } from '../lib/organisation-names.js';

/** How often a running harvest's progress is read. */
const POLL_MS = 500;

/**
 * A data owner's page for one source: its settings and status, "harvest now" with live progress, the quality
 * score per run (trend) and every run with its counts and validation report.
 */
@customElement('fedcat-source')
export class FedcatSource extends ApiElement {
  static override styles = [baseStyles, css`
    .progress { border: 2px solid var(--fedcat-border, #c0c7d2); border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; }
    progress { width: 100%; height: 1.25rem; }
    .trend { display: block; max-width: 32rem; height: auto; }
    .trend polyline { fill: none; stroke: var(--fedcat-link, #5b2796); stroke-width: 2; }
    .trend circle { fill: var(--fedcat-link, #5b2796); }
    .trend text { fill: var(--fedcat-muted, #3d5374); font-size: 10px; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
  `];
  @property({ attribute: 'source-id' }) sourceId = '';
  @state() private _running: RunningHarvest | null = null;
  @state() private _message: { kind: 'error' | 'status'; text: string; technical?: string | null } | null = null;
  private _poll: ReturnType<typeof setTimeout> | undefined;
  /** After "harvest now": the run that was last before it (the new one has another id), and polls left until it shows. */
  private _requested: { lastRunId: string | null; polls: number } | null = null;

  private _data = new Task(this, {
    task: async ([client, id], { signal }) => {
      const [source, runs, names] = await Promise.all([client.source(id, signal), client.runs(id, signal), organisationNames(client, signal)]);
      this._running = source.running;
      if (source.running) this._schedulePoll();
      return { source, runs, names };
    },
    args: () => [this.client, this.sourceId] as const,
  });

  override disconnectedCallback() {
    clearTimeout(this._poll);
    super.disconnectedCallback();
  }

  private _schedulePoll() {
    clearTimeout(this._poll);
    this._poll = setTimeout(() => void this._tick(), POLL_MS);
  }

  /** Reads the source's progress until its harvest ends, then reloads its runs. */
  private async _tick() {
    try {
      const source = await this.client.source(this.sourceId);
      if (source.running) {
        this._running = source.running;
        this._requested = null;
        this._schedulePoll();
        return;
      }
      if (this._stillStarting(source.lastRun?.id ?? null)) {
        this._schedulePoll();
        return;
      }
      this._running = null;
      this._requested = null;
      const outcome = source.lastRun;
      this._message = { kind: outcome?.status === 'failed' ? 'error' : 'status',
        text: outcome ? t('source.done', { status: runStatus(outcome.status) }) : t('source.ended') };
      void this._data.run();
    } catch {
      this._schedulePoll();
    }
  }

  /**
   * A harvest asked for takes a moment to start (in another process): while no run newer than the one before the
   * request has appeared, it is neither running nor done; counts one poll of the allowance.
   */
  private _stillStarting(lastRunId: string | null): boolean {
    if (!this._requested || lastRunId !== this._requested.lastRunId || this._requested.polls <= 0) return false;
    this._requested.polls--;
    return true;
  }

  private async _harvest() {
    this._message = null;
    try {
      const before = this._data.value?.source.lastRun?.id ?? null;
      await this.client.harvestNow(this.sourceId, ownerToken());
      this._requested = { lastRunId: before, polls: 240 }; // up to two minutes for the harvest process to start
      this._message = { kind: 'status', text: t('source.started') };
      this._running = { source: this.sourceId, pid: 0, startedAt: new Date().toISOString(), updatedAt: new Date().toISOString(),
        progress: { phase: 'reading', pages: 0, bytes: 0, quads: 0, records: 0, toValidate: 0, validated: 0 } };
      this._schedulePoll();
    } catch (e) {
      const told = tellError(e);
      this._message = { kind: 'error', text: t('source.harvestFailed', { reason: told.text }), technical: told.technical };
    }
  }

  override render() {
    return html`<p><a href="/owner">← ${t('source.back')}</a></p>${this._data.render({
      pending: () => html`<p role="status">${t('app.loading')}</p>`,
      error: (e) => html`<h1>${this.sourceId}</h1><p role="alert" class="error">${toldView(tellError(e))}</p>`,
      complete: ({ source, runs, names }) => html`
        <span class="badge">${t('source.badge')}</span>
        <h1>${source.id}</h1>
        <dl>
          <dt>${t('source.url')}</dt><dd>${safeLink(source.url)}</dd>
          <dt>${t('source.kind')}</dt><dd>${t(`kind.${source.kind}`)}</dd>
          ${source.org ? html`<dt>${t('owner.org')}</dt><dd><a href=${organisationPath(source.org)}>${organisationName(source.org, names)}</a></dd>` : ''}
          <dt>${t('owner.schedule')}</dt><dd>${scheduleText(source.interval)}${source.nextHarvestAt ? `, ${t('source.next', { when: formatDateTime(source.nextHarvestAt) })}` : ''}</dd>
          ${source.paused ? html`<dt>${t('source.state')}</dt><dd>${t('owner.paused')}</dd>` : ''}
          ${source.lastSuccess?.stats ? html`<dt>${t('source.profile')}</dt><dd>${source.lastSuccess.stats.validation.profile}</dd>` : ''}
        </dl>
        <p>
          <button @click=${this._harvest} ?disabled=${this._running !== null || source.paused}>${t('source.harvestNow')}</button>
          ${ownerToken() ? '' : html`<span class="muted">${t('source.needsToken')} <a href="/owner">${t('source.enterToken')}</a></span>`}
        </p>
        <div aria-live="polite">
          ${this._running ? this._progress(this._running) : ''}
          ${this._message ? html`<p class=${this._message.kind === 'error' ? 'error' : ''} role=${this._message.kind === 'error' ? 'alert' : 'status'}>${toldView({ text: this._message.text, technical: this._message.technical ?? null })}</p>` : ''}
        </div>
        ${this._trend(runs)}
        <h2>${t('source.runs')}</h2>
        ${runs.length === 0 ? html`<p>${t('owner.never')}</p>` : this._runs(runs)}`,
    })}`;
  }

  private _progress(r: RunningHarvest) {
    const p = r.progress;
    const fraction = p.phase === 'validating' && p.toValidate > 0 ? p.validated / p.toValidate : undefined;
    return html`<div class="progress" role="group" aria-label=${t('source.progress')}>
      <p><strong>${t(`phase.${p.phase}`)}</strong>: ${t('source.progressCounts', { pages: formatNumber(p.pages), bytes: formatNumber(p.bytes), quads: formatNumber(p.quads), records: formatNumber(p.records) })}
        ${p.toValidate ? ` · ${t('source.validatedOf', { done: formatNumber(p.validated), all: formatNumber(p.toValidate) })}` : ''}</p>
      <progress max="1" .value=${fraction ?? null} aria-label=${t('source.progress')}></progress>
    </div>`;
  }

  /** Average MQA score per successful run, oldest to newest: a line and, for screen readers, the runs table holds the figures. */
  private _trend(runs: Run[]) {
    const points = runs.filter((r) => r.stats?.quality).map((r) => ({ at: r.startedAt, score: r.stats!.quality!.score })).reverse();
    if (points.length === 0) return '';
    const w = 320, h = 100, max = 405;
    const x = (i: number) => (points.length === 1 ? w / 2 : 10 + (i * (w - 20)) / (points.length - 1));
    const y = (s: number) => h - 10 - (s / max) * (h - 20);
    const last = points[points.length - 1]!;
    return html`<h2>${t('source.trend')}</h2>
      <p>${t('source.trendNow', { score: formatNumber(last.score), max, runs: points.length })}</p>
      <svg class="trend" viewBox="0 0 ${w} ${h}" role="img" aria-label=${t('source.trendLabel', { first: formatNumber(points[0]!.score), last: formatNumber(last.score) })}>
        ${svg`<polyline points=${points.map((p, i) => `${x(i)},${y(p.score)}`).join(' ')}></polyline>`}
        ${points.map((p, i) => svg`<circle cx=${x(i)} cy=${y(p.score)} r="3"></circle>`)}
        ${svg`<text x="2" y="10">${max}</text><text x="2" y=${h - 2}>0</text>`}
      </svg>`;
  }

  private _runs(runs: Run[]) {
    return html`<div class="table-scroll"><table>
      <thead><tr><th scope="col">${t('source.startedAt')}</th><th scope="col">${t('source.outcome')}</th><th scope="col">${t('source.changes')}</th>
        <th scope="col">${t('source.rejected')}</th><th scope="col">${t('source.findings')}</th><th scope="col">${t('org.quality')}</th><th scope="col">${t('source.report')}</th></tr></thead>
      <tbody>${runs.map((r) => html`<tr>
        <td>${formatDateTime(r.startedAt)}</td>
        <td>${runStatus(r.status)}${r.error ? html`<br><span class="muted">${toldView(tellRunError(r.error))}</span>` : ''}</td>
        <td>${r.stats ? t('source.changeCounts', { added: r.stats.records.added, updated: r.stats.records.updated, removed: r.stats.records.removed }) : '–'}</td>
        <td class="num">${r.stats ? formatNumber(r.stats.records.invalid) : '–'}</td>
        <td>${r.stats ? t('source.findingCounts', { violations: formatNumber(r.stats.validation.violations), warnings: formatNumber(r.stats.validation.warnings) }) : '–'}</td>
        <td class="num">${r.stats?.quality ? formatNumber(r.stats.quality.score) : '–'}</td>
        <td>${r.status === 'succeeded' ? html`<a href=${`/owner/sources/${encodeURIComponent(this.sourceId)}/runs/${encodeURIComponent(r.id)}`}
          aria-label=${t('source.reportOf', { when: formatDateTime(r.startedAt) })}>${t('source.report')}</a>` : '–'}</td>
      </tr>`)}</tbody>
    </table></div>`;
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-source': FedcatSource } }
