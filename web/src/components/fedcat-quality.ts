import { Task } from '@lit/task';
import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ApiError } from '../api/client.js';
import type { RecordQuality } from '../api/types.js';
import { ApiElement } from '../lib/api-element.js';
import { renderGiven } from '../lib/given-task.js';
import { inLang, t } from '../lib/i18n.js';
import { baseStyles } from '../lib/styles.js';

/** A dataset's metadata quality (MQA): score, rating, points per dimension and, folded, every indicator explained. */
@customElement('fedcat-quality')
export class FedcatQuality extends ApiElement {
  static override styles = [baseStyles, css`
    .score { font-size: 1.2rem; font-weight: 700; }
    meter { width: 12rem; max-width: 25vw; height: 1rem; vertical-align: middle; }
    td.points { white-space: nowrap; font-variant-numeric: tabular-nums; }
  `];
  @property({ attribute: 'record-id' }) recordId = '';
  /** The score as a server-rendered page holds it (null: not assessed); no request is made then. */
  @property({ attribute: false }) given: RecordQuality | null | undefined;

  private _quality = new Task(this, {
    task: async ([client, id, given], { signal }) => {
      if (given !== undefined) return given;
      try {
        return await client.quality(id, signal);
      } catch (e) {
        // Not assessed yet (or no dataset): nothing to show, not an error for the reader.
        if (e instanceof ApiError && e.problem.status === 404) return null;
        throw e;
      }
    },
    args: () => [this.client, this.recordId, this.given] as const,
  });

  override render() {
    return renderGiven(this._quality, this.given, {
      pending: () => html``,
      error: () => html``,
      complete: (q) => q && html`<section aria-labelledby="quality">
        <h2 id="quality">${t('quality.heading')}</h2>
        <p><span class="score">${t('quality.score', { score: q.score, max: q.max, rating: inLang(q.ratingLabel) })}</span> ${t('quality.mqa')}</p>
        <div class="table-scroll"><table>
          <thead><tr><th scope="col">${t('quality.dimension')}</th><th scope="col">${t('quality.points')}</th><th scope="col"><span class="visually-hidden">${t('quality.share')}</span></th></tr></thead>
          <tbody>${q.dimensions.map((d) => html`<tr>
            <td>${inLang(d.label)}</td><td class="points">${d.score} / ${d.max}</td>
            <td><meter min="0" max=${d.max} value=${d.score} aria-label=${t('quality.of', { label: inLang(d.label), score: d.score, max: d.max })}></meter></td>
          </tr>`)}</tbody>
        </table></div>
        <details>
          <summary>${t('quality.perIndicator')}</summary>
          <div class="table-scroll"><table>
            <thead><tr><th scope="col">${t('quality.indicator')}</th><th scope="col">${t('quality.points')}</th><th scope="col">${t('quality.explanation')}</th></tr></thead>
            <tbody>${q.indicators.map((i) => html`<tr><td>${inLang(i.label)}</td><td class="points">${i.points} / ${i.weight}</td><td>${inLang(i.explanation)}</td></tr>`)}</tbody>
          </table></div>
        </details>
      </section>`,
    });
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-quality': FedcatQuality } }
