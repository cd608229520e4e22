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
}

/** Facet fields every search backend supports. */
export const FACET_FIELDS = ['type', 'publisher', 'theme', 'format', 'license', 'accessRights', 'source'] as const;
/** One facet field. */
export type FacetField = (typeof FACET_FIELDS)[number];

/** The facet values of a document, per field. */
export function facetValues(doc: CatalogueDocument): Record<FacetField, readonly string[]> {
  return {
    type: [doc.type],
    publisher: doc.publisher ? [doc.publisher] : [],
    theme: doc.themes,
    format: doc.formats,
    license: doc.licenses,
    accessRights: doc.accessRights,
    source: [doc.source],
  };
}
