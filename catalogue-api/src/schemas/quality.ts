import { Type, type Static } from 'typebox';
import { UnmappedValue } from './sources.js';

const Labels = Type.Object({ nl: Type.String(), en: Type.String() }, { description: 'Dutch and English' });
const Rating = Type.Union([Type.Literal('excellent'), Type.Literal('good'), Type.Literal('sufficient'), Type.Literal('bad')], {
  description: "data.europa.eu's bands: bad 0-120, sufficient 121-220, good 221-350, excellent 351-405",
});
const Dimension = Type.Object({
  dimension: Type.String(), label: Labels, score: Type.Number(), max: Type.Integer(),
});
const IndicatorBase = {
  metric: Type.String({ description: 'The MQA metric IRI (https://piveau.eu/ns/voc#…)' }),
  id: Type.String(), dimension: Type.String(), label: Labels, weight: Type.Integer({ description: 'Points when met' }),
};

/** The MQA score of one dataset, indicator by indicator, from its DQV measurements. */
export const RecordQuality = Type.Object({
  dataset: Type.String(), score: Type.Integer(), max: Type.Integer(), rating: Rating, ratingLabel: Labels,
  dimensions: Type.Array(Dimension),
  bestDistribution: Type.Union([Type.String(), Type.Null()], { description: 'The distribution whose indicators count for the dataset' }),
  distributions: Type.Array(Type.Object({ iri: Type.String(), score: Type.Integer() })),
  indicators: Type.Array(Type.Object({
    ...IndicatorBase,
    points: Type.Integer(),
    measuredOn: Type.Union([Type.String(), Type.Null()]),
    value: Type.Union([Type.Boolean(), Type.Integer(), Type.Null()], { description: 'true/false, or an HTTP status (0: no answer); null when not measured' }),
    note: Type.Union([Type.String(), Type.Null()], { description: 'The evidence: value found, count, or HTTP answer' }),
    explanation: Labels,
  })),
}, { $id: 'RecordQuality' });
export type RecordQuality = Static<typeof RecordQuality>;

/** The MQA quality of a set of datasets (a source): average score and how often each indicator is met. */
export const AggregateQuality = Type.Object({
  records: Type.Integer({ description: 'Datasets assessed' }), score: Type.Number({ description: 'Average score' }), max: Type.Integer(),
  rating: Rating, ratingLabel: Labels, dimensions: Type.Array(Dimension),
  indicators: Type.Array(Type.Object({
    ...IndicatorBase, met: Type.Integer({ description: 'Datasets that meet it' }), share: Type.Number({ description: 'met / records' }),
  })),
  unmappedValues: Type.Optional(Type.Array(UnmappedValue, {
    description: "Theme, format, licence, access-right, frequency and language values outside the EU tables, from the source's last harvest" })),
}, { $id: 'AggregateQuality' });
export type AggregateQuality = Static<typeof AggregateQuality>;

export const OrganisationQuality = Type.Object({
  organisations: Type.Array(Type.Object({
    iri: Type.String(), name: Type.Union([Type.String(), Type.Null()]), datasets: Type.Integer({ description: 'Datasets with a score' }),
    score: Type.Number({ description: 'Average score' }), rating: Rating,
  })),
});
