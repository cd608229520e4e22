import { DIMENSIONS, MAX_SCORE, METRICS, rating, type Dimension, type Metric, type Rating } from './metrics.js';
import { reachable, type Measurement } from './measure.js';

/** One indicator of a record: its points and the measurement that earned them (or null when not measured). */
export interface IndicatorScore {
  readonly metric: Metric;
  readonly points: number;
  /** Null when nothing was measured (no distribution, link not checked, not validated). */
  readonly measurement: Measurement | null;
}

/** Points per dimension. */
export interface DimensionScore {
  readonly dimension: Dimension;
  readonly score: number;
  readonly max: number;
}

/** The MQA score of one dataset, indicator by indicator. */
export interface RecordQuality {
  readonly dataset: string;
  readonly score: number;
  readonly max: number;
  readonly rating: Rating;
  readonly dimensions: readonly DimensionScore[];
  readonly indicators: readonly IndicatorScore[];
  /** The distribution whose indicators count (the best scoring one), or null when the dataset has none. */
  readonly bestDistribution: string | null;
  /** Each distribution's points on the distribution indicators. */
  readonly distributions: readonly { readonly iri: string; readonly score: number }[];
}

/** Whether a measurement meets its indicator: true, or a reachable HTTP status. */
export function meets(m: Measurement): boolean {
  return typeof m.value === 'boolean' ? m.value : reachable({ status: m.value });
}

const points = (metric: Metric, m: Measurement | undefined) => (m && meets(m) ? metric.weight : 0);

function dimensionScores(indicators: readonly IndicatorScore[]): DimensionScore[] {
  return DIMENSIONS.map((dimension) => {
    const mine = indicators.filter((i) => i.metric.dimension === dimension);
    return { dimension, score: mine.reduce((s, i) => s + i.points, 0), max: mine.reduce((s, i) => s + i.metric.weight, 0) };
  });
}

/**
 * Scores a dataset's measurements: its own indicators count as measured, and the distribution indicators of its
 * best distribution (the one with most points on them; on a tie the first by IRI) count for the dataset, as
 * data.norge.no's implementation of the MQA does. A dataset without distributions scores on its own indicators.
 */
export function scoreRecord(dataset: string, measurements: readonly Measurement[]): RecordQuality {
  const own = new Map(measurements.filter((m) => m.on === dataset).map((m) => [m.metric, m]));
  const perDistribution = new Map<string, Map<string, Measurement>>();
  for (const m of measurements) {
    if (m.on === dataset) continue;
    const list = perDistribution.get(m.on) ?? perDistribution.set(m.on, new Map()).get(m.on)!;
    list.set(m.metric, m);
  }
  const distributionMetrics = METRICS.filter((x) => x.on === 'distribution');
  const distributions = [...perDistribution.entries()]
    .map(([iri, ms]) => ({ iri, ms, score: distributionMetrics.reduce((s, x) => s + points(x, ms.get(x.id)), 0) }))
    .sort((a, b) => b.score - a.score || (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0));
  const best = distributions[0];
  const indicators: IndicatorScore[] = METRICS.map((metric) => {
    const m = metric.on === 'dataset' ? own.get(metric.id) : best?.ms.get(metric.id);
    return { metric, points: points(metric, m), measurement: m ?? null };
  });
  const score = indicators.reduce((s, i) => s + i.points, 0);
  return {
    dataset, score, max: MAX_SCORE, rating: rating(score), dimensions: dimensionScores(indicators), indicators,
    bestDistribution: best?.iri ?? null, distributions: distributions.map(({ iri, score: s }) => ({ iri, score: s })),
  };
}

/** How many records meet one indicator. */
export interface IndicatorShare {
  readonly metric: Metric;
  readonly met: number;
  /** met / records (0 when there are no records). */
  readonly share: number;
}

/** The quality of a set of records (a source, an organisation): averages and how often each indicator is met. */
export interface AggregateQuality {
  readonly records: number;
  /** Average score, one decimal. */
  readonly score: number;
  readonly max: number;
  readonly rating: Rating;
  readonly dimensions: readonly DimensionScore[];
  readonly indicators: readonly IndicatorShare[];
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** Averages record scores and counts, per indicator, the records that meet it. */
export function aggregateQuality(records: readonly RecordQuality[]): AggregateQuality {
  const n = records.length;
  const avg = (f: (r: RecordQuality) => number) => (n === 0 ? 0 : oneDecimal(records.reduce((s, r) => s + f(r), 0) / n));
  const score = avg((r) => r.score);
  return {
    records: n, score, max: MAX_SCORE, rating: rating(score),
    dimensions: DIMENSIONS.map((dimension, i) => ({
      dimension, score: avg((r) => r.dimensions[i]!.score),
      max: METRICS.filter((x) => x.dimension === dimension).reduce((s, x) => s + x.weight, 0),
    })),
    indicators: METRICS.map((metric, i) => {
      const met = records.filter((r) => r.indicators[i]!.points > 0).length;
      return { metric, met, share: n === 0 ? 0 : Math.round((met / n) * 1000) / 1000 };
    }),
  };
}
