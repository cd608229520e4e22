import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ApiError, type CatalogueApi } from '../api/client.js';
import { apiContext } from '../context.js';

/** A dataset's metadata quality (MQA): score, rating, points per dimension and, folded, every indicator explained. */
@customElement('fedcat-quality')
export class FedcatQuality extends LitElement {
  static override styles = css`
    :host { display: block; margin-top: 2rem; }
    h2 { color: #154273; font-size: 1.4rem; }
    .score { font-size: 1.2rem; font-weight: 700; }
    meter { width: 12rem; height: 1rem; vertical-align: middle; }
    table { border-collapse: collapse; margin-top: .5rem; }
    th, td { text-align: left; padding: .25rem .75rem .25rem 0; vertical-align: top; }
    td.points { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .visually-hidden { position: absolute; left: -9999px; }
    summary { cursor: pointer; color: #01689b; } summary:focus-visible { outline: 3px solid #f9e11e; outline-offset: 2px; }
  `;
  @consume({ context: apiContext }) private _api!: CatalogueApi;
  @property({ attribute: 'record-id' }) recordId = '';

  private _quality = new Task(this, {
    task: async ([id], { signal }) => {
      try {
        return await this._api.quality(id, signal);
      } catch (e) {
        // Not assessed yet (or no dataset): nothing to show, not an error for the reader.
        if (e instanceof ApiError && e.problem.status === 404) return null;
        throw e;
      }
    },
    args: () => [this.recordId] as const,
  });

  override render() {
    return this._quality.render({
      pending: () => html``,
      error: () => html``,
      complete: (q) => q && html`<section aria-labelledby="quality">
        <h2 id="quality">Kwaliteit van de metadata</h2>
        <p><span class="score">${q.score} van ${q.max} punten: ${q.ratingLabel.nl}</span>
          (de Europese metadata-kwaliteitsmeting, MQA)</p>
        <table>
          <thead><tr><th scope="col">Dimensie</th><th scope="col">Punten</th><th scope="col"><span class="visually-hidden">Aandeel</span></th></tr></thead>
          <tbody>${q.dimensions.map((d) => html`<tr>
            <td>${d.label.nl}</td><td class="points">${d.score} / ${d.max}</td>
            <td><meter min="0" max=${d.max} value=${d.score} aria-label=${`${d.label.nl}: ${d.score} van ${d.max}`}></meter></td>
          </tr>`)}</tbody>
        </table>
        <details>
          <summary>Per indicator: wat telt en waarom</summary>
          <table>
            <thead><tr><th scope="col">Indicator</th><th scope="col">Punten</th><th scope="col">Toelichting</th></tr></thead>
            <tbody>${q.indicators.map((i) => html`<tr><td>${i.label.nl}</td><td class="points">${i.points} / ${i.weight}</td><td>${i.explanation.nl}</td></tr>`)}</tbody>
          </table>
        </details>
      </section>`,
    });
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-quality': FedcatQuality } }
