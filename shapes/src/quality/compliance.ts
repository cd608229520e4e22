import type { Quad } from '@rdfjs/types';
import { dcat } from '@fedcat/vocab';
import type { ShaclSummary } from '../validate.js';
import { datasetsIn } from './assess.js';

/**
 * The MQA's DCAT-AP compliance of each dataset in a validated document: compliant when no result of severity
 * sh:Violation (advising files included) has the dataset or one of its distributions as focus node.
 */
export function complianceOf(quads: readonly Quad[], summary: Pick<ShaclSummary, 'results'>): (dataset: string) => boolean | undefined {
  const datasets = new Set(datasetsIn(quads));
  const owners = new Map<string, string[]>();
  const own = (node: string, dataset: string) => (owners.get(node) ?? owners.set(node, []).get(node)!).push(dataset);
  for (const d of datasets) own(d, d);
  for (const q of quads) if (q.predicate.equals(dcat.distribution) && datasets.has(q.subject.value)) own(q.object.value, q.subject.value);
  const failing = new Set<string>();
  for (const r of summary.results) {
    if (r.shaclSeverity !== 'violation') continue;
    for (const d of owners.get(r.focusNode) ?? []) failing.add(d);
  }
  return (dataset) => (datasets.has(dataset) ? !failing.has(dataset) : undefined);
}
