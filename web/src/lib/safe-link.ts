import { html, type TemplateResult } from 'lit';
import { safeHref } from './url-state.js';

/** A link to `value` when it is http(s), shown as `text`; anything else (javascript:, mailto:, junk) as plain text. */
export function safeLink(value: string, text = value): TemplateResult | string {
  const href = safeHref(value);
  return href ? html`<a href=${href} rel="noopener noreferrer">${text}</a>` : text;
}
