import type { Quad } from '@rdfjs/types';
import { DataFactory, Writer } from 'n3';
import type { Messages } from './messages.js';
import { prefixed } from './readable.js';
import type { Severity, ShaclResult, ShaclSummary, TermKind } from './validate.js';

/** Results of one shape, path, constraint and severity, counted, with one example. */
export interface ReportGroup {
  readonly severity: Severity;
  readonly shape: string;
  readonly path: string | null;
  readonly constraint: string | null;
  readonly file: string;
  /** True when these results reject the record (gating file, violation). */
  readonly gating: boolean;
  readonly count: number;
  /** How many distinct resources have this finding. */
  readonly resources: number;
  readonly example: { readonly focusNode: string; readonly focusKind: TermKind; readonly value: string | null; readonly valueKind: TermKind | null };
  readonly messages: Messages;
}

/** The report publishers read: counts per severity and findings grouped by shape and path, most frequent first. */
export interface ValidationReport {
  readonly profile: string;
  /** No violations under the profile (warnings and infos do not count): what decides acceptance. */
  readonly conforms: boolean;
  readonly violations: number;
  readonly warnings: number;
  readonly infos: number;
  /** Resources that were validated (the data's own subjects). */
  readonly resources: number;
  readonly groups: readonly ReportGroup[];
}

const RANK: Record<Severity, number> = { violation: 0, warning: 1, info: 2 };

/**
 * Groups results as they come (a harvest validates in batches): one entry per shape, path, constraint, severity
 * and file, with its first result as the example and the distinct focus nodes counted.
 */
export class ReportTally {
  private readonly groups = new Map<string, { first: ShaclResult; count: number; nodes: Set<string> }>();
  private readonly counts: Record<Severity, number> = { violation: 0, warning: 0, info: 0 };

  add(r: ShaclResult): void {
    this.counts[r.severity]++;
    const key = [r.severity, r.shape, r.path ?? '', r.constraint ?? '', r.file].join('\u0000');
    const g = this.groups.get(key);
    if (g) {
      g.count++;
      g.nodes.add(r.focusNode);
    } else {
      this.groups.set(key, { first: r, count: 1, nodes: new Set([r.focusNode]) });
    }
  }

  /** The report of everything added: violations first, then the most frequent. */
  report(profile: string, resources: number): ValidationReport {
    const list: ReportGroup[] = [...this.groups.values()].map(({ first, count, nodes }) => ({
      severity: first.severity, shape: first.shape, path: first.path, constraint: first.constraint, file: first.file,
      gating: first.gating, count, resources: nodes.size,
      example: { focusNode: first.focusNode, focusKind: first.focusKind, value: first.value, valueKind: first.valueKind }, messages: first.messages,
    }));
    list.sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.count - a.count || a.shape.localeCompare(b.shape));
    const { violation, warning, info } = this.counts;
    return { profile, conforms: violation === 0, violations: violation, warnings: warning, infos: info, resources, groups: list };
  }
}

/** Groups a summary's results (a pure function). */
export function groupResults(summary: ShaclSummary): ValidationReport {
  const tally = new ReportTally();
  for (const r of summary.results) tally.add(r);
  const report = tally.report(summary.profile, summary.resources);
  // The summary's own counts decide (they count every result, also those a caller chose not to list).
  return { ...report, conforms: summary.violations === 0, violations: summary.violations, warnings: summary.warnings, infos: summary.infos };
}

const SH = 'http://www.w3.org/ns/shacl#';
const SEVERITY_IRI: Record<Severity, string> = { violation: `${SH}Violation`, warning: `${SH}Warning`, info: `${SH}Info` };

/** The summary as a standard sh:ValidationReport in Turtle, one sh:result per result, messages in Dutch and English. */
export function reportTurtle(summary: ShaclSummary): Promise<string> {
  const { namedNode, blankNode, literal, quad } = DataFactory;
  const node = (value: string, kind: TermKind) => (kind === 'iri' ? namedNode(value) : kind === 'blank' ? blankNode(`n-${value}`) : literal(value));
  const sh = (local: string) => namedNode(`${SH}${local}`);
  const report = blankNode('report');
  const quads: Quad[] = [
    quad(report, namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), sh('ValidationReport')),
    quad(report, sh('conforms'), literal(String(summary.violations === 0), namedNode('http://www.w3.org/2001/XMLSchema#boolean'))),
  ];
  summary.results.forEach((r, i) => {
    const result = blankNode(`r${i}`);
    quads.push(
      quad(report, sh('result'), result),
      quad(result, namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), sh('ValidationResult')),
      quad(result, sh('resultSeverity'), namedNode(SEVERITY_IRI[r.severity])),
      quad(result, sh('focusNode'), node(r.focusNode, r.focusKind)),
      quad(result, sh('resultMessage'), literal(r.messages.en, 'en')),
      quad(result, sh('resultMessage'), literal(r.messages.nl, 'nl')),
    );
    if (r.path && !r.path.startsWith('(')) quads.push(quad(result, sh('resultPath'), namedNode(r.path)));
    if (r.value !== null && r.valueKind) quads.push(quad(result, sh('value'), node(r.value, r.valueKind)));
    if (r.constraint) quads.push(quad(result, sh('sourceConstraintComponent'), namedNode(r.constraint)));
    if (r.sourceShape) quads.push(quad(result, sh('sourceShape'), namedNode(r.sourceShape)));
  });
  const writer = new Writer({ prefixes: { sh: SH, dct: 'http://purl.org/dc/terms/', dcat: 'http://www.w3.org/ns/dcat#' } });
  writer.addQuads(quads);
  return new Promise((resolve, reject) => writer.end((err, text) => (err ? reject(err) : resolve(text))));
}

/** The grouped report as plain text for a terminal, in one language. */
export function reportText(report: ValidationReport, language: 'en' | 'nl' = 'en'): string {
  const words = language === 'nl'
    ? { title: 'Validatie', resources: 'resources', violations: 'overtredingen', warnings: 'waarschuwingen', infos: 'meldingen', ok: 'voldoet', notOk: 'voldoet niet', example: 'bijv.', value: 'waarde', times: 'x', blank: '(blank node)', violation: 'OVERTREDING', warning: 'WAARSCHUWING', info: 'MELDING' }
    : { title: 'Validation', resources: 'resources', violations: 'violations', warnings: 'warnings', infos: 'infos', ok: 'conforms', notOk: 'does not conform', example: 'e.g.', value: 'value', times: 'x', blank: '(blank node)', violation: 'VIOLATION', warning: 'WARNING', info: 'INFO' };
  const lines = [
    `${words.title} (${report.profile}): ${report.conforms ? words.ok : words.notOk}; ${report.resources} ${words.resources}, `
      + `${report.violations} ${words.violations}, ${report.warnings} ${words.warnings}, ${report.infos} ${words.infos}`,
  ];
  for (const g of report.groups) {
    const where = g.path ? prefixed(g.path) : g.shape;
    lines.push(`${words[g.severity].padEnd(12)} ${String(g.count).padStart(5)}${words.times}  ${where}: ${g.messages[language]}`);
    const { focusNode, focusKind, value, valueKind } = g.example;
    const shown = (v: string, kind: TermKind | null) => (kind === 'blank' ? words.blank : kind === 'iri' ? `<${v}>` : JSON.stringify(v));
    lines.push(`${' '.repeat(20)}${words.example} ${shown(focusNode, focusKind)}${value !== null ? `, ${words.value} ${shown(value, valueKind)}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
