import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { dqv, fedcat, rdfs, xsd } from '@fedcat/vocab';
import { DIMENSION_MAX, DIMENSIONS, MAX_SCORE, METRICS, metricByIri, metricIri, oneDecimal, rating, SCORE_METRIC } from './metrics.js';
import type { Measurement } from './measure.js';
import type { AggregateQuality, RecordQuality } from './score.js';

const { namedNode, blankNode, literal, quad } = DataFactory;

/**
 * Names a measurement node: a blank node by default; harvests pass a function minting stable IRIs (under the skolem
 * base), so a measurement keeps its name across queries and serialisations (ETags of feeds stay stable).
 */
export type MeasurementNamer = (on: string, metric: string) => Quad['subject'];

const blank: MeasurementNamer = () => blankNode();

/**
 * One measurement, compact: `<on> dqv:hasQualityMeasurement <m>. <m> dqv:isMeasurementOf <metric>; dqv:value v`
 * (+ `rdfs:comment` with the evidence). DQV's `rdf:type dqv:QualityMeasurement` and `dqv:computedOn` follow from
 * `dqv:hasQualityMeasurement` and are left out: at 100,000 datasets every quad per measurement costs 100,000s.
 */
function measurement(name: MeasurementNamer, on: string, metric: string, value: boolean | number, datatype: 'boolean' | 'integer' | 'decimal', note?: string): Quad[] {
  const m = name(on, metric);
  return [
    quad(namedNode(on), dqv.hasQualityMeasurement, m),
    quad(m, dqv.isMeasurementOf, namedNode(metric)),
    quad(m, dqv.value, literal(String(value), xsd[datatype])),
    ...(note ? [quad(m, rdfs.comment, literal(note))] : []),
  ];
}

/**
 * The metrics fedcat stores per record: those that cannot be read off the record's own statements (link answers,
 * the validation verdict). Every other indicator is a function of the record's statements and is measured again
 * from them when read (see measurementsFromDescription), so storing it would only repeat the data.
 */
export const STORED_METRICS: ReadonlySet<string> = new Set(['accessUrlStatusCode', 'downloadUrlStatusCode', 'dcatApCompliance']);

/**
 * A dataset's quality as W3C DQV: its score, and the measurements of {@link STORED_METRICS}, each on the resource it
 * was made on (the dataset, or a distribution for link answers). Resources must be IRIs (harvested records are
 * skolemised), so the measurements can be read back by the resource they describe.
 */
export function recordDqv(quality: RecordQuality, measurements: readonly Measurement[], name: MeasurementNamer = blank): Quad[] {
  return [
    ...measurements.filter((m) => STORED_METRICS.has(m.metric))
      .flatMap((m) => measurement(name, m.on, metricIri(m.metric), m.value, typeof m.value === 'boolean' ? 'boolean' : 'integer', m.note)),
    ...measurement(name, quality.dataset, SCORE_METRIC, quality.score, 'integer'),
  ];
}

/**
 * A set of records' quality as DQV on one resource (a source graph): the average score (with the number of
 * datasets it was computed over) and, per indicator, the share of datasets that meet it (0 to 1).
 */
export function aggregateDqv(on: string, quality: AggregateQuality, name: MeasurementNamer = blank): Quad[] {
  const score = measurement(name, on, SCORE_METRIC, quality.score, 'decimal');
  const node = score[1]!.subject;
  return [
    ...score,
    quad(node, fedcat.datasetsAssessed, literal(String(quality.records), xsd.integer)),
    ...quality.indicators.flatMap((i) => measurement(name, on, metricIri(i.metric), i.share, 'decimal')),
  ];
}

/** One measurement as read back from the store (a row of a SELECT over DQV). */
export interface StoredMeasurement {
  readonly on: string;
  readonly metric: string;
  readonly value: string;
  readonly note?: string;
}

/**
 * Rebuilds a source's aggregate from its stored measurements: the average score, the dataset count and the
 * per-indicator shares (a dimension's average is the sum of its indicators' weight × share).
 */
export function aggregateFromRows(rows: readonly StoredMeasurement[]): AggregateQuality {
  const shares = new Map<string, number>();
  let score = 0;
  let records = 0;
  for (const r of rows) {
    if (r.metric === SCORE_METRIC) score = Number(r.value);
    else if (r.metric === fedcat.datasetsAssessed.value) records = Number(r.value);
    else {
      const metric = metricByIri(r.metric);
      if (metric) shares.set(metric.id, Number(r.value));
    }
  }
  const share = (id: string) => shares.get(id) ?? 0;
  return {
    records, score, max: MAX_SCORE, rating: rating(score),
    dimensions: DIMENSIONS.map((dimension) => {
      const mine = METRICS.filter((x) => x.dimension === dimension);
      return { dimension, score: oneDecimal(mine.reduce((s, x) => s + x.weight * share(x.id), 0)), max: DIMENSION_MAX[dimension] };
    }),
    indicators: METRICS.map((metric) => ({ metric, share: share(metric.id), met: Math.round(share(metric.id) * records) })),
  };
}
