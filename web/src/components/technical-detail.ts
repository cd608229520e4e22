import { html, nothing } from 'lit';
import { t } from '../lib/i18n.js';
import type { Told } from '../lib/problem-text.js';

/**
 * A failure told in the reader's language (`frame` puts it in a sentence: "Zoeken lukte niet: …"), with the server's
 * own words folded away: they are English and technical, for whoever reports the problem.
 */
export function toldView(told: Told, frame: (reason: string) => string = (reason) => reason) {
  return html`${frame(told.text)}${told.technical ? html`<details class="technical"><summary>${t('problem.technical')}</summary><code lang="en">${told.technical}</code></details>` : nothing}`;
}
