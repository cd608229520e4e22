import { LitElement } from 'lit';
import { LocaleController } from './i18n.js';

/** A lit element whose text follows the UI language. */
export class I18nElement extends LitElement {
  protected readonly locale = new LocaleController(this);
}
