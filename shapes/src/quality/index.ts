// The MQA scoring: metrics, measurement, scores, DQV written and read back, explanations (@fedcat/shapes/quality).
export { METRICS, DIMENSIONS, MAX_SCORE, DIMENSION_MAX, oneDecimal, SCORE_METRIC, PV, metricIri, metricByIri, rating, RATING_LABELS, DIMENSION_LABELS, type Metric, type Dimension, type Rating, type MeasuredOn } from './metrics.js';
export { measureDataset, linksOf, indexQuads, reachable, type Measurement, type MeasureContext, type LinkStatus } from './measure.js';
export { scoreRecord, aggregateQuality, QualityTally, meets, type RecordQuality, type AggregateQuality, type IndicatorScore, type IndicatorShare, type DimensionScore } from './score.js';
export { recordDqv, aggregateDqv, aggregateFromRows, STORED_METRICS, type StoredMeasurement, type MeasurementNamer } from './dqv.js';
export { measurementsFromDescription } from './read-back.js';
export { explainIndicator, qualityText, aggregateText, type Lang } from './explain.js';
export { assessDatasets, datasetsIn, type AssessedRecord, type AssessContext } from './assess.js';
export { qualityVocabularies, type QualityVocabularies } from './vocabularies.js';
export { complianceOf } from './compliance.js';
export { unmappedValues, type UnmappedValue } from './unmapped-values.js';
