import { type HarvestOutcome } from '@fedcat/harvester';
import { sourceKind, type Source } from '@fedcat/catalogue';
import type { RunRecord, SourceStatus } from '../control/runs.js';

const seconds = (a: string, b: string) => ((Date.parse(b) - Date.parse(a)) / 1000).toFixed(1);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line (plus one per rejected record) describing a harvest outcome, for people reading the CLI's output. */
export function describeOutcome(outcome: HarvestOutcome, status: SourceStatus): string {
  const took = `${seconds(outcome.startedAt, outcome.endedAt)} s`;
  switch (outcome.kind) {
    case 'not-modified':
      return outcome.by === 'content'
        ? `= ${outcome.source}: the same bytes as the last harvest, nothing to do (${took})`
        : `= ${outcome.source}: not modified since the last harvest (HTTP 304 or untouched files), nothing to do (${took})`;
    case 'failed': {
      const kept = status.lastSuccess ? `kept the harvest of ${status.lastSuccess.endedAt}` : 'nothing harvested before';
      return `✗ ${outcome.source}: ${outcome.error.code}: ${outcome.error.message} (${kept})`;
    }
    case 'harvested': {
      const s = outcome.stats;
      const r = s.records;
      const lines = [
        `✓ ${outcome.source}: ${plural(s.datasets, 'dataset', 'datasets')}, ${plural(s.dataServices, 'data service', 'data services')}, `
        + `${s.quads} triples (${s.syntax}${s.pages > 1 ? `, ${s.pages} pages` : ''}); records +${r.added} ~${r.updated} =${r.unchanged} -${r.removed}`
        + `${r.invalid ? `, ${r.invalid} rejected` : ''}; SHACL ${s.validation.profile}: ${plural(s.validation.violations, 'violation', 'violations')}, `
        + `${plural(s.validation.warnings, 'warning', 'warnings')}${s.normalisations.count ? `; ${s.normalisations.count} values normalised` : ''} (${took})`,
      ];
      const q = s.quality;
      if (q && q.datasets > 0) {
        lines.push(`    quality (MQA): ${q.score}/405 on average (${q.rating})${q.linksChecked ? `; ${plural(q.linksChecked, 'link', 'links')} checked` : ''}`
          + `${q.linksDeferred ? `, ${q.linksDeferred} left for the next run` : ''}; per indicator: GET /v1/sources/${outcome.source}/quality`);
        if (q.unmapped.length) {
          lines.push(`    values outside the EU vocabularies: ${q.unmapped.slice(0, 5).map((u) => `${u.property} ${u.value} (${u.count}x)`).join(', ')}${q.unmapped.length > 5 ? ', …' : ''}`);
        }
      }
      const sv = s.services;
      if (sv && sv.services > 0) {
        lines.push(`    APIs: ${plural(sv.services, 'data service', 'data services')}; OpenAPI descriptions ${sv.valid} valid, ${sv.invalid} invalid, ${sv.unreachable} unreachable`
          + `${sv.fetched ? ` (${sv.fetched} fetched now)` : ''}${sv.pdps ? `; ${plural(sv.pdps, 'policy decision point', 'policy decision points')} checked` : ''}; `
          + `per API: GET /v1/dataservices/{id}`);
      }
      for (const p of s.problems.slice(0, 10)) {
        const first = p.results[0];
        lines.push(`    rejected ${p.record}: ${first ? `${first.path ?? ''} ${first.message}`.trim() : 'failed a gating shape'}`);
      }
      if (s.problems.length > 10) lines.push(`    … and ${s.problems.length - 10} more rejected records (GET /v1/sources/${outcome.source}/runs)`);
      return lines.join('\n');
    }
  }
}

/** A table of sources and their last runs. */
export function describeSources(rows: readonly (Source & SourceStatus)[]): string {
  if (rows.length === 0) return 'No sources registered. Add one with: fedcat sources add URL [--id ID] [--org IRI]';
  return rows.map((r) => {
    const run = r.lastRun;
    const state = !run ? 'never harvested'
      : run.status === 'failed' ? `FAILED ${run.endedAt}: ${run.error?.code} ${run.error?.message}`
      : run.status === 'unchanged' ? `unchanged ${run.endedAt}`
      : `ok ${run.endedAt} (${run.stats?.datasets ?? 0} datasets, ${run.stats?.dataServices ?? 0} services${run.stats?.records.invalid ? `, ${run.stats.records.invalid} rejected` : ''})`;
    const kind = sourceKind(r) === 'catalogue' ? '' : ` [${sourceKind(r)}]`;
    return `${r.id}\t${r.url}${kind}${r.interval ? ` (every ${r.interval})` : ''}${r.profile ? ` [profile ${r.profile}]` : ''}\t${state}`;
  }).join('\n');
}

/** A source's runs, one line each, newest first. */
export function describeRuns(runs: readonly RunRecord[]): string {
  if (runs.length === 0) return 'No harvest runs yet. Start one with: fedcat harvest --source ID';
  return runs.map((r) => {
    const took = `${seconds(r.startedAt, r.endedAt)} s`;
    if (r.status === 'failed') return `${r.startedAt}\tfailed\t${r.error?.code}: ${r.error?.message} (${took})`;
    if (r.status === 'unchanged' || !r.stats) return `${r.startedAt}\tunchanged\tnot modified (${took})`;
    const c = r.stats.records;
    return `${r.startedAt}\tsucceeded\t+${c.added} ~${c.updated} =${c.unchanged} -${c.removed}${c.invalid ? ` ✗${c.invalid}` : ''}, ${r.stats.pages} ${r.stats.pages === 1 ? 'page' : 'pages'}, ${r.stats.bytes} bytes (${took})`;
  }).join('\n');
}
