import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReportGroup, ValidationReport } from '../api/types.js';
import { I18nElement } from '../lib/i18n-element.js';
import { formatNumber, inLang, t } from '../lib/i18n.js';
import { baseStyles } from '../lib/styles.js';
import { lastSegment } from '../lib/vocabulary-labels.js';

const SEVERITIES = ['violation', 'warning', 'info'] as const;

/** A grouped validation report: counts, then per severity the findings with what to fix (in the UI language). */
@customElement('fedcat-report')
export class FedcatReport extends I18nElement {
  static override styles = [baseStyles, css`
    .verdict { font-weight: 700; padding: .5rem .75rem; border-left: 4px solid currentColor; }
    .verdict.ok { color: var(--fedcat-positive, #105f26); background: var(--fedcat-positive-bg, #f2fcf4); }
    .verdict.bad { color: var(--fedcat-negative, #a01d23); background: var(--fedcat-negative-bg, #fff8f8); }
    ol { padding-left: 1.25rem; }
    li { margin-bottom: 1rem; }
    .fix { font-weight: 600; margin: 0; }
    .where { margin: .25rem 0 0; font-size: .9rem; color: var(--fedcat-muted, #3d5374); overflow-wrap: anywhere; }
  `];
  @property({ attribute: false }) report: ValidationReport | null = null;

  override render() {
    const r = this.report;
    if (!r) return html``;
    return html`
      <p class="verdict ${r.conforms ? 'ok' : 'bad'}" role="status">${r.conforms ? t('report.conforms') : t('report.notConforms')}</p>
      <p>${t('report.counts', { violations: formatNumber(r.violations), warnings: formatNumber(r.warnings), infos: formatNumber(r.infos),
        resources: formatNumber(r.resources), statements: formatNumber(r.statements), profile: r.profile })}</p>
      ${SEVERITIES.map((s) => this._section(s, r.groups.filter((g) => g.severity === s)))}`;
  }

  private _section(severity: (typeof SEVERITIES)[number], groups: ReportGroup[]) {
    if (groups.length === 0) return '';
    return html`<section aria-labelledby=${`sev-${severity}`}>
      <h2 id=${`sev-${severity}`}>${t(`report.${severity}s`)} (${groups.length})</h2>
      <ol>${groups.map((g) => html`<li>
        <p class="fix">${inLang(g.messages)}</p>
        <p class="where">${g.path ? html`${t('report.property')} <code>${lastSegment(g.path)}</code> · ` : ''}${t('report.times', { count: formatNumber(g.count), resources: formatNumber(g.resources) })}
          ${g.gating ? html` · <strong>${t('report.rejects')}</strong>` : ''}</p>
        <p class="where">${t('report.example')} <code>${g.example.focusNode}</code>${g.example.value !== null ? html` → <code>${g.example.value}</code>` : ''}</p>
        <p class="where">${t('report.shape')} <code>${g.shape}</code> (${g.file})</p>
        ${g.alsoIn.length ? html`<p class="where">${t('report.alsoIn')} ${g.alsoIn.map((a, i) => html`${i ? ', ' : ''}<code>${a.file}</code> (${t(`report.severity.${a.severity}`)})`)}</p>` : ''}
      </li>`)}</ol>
    </section>`;
  }
}

declare global { interface HTMLElementTagNameMap { 'fedcat-report': FedcatReport } }
