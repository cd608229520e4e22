import type { Quad } from '@rdfjs/types';
import { dcat, dqv, rdfs } from '@fedcat/vocab';
import { indexQuads, measureDataset, type Measurement } from './measure.js';
import { metricByIri, SCORE_METRIC } from './metrics.js';
import type { QualityVocabularies } from './vocabularies.js';
import { STORED_METRICS } from './dqv.js';

/**
 * A stored dataset's measurements, from its description (its statements with the DQV fedcat stored at harvest):
 * the stored ones (link answers, DCAT-AP compliance) as they were, every other indicator measured again from the
 * statements by the same function the harvest used, so the result equals the harvest's. Also the stored score.
 */
export function measurementsFromDescription(quads: readonly Quad[], dataset: string, vocabularies: QualityVocabularies): { measurements: Measurement[]; storedScore: number | null } {
  const index = indexQuads(quads);
  const one = (s: string, p: string) => index.get(s)?.get(p)?.[0]?.value;
  const stored: Measurement[] = [];
  let storedScore: number | null = null;
  const on = [dataset, ...(index.get(dataset)?.get(dcat.distribution.value) ?? []).map((t) => t.value)];
  for (const resource of on) {
    for (const m of index.get(resource)?.get(dqv.hasQualityMeasurement.value) ?? []) {
      const metricIri = one(m.value, dqv.isMeasurementOf.value);
      const value = one(m.value, dqv.value.value);
      if (!metricIri || value === undefined) continue;
      if (metricIri === SCORE_METRIC && resource === dataset) storedScore = Number(value);
      const metric = metricByIri(metricIri);
      if (!metric || !STORED_METRICS.has(metric.id)) continue;
      const note = one(m.value, rdfs.comment.value);
      stored.push({ metric: metric.id, on: resource, value: metric.kind === 'boolean' ? value === 'true' || value === '1' : Number(value), ...(note ? { note } : {}) });
    }
  }
  const compliance = stored.find((m) => m.metric === 'dcatApCompliance' && m.on === dataset);
  const derived = measureDataset(index, dataset, {
    vocabularies, links: () => undefined, ...(compliance ? { compliant: compliance.value === true } : {}),
  });
  return { measurements: [...derived, ...stored.filter((m) => m.metric !== 'dcatApCompliance')], storedScore };
}
