import type { HarvestOutcome, Source } from '@fedcat/harvester';
import type { SourceStatus } from '../registry/runs.js';

const seconds = (a: string, b: string) => ((Date.parse(b) - Date.parse(a)) / 1000).toFixed(1);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line describing a harvest outcome, for people reading the CLI's output. */
export function describeOutcome(outcome: HarvestOutcome, status: SourceStatus): string {
  if (outcome.kind === 'harvested') {
    const s = outcome.stats;
    const v = s.validation;
    return `✓ ${outcome.source}: ${plural(s.datasets, 'dataset', 'datasets')}, ${plural(s.dataServices, 'data service', 'data services')}, `
      + `${s.quads} triples (${s.syntax}); SHACL ${v.profile}: ${plural(v.violations, 'violation', 'violations')}, `
      + `${plural(v.warnings, 'warning', 'warnings')} (${seconds(outcome.startedAt, outcome.endedAt)} s)`;
  }
  const kept = status.lastSuccess ? `kept the harvest of ${status.lastSuccess.endedAt}` : 'nothing harvested before';
  return `✗ ${outcome.source}: ${outcome.error.code}: ${outcome.error.message} (${kept})`;
}

/** A table of sources and their last runs. */
export function describeSources(rows: readonly (Source & SourceStatus)[]): string {
  if (rows.length === 0) return 'No sources registered. Add one with: fedcat sources add URL [--id ID] [--org IRI]';
  return rows.map((r) => {
    const run = r.lastRun;
    const state = !run ? 'never harvested' : run.status === 'succeeded'
      ? `ok ${run.endedAt} (${run.stats?.datasets ?? 0} datasets, ${run.stats?.dataServices ?? 0} services)`
      : `FAILED ${run.endedAt}: ${run.error?.code} ${run.error?.message}`;
    return `${r.id}\t${r.url}\t${state}`;
  }).join('\n');
}
