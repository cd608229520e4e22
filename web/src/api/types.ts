// The shapes the catalogue API answers with (see /v1/openapi.json). The web talks to the API over HTTP only.

export interface Segment { text: string; match: boolean }
export interface CatalogueRecord {
  id: string; iri: string; type: 'Dataset' | 'DataService'; title: string; description: string; keywords: string[];
  publisher: string | null; publisherName: string | null; themes: string[]; formats: string[]; licenses: string[];
  accessRights: string[]; modified: string | null; endpointUrls: string[]; source: string; harvestedAt: string;
}
/** A record of another source sharing an identifier or landing page with the one shown. */
export interface PossibleDuplicate { id: string; iri: string; type: string; title: string; source: string; publisherName: string | null; sharedKeys: string[] }
export interface CatalogueRecordDetail extends CatalogueRecord { possibleDuplicates: PossibleDuplicate[] }
export interface SearchHit { document: CatalogueRecord; highlights: { title: Segment[]; description: Segment[] } }
export interface FacetCount { value: string; count: number; label: string | null }
export interface SearchResult {
  hits: SearchHit[]; total: number; page: number; pageSize: number;
  facets: Record<string, FacetCount[]>; corrections: Record<string, string[]>; processingTimeMs: number;
}
export interface Problem { type: string; title: string; status: number; detail?: string }
/** Dutch and English text. */
export interface Labels { nl: string; en: string }
/** A dataset's MQA score from `/v1/datasets/{id}/quality`. */
export interface RecordQuality {
  dataset: string; score: number; max: number; rating: 'excellent' | 'good' | 'sufficient' | 'bad'; ratingLabel: Labels;
  dimensions: { dimension: string; label: Labels; score: number; max: number }[];
  indicators: { id: string; dimension: string; label: Labels; weight: number; points: number; explanation: Labels }[];
}
