import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ApiElement } from '../lib/api-element.js';
import './fedcat-record.js';

/**
 * Embeddable: one dataset of a fedcat catalogue, with its distributions, access conditions and quality.
 * `<fedcat-dataset api="https://fedcat.example.nl/" dataset-id="0123456789abcdef"></fedcat-dataset>`
 */
@customElement('fedcat-dataset')
export class FedcatDataset extends ApiElement {
  @property({ attribute: 'dataset-id' }) datasetId = '';

  override render() {
    return html`<fedcat-record kind="datasets" record-id=${this.datasetId} api=${this.api} no-back></fedcat-record>`;
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-dataset': FedcatDataset } }
