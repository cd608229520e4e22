import { facetValue } from './facet-value.js';
/** The kinds of record fedcat lists and searches. */
export type RecordType = 'Dataset' | 'DataService';

/** The search-index view of one harvested record: plain strings, facet values are IRIs. */
export interface CatalogueDocument {
  /** Stable short id used in REST paths (hash of the record IRI). */
  readonly id: string;
  readonly iri: string;
  readonly type: RecordType;
  readonly title: string;
  readonly description: string;
  readonly keywords: readonly string[];
  readonly publisher: string | null;
  readonly publisherName: string | null;
  readonly themes: readonly string[];
  readonly formats: readonly string[];
  readonly licenses: readonly string[];
  readonly accessRights: readonly string[];
  /** ISO 8601 date or date-time as published, or null. */
  readonly modified: string | null;
  readonly endpointUrls: readonly string[];
  /** The source (harvest registration) the record came from. */
  readonly source: string;
  readonly harvestedAt: string;
  /** Identifier and landing-page keys shared records are matched on across sources (see matchKeys). */
  readonly matchKeys: readonly string[];
  /**
   * Names the source gives to values of this record that no vocabulary fedcat holds names: the `dct:title` of a
   * licence document the publisher describes. IRI → name; absent in documents indexed before it existed.
   */
  readonly valueLabels?: Readonly<Record<string, string>>;
}

/** Facet fields every search backend supports. */
export const FACET_FIELDS = ['type', 'publisher', 'theme', 'format', 'license', 'accessRights', 'source'] as const;
/** One facet field. */
export type FacetField = (typeof FACET_FIELDS)[number];

const facetsOf = (field: FacetField, values: readonly string[]) => [...new Set(values.map((v) => facetValue(field, v)))];

/** The facet values of a document, per field, each as {@link facetValue} gives it. */
export function facetValues(doc: CatalogueDocument): Record<FacetField, readonly string[]> {
  return {
    type: [doc.type],
    publisher: doc.publisher ? [doc.publisher] : [],
    theme: doc.themes,
    format: facetsOf('format', doc.formats),
    license: facetsOf('license', doc.licenses),
    accessRights: doc.accessRights,
    source: [doc.source],
  };
}

/**
 * The names a document gives its facet values, value → name: its publisher's name, and the names the source gives
 * values no vocabulary names ({@link CatalogueDocument.valueLabels}). What a search backend labels facets with.
 */
export function facetNames(doc: CatalogueDocument): [string, string][] {
  const out: [string, string][] = [];
  if (doc.publisher && doc.publisherName) out.push([doc.publisher, doc.publisherName]);
  for (const [value, name] of Object.entries(doc.valueLabels ?? {})) out.push([value, name]);
  return out;
}
