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
  /**
   * Other shapes that report the same thing on the same resources (DCAT-AP-NL and the DCAT-AP base both asking for
   * a theme): listed here, at their own severity, instead of as findings of their own.
   */
  readonly alsoIn: readonly { readonly shape: string; readonly file: string; readonly severity: Severity }[];
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
  /**
   * SHACL results behind the findings: each finding once, plus the results of other shapes saying the same
   * (`alsoIn`). What a standard sh:ValidationReport (and Apache Jena) lists.
   */
  readonly shaclResults: number;
  readonly groups: readonly ReportGroup[];
}

const RANK: Record<Severity, number> = { violation: 0, warning: 1, info: 2 };

/** What makes two results the same finding: the resource, the property, the kind of constraint and the value. */
const findingKey = (r: ShaclResult) => [r.focusNode, r.path ?? '', r.constraint ?? '', r.value ?? ''].join('\u0000');

/** Whether `a` outranks `b`: more severe, or as severe and rejecting where `b` does not. */
const outranks = (a: ShaclResult, b: ShaclResult) => RANK[a.severity] < RANK[b.severity] || (RANK[a.severity] === RANK[b.severity] && a.gating && !b.gating);

/**
 * The results of one validation, each finding once: where several shapes report the same constraint on the same
 * resource, property and value, the most severe stands and names the others. Pure.
 */
export function distinctFindings(results: readonly ShaclResult[]): { result: ShaclResult; also: ShaclResult[] }[] {
  const byKey = new Map<string, { result: ShaclResult; also: ShaclResult[] }>();
  for (const r of results) {
    const key = findingKey(r);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { result: r, also: [] });
    else if (outranks(r, seen.result)) byKey.set(key, { result: r, also: [seen.result, ...seen.also] });
    else seen.also.push(r);
  }
  return [...byKey.values()];
}

/**
 * Groups findings as they come (a harvest validates in batches): one entry per shape, path, constraint, severity,
 * file and message, with its first finding as the example and the distinct focus nodes counted. {@link addAll} takes
 * the results of one validation and counts each finding once (see distinctFindings).
 */
export class ReportTally {
  private readonly groups = new Map<string, { first: ShaclResult; count: number; nodes: Set<string>; also: Map<string, { shape: string; file: string; severity: Severity }> }>();
  private readonly counts: Record<Severity, number> = { violation: 0, warning: 0, info: 0 };
  private results = 0;

  /** Adds the results of one validation (all results of the resources validated together). */
  addAll(results: readonly ShaclResult[]): void {
    for (const { result, also } of distinctFindings(results)) this.add(result, also);
  }

  /** Adds one finding, with the results of other shapes that report the same. */
  add(r: ShaclResult, also: readonly ShaclResult[] = []): void {
    this.counts[r.severity]++;
    this.results += 1 + also.length;
    const key = [r.severity, r.shape, r.path ?? '', r.constraint ?? '', r.file, r.messages.en].join('\u0000');
    let g = this.groups.get(key);
    if (g) {
      g.count++;
      g.nodes.add(r.focusNode);
    } else {
      g = { first: r, count: 1, nodes: new Set([r.focusNode]), also: new Map() };
      this.groups.set(key, g);
    }
    for (const a of also) g.also.set(`${a.shape}\u0000${a.file}\u0000${a.severity}`, { shape: a.shape, file: a.file, severity: a.severity });
  }

  /** The report of everything added: violations first, then the most frequent. */
  report(profile: string, resources: number): ValidationReport {
    const list: ReportGroup[] = [...this.groups.values()].map(({ first, count, nodes, also }) => ({
      severity: first.severity, shape: first.shape, path: first.path, constraint: first.constraint, file: first.file,
      gating: first.gating, count, resources: nodes.size,
      example: { focusNode: first.focusNode, focusKind: first.focusKind, value: first.value, valueKind: first.valueKind }, messages: first.messages,
      alsoIn: [...also.values()].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.file.localeCompare(b.file) || a.shape.localeCompare(b.shape)),
    }));
    list.sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.count - a.count || a.shape.localeCompare(b.shape));
    const { violation, warning, info } = this.counts;
    return { profile, conforms: violation === 0, violations: violation, warnings: warning, infos: info, resources, shaclResults: this.results, groups: list };
  }
}

/** Groups a summary's results (a pure function). */
export function groupResults(summary: ShaclSummary): ValidationReport {
  const tally = new ReportTally();
  tally.addAll(summary.results);
  // Counts are of findings (each once); whether the data conforms is the summary's to say.
  return { ...tally.report(summary.profile, summary.resources), conforms: summary.violations === 0 };
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
    ? { title: 'Validatie', resources: 'resources', violations: 'overtredingen', warnings: 'waarschuwingen', infos: 'meldingen', ok: 'voldoet', notOk: 'voldoet niet', example: 'bijv.', value: 'waarde', times: 'x', blank: '(blank node)', also: 'ook gemeld door', violation: 'OVERTREDING', warning: 'WAARSCHUWING', info: 'MELDING' }
    : { title: 'Validation', resources: 'resources', violations: 'violations', warnings: 'warnings', infos: 'infos', ok: 'conforms', notOk: 'does not conform', example: 'e.g.', value: 'value', times: 'x', blank: '(blank node)', also: 'also reported by', violation: 'VIOLATION', warning: 'WARNING', info: 'INFO' };
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
    if (g.alsoIn.length > 0) lines.push(`${' '.repeat(20)}${words.also} ${g.alsoIn.map((a) => `${a.file} (${words[a.severity].toLowerCase()})`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
