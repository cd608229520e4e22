// The shapes the catalogue API answers with, taken from its own schemas (/v1/openapi.json is made of the same):
// a type-only import, so the web still talks to the API over HTTP only and no schema code reaches the bundle.
import type { Static } from 'typebox';
import type * as Api from '@fedcat/catalogue-api/schemas';

export type CatalogueRecord = Static<typeof Api.CatalogueRecord>;
export type CatalogueRecordDetail = Static<typeof Api.CatalogueRecordDetail>;
/** A record of another source sharing an identifier or landing page with the one shown. */
export type PossibleDuplicate = CatalogueRecordDetail['possibleDuplicates'][number];
/** What fedcat found at a data service's OpenAPI description (`api` of a data service). */
export type ApiDescription = Static<typeof Api.ApiDescription>;
/** `/v1/{datasets|dataservices}/{id}/access-conditions`: fields the source does not give are absent. */
export type AccessConditions = Static<typeof Api.AccessConditions>;
export type SearchResult = Static<typeof Api.SearchResult>;
export type SearchHit = SearchResult['hits'][number];
export type Segment = SearchHit['highlights']['title'][number];
export type FacetCount = NonNullable<SearchResult['facets'][string]>[number];
export type Problem = Static<typeof Api.Problem>;
/** A dataset's MQA score from `/v1/datasets/{id}/quality`. */
export type RecordQuality = Static<typeof Api.RecordQuality>;
/** Dutch and English text. */
export type Labels = RecordQuality['ratingLabel'];
/** `/v1/sources/{id}/quality`: a source's average MQA score and how many datasets meet each indicator. */
export type AggregateQuality = Static<typeof Api.AggregateQuality>;
/** `/v1/organisations`. */
export type Organisation = Static<typeof Api.Organisation>;
export type OrganisationScore = Static<typeof Api.OrganisationQuality>['organisations'][number];
/** One group of validation findings (same shape, path, constraint, severity). */
export type ReportGroup = Static<typeof Api.ReportGroup>;
export type ValidationReport = Static<typeof Api.ValidationReport>;
export type ValidationProfiles = Static<typeof Api.ValidationProfiles>;
export type RunningHarvest = Static<typeof Api.RunningHarvest>;
export type Run = Static<typeof Api.Run>;
export type SourceWithStatus = Static<typeof Api.SourceWithStatus>;
/** What an API answered to a try (`POST /v1/dataservices/{id}/try`). */
export type TryAnswer = Static<typeof Api.TryAnswer>;

/** SPARQL 1.1 Query Results JSON (the `/sparql` endpoint's own format, not one of the API's schemas). */
export interface SparqlResults {
  head: { vars?: string[] };
  results?: { bindings: Record<string, { type: string; value: string; 'xml:lang'?: string; datatype?: string }>[] };
  boolean?: boolean;
}
