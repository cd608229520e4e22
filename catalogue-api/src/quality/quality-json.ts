import { DIMENSION_LABELS, explainIndicator, metricIri, RATING_LABELS, type AggregateQuality as Aggregate, type DimensionScore, type Metric, type RecordQuality as Record_ } from '@fedcat/shapes/quality';
import type { AggregateQuality, RecordQuality } from '../schemas/quality.js';

const dimensions = (ds: readonly DimensionScore[]) => ds.map((d) => ({ ...d, label: DIMENSION_LABELS[d.dimension] }));
const indicator = (m: Metric) => ({ metric: metricIri(m), id: m.id, dimension: m.dimension, label: m.label, weight: m.weight });

/** A dataset's score as the API's JSON: every indicator with its points, evidence and explanation in Dutch and English. */
export function recordQualityJson(q: Record_): RecordQuality {
  return {
    dataset: q.dataset, score: q.score, max: q.max, rating: q.rating, ratingLabel: RATING_LABELS[q.rating],
    dimensions: dimensions(q.dimensions), bestDistribution: q.bestDistribution, distributions: [...q.distributions],
    indicators: q.indicators.map((i) => ({
      ...indicator(i.metric), points: i.points, measuredOn: i.measurement?.on ?? null, value: i.measurement?.value ?? null,
      note: i.measurement?.note ?? null, explanation: { nl: explainIndicator(i, 'nl', q), en: explainIndicator(i, 'en', q) },
    })),
  };
}

/** A source's quality as the API's JSON. */
export function aggregateQualityJson(a: Aggregate): AggregateQuality {
  return {
    records: a.records, score: a.score, max: a.max, rating: a.rating, ratingLabel: RATING_LABELS[a.rating],
    dimensions: dimensions(a.dimensions), indicators: a.indicators.map((i) => ({ ...indicator(i.metric), met: i.met, share: i.share })),
  };
}
