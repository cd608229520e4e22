/** The namespace of the EU metadata quality assessment's metrics and dimensions (data.europa.eu, piveau). */
export const PV = 'https://piveau.eu/ns/voc#';

/** The five FAIR-style dimensions of the MQA. */
export type Dimension = 'findability' | 'accessibility' | 'interoperability' | 'reusability' | 'contextuality';

export const DIMENSIONS: readonly Dimension[] = ['findability', 'accessibility', 'interoperability', 'reusability', 'contextuality'];

/** What a metric is measured on: the dataset itself, or each of its distributions. */
export type MeasuredOn = 'dataset' | 'distribution';

/** What a measurement's value is: a yes/no, or an HTTP status code (0 when no HTTP answer came). */
export type ValueKind = 'boolean' | 'status';

/** One MQA indicator: its metric IRI's local name, where it is measured, and the points it is worth. */
export interface Metric {
  readonly id: string;
  readonly dimension: Dimension;
  readonly on: MeasuredOn;
  readonly kind: ValueKind;
  /** Points when the indicator is met (the MQA's `trueScore`). */
  readonly weight: number;
  readonly label: { readonly en: string; readonly nl: string };
}

const m = (id: string, dimension: Dimension, on: MeasuredOn, weight: number, en: string, nl: string, kind: ValueKind = 'boolean'): Metric =>
  ({ id, dimension, on, kind, weight, label: { en, nl } });

/**
 * The MQA indicators with data.europa.eu's weights (405 points in all: findability 100, accessibility 100,
 * interoperability 110, reusability 75, contextuality 20). The weights are facts from the published vocabulary;
 * a test compares them with the reference copy. fedcat awards no negative points (the piveau vocabulary's
 * `falseScore` of -5 for missing format and media type is not part of the 405-point scale).
 */
export const METRICS: readonly Metric[] = [
  m('keywordAvailability', 'findability', 'dataset', 30, 'Keywords', 'Trefwoorden'),
  m('categoryAvailability', 'findability', 'dataset', 30, 'Themes (categories)', "Thema's (categorieën)"),
  m('spatialAvailability', 'findability', 'dataset', 20, 'Spatial coverage', 'Geografisch gebied'),
  m('temporalAvailability', 'findability', 'dataset', 20, 'Temporal coverage', 'Tijdsperiode'),
  m('accessUrlStatusCode', 'accessibility', 'distribution', 50, 'Access URL answers', 'Toegangs-URL bereikbaar', 'status'),
  m('downloadUrlAvailability', 'accessibility', 'distribution', 20, 'Download URL given', 'Download-URL opgegeven'),
  m('downloadUrlStatusCode', 'accessibility', 'distribution', 30, 'Download URL answers', 'Download-URL bereikbaar', 'status'),
  m('formatAvailability', 'interoperability', 'distribution', 20, 'Format given', 'Formaat opgegeven'),
  m('mediaTypeAvailability', 'interoperability', 'distribution', 10, 'Media type given', 'Mediatype opgegeven'),
  m('formatMediaTypeVocabularyAlignment', 'interoperability', 'distribution', 10, 'Format and media type from the controlled vocabularies', 'Formaat en mediatype uit de gecontroleerde vocabulaires'),
  m('formatMediaTypeNonProprietary', 'interoperability', 'distribution', 20, 'Non-proprietary format', 'Open (niet-propriëtair) formaat'),
  m('formatMediaTypeMachineInterpretable', 'interoperability', 'distribution', 20, 'Machine-readable format', 'Machineleesbaar formaat'),
  m('dcatApCompliance', 'interoperability', 'dataset', 30, 'DCAT-AP compliant', 'Voldoet aan DCAT-AP'),
  m('licenceAvailability', 'reusability', 'distribution', 20, 'Licence given', 'Licentie opgegeven'),
  m('knownLicence', 'reusability', 'distribution', 10, 'Licence from the EU licence table', 'Licentie uit de EU-licentielijst'),
  m('accessRightsAvailability', 'reusability', 'dataset', 10, 'Access rights given', 'Toegangsrechten opgegeven'),
  m('accessRightsVocabularyAlignment', 'reusability', 'dataset', 5, 'Access rights from the EU vocabulary', 'Toegangsrechten uit het EU-vocabulaire'),
  m('contactPointAvailability', 'reusability', 'dataset', 20, 'Contact point', 'Contactpunt'),
  m('publisherAvailability', 'reusability', 'dataset', 10, 'Publisher', 'Uitgever'),
  m('rightsAvailability', 'contextuality', 'distribution', 5, 'Rights statement', 'Rechtenverklaring'),
  m('byteSizeAvailability', 'contextuality', 'distribution', 5, 'File size', 'Bestandsgrootte'),
  m('dateIssuedAvailability', 'contextuality', 'distribution', 5, 'Date issued', 'Publicatiedatum'),
  m('dateModifiedAvailability', 'contextuality', 'distribution', 5, 'Date modified', 'Wijzigingsdatum'),
];

/** The most points a record can score. */
export const MAX_SCORE = METRICS.reduce((sum, x) => sum + x.weight, 0);

/** The most points per dimension. */
export const DIMENSION_MAX: Readonly<Record<Dimension, number>> = Object.fromEntries(
  DIMENSIONS.map((d) => [d, METRICS.filter((x) => x.dimension === d).reduce((sum, x) => sum + x.weight, 0)]),
) as Record<Dimension, number>;

/** Averages and shares are shown to one decimal. */
export const oneDecimal = (x: number): number => Math.round(x * 10) / 10;

/** The IRI of the overall score metric. */
export const SCORE_METRIC = `${PV}score`;

/** A metric's IRI. */
export const metricIri = (metric: Metric | string): string => `${PV}${typeof metric === 'string' ? metric : metric.id}`;

const byIri = new Map(METRICS.map((x) => [metricIri(x), x]));

/** The metric an IRI names, if it is one of the MQA's. */
export const metricByIri = (iri: string): Metric | undefined => byIri.get(iri);

/** data.europa.eu's rating of a score. */
export type Rating = 'excellent' | 'good' | 'sufficient' | 'bad';

/** The rating bands: bad 0-120, sufficient 121-220, good 221-350, excellent 351-405 (of 405 points). */
export function rating(score: number): Rating {
  if (score > 350) return 'excellent';
  if (score > 220) return 'good';
  if (score > 120) return 'sufficient';
  return 'bad';
}

/** Dutch and English names of the ratings. */
export const RATING_LABELS: Readonly<Record<Rating, { readonly en: string; readonly nl: string }>> = {
  excellent: { en: 'Excellent', nl: 'Uitstekend' },
  good: { en: 'Good', nl: 'Goed' },
  sufficient: { en: 'Sufficient', nl: 'Voldoende' },
  bad: { en: 'Bad', nl: 'Onvoldoende' },
};

/** Dutch and English names of the dimensions. */
export const DIMENSION_LABELS: Readonly<Record<Dimension, { readonly en: string; readonly nl: string }>> = {
  findability: { en: 'Findability', nl: 'Vindbaarheid' },
  accessibility: { en: 'Accessibility', nl: 'Toegankelijkheid' },
  interoperability: { en: 'Interoperability', nl: 'Interoperabiliteit' },
  reusability: { en: 'Reusability', nl: 'Herbruikbaarheid' },
  contextuality: { en: 'Contextuality', nl: 'Context' },
};
