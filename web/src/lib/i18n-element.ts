import { LitElement } from 'lit';
import { LocaleController } from './i18n.js';

/** A lit element whose text follows the UI language. */
export class I18nElement extends LitElement {
  protected readonly locale = new LocaleController(this);

  /**
   * A page the server rendered arrives with the element's shadow root already filled (declarative shadow DOM, so it
   * reads without JavaScript). The browser then renders the element itself, from the data embedded in the page: it
   * starts from an empty root, so nothing shows twice.
   */
  /**
   * An element the server rendered inside another (marked `defer-hydration`) waits: its parent renders it anew, so it
   * never starts (no requests of its own for a page that already shows their answers).
   */
  override connectedCallback(): void {
    if (this.hasAttribute('defer-hydration')) return;
    super.connectedCallback();
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    this.shadowRoot?.replaceChildren();
    return super.createRenderRoot();
  }
}
