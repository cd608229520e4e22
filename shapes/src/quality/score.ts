import { DIMENSION_MAX, DIMENSIONS, MAX_SCORE, METRICS, oneDecimal, rating, type Dimension, type Metric, type Rating } from './metrics.js';
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
    return { dimension, score: mine.reduce((s, i) => s + i.points, 0), max: DIMENSION_MAX[dimension] };
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

/**
 * Adds up record scores one at a time (so a source of 100,000 datasets never holds them all): `add` each record,
 * then `result` gives the averages and, per indicator, the records that meet it.
 */
export class QualityTally {
  private n = 0;
  private total = 0;
  private readonly dimensionTotals = DIMENSIONS.map(() => 0);
  private readonly met = METRICS.map(() => 0);

  add(r: RecordQuality): void {
    this.n++;
    this.total += r.score;
    r.dimensions.forEach((d, i) => { this.dimensionTotals[i]! += d.score; });
    r.indicators.forEach((x, i) => { if (x.points > 0) this.met[i]!++; });
  }

  result(): AggregateQuality {
    const n = this.n;
    const avg = (sum: number) => (n === 0 ? 0 : oneDecimal(sum / n));
    const score = avg(this.total);
    return {
      records: n, score, max: MAX_SCORE, rating: rating(score),
      dimensions: DIMENSIONS.map((dimension, i) => ({ dimension, score: avg(this.dimensionTotals[i]!), max: DIMENSION_MAX[dimension] })),
      indicators: METRICS.map((metric, i) => ({ metric, met: this.met[i]!, share: n === 0 ? 0 : Math.round((this.met[i]! / n) * 1000) / 1000 })),
    };
  }
}

/** Averages record scores and counts, per indicator, the records that meet it. */
export function aggregateQuality(records: readonly RecordQuality[]): AggregateQuality {
  const tally = new QualityTally();
  for (const r of records) tally.add(r);
  return tally.result();
}
