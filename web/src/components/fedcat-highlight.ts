import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Segment } from '../api/types.js';

/** Renders text segments with matches marked; every segment is text, never HTML. */
@customElement('fedcat-highlight')
export class FedcatHighlight extends LitElement {
  static override styles = css`mark { background: var(--fedcat-mark, #fff1bb); color: var(--fedcat-mark-text, inherit); font-weight: 600; }`;
  @property({ attribute: false }) segments: Segment[] = [];
  override render() {
    return this.segments.map((s) => (s.match ? html`<mark>${s.text}</mark>` : s.text));
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-highlight': FedcatHighlight } }
