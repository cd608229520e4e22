import { Type, type Static } from 'typebox';
import { FACET_FIELDS } from '@fedcat/catalogue';
import { PageNumber, typedRef } from './common.js';
import { DirectoryPart } from './directory.js';

/** A dataset or data service as the REST API and the search index present it. */
export const CatalogueRecord = Type.Object({
  id: Type.String({ description: 'Stable id: hash of the record IRI' }),
  iri: Type.String(),
  type: Type.Union([Type.Literal('Dataset'), Type.Literal('DataService')]),
  title: Type.String(),
  description: Type.String(),
  keywords: Type.Array(Type.String()),
  publisher: Type.Union([Type.String(), Type.Null()]),
  publisherName: Type.Union([Type.String(), Type.Null()]),
  themes: Type.Array(Type.String()),
  formats: Type.Array(Type.String()),
  licenses: Type.Array(Type.String()),
  accessRights: Type.Array(Type.String()),
  modified: Type.Union([Type.String(), Type.Null()]),
  endpointUrls: Type.Array(Type.String()),
  source: Type.String({ description: 'Id of the harvest source the record came from' }),
  harvestedAt: Type.String({ format: 'date-time' }),
  valueLabels: Type.Optional(Type.Record(Type.String(), Type.String(), {
    description: "Names the publisher gives values no vocabulary fedcat holds names (a licence document's dct:title): IRI → name",
  })),
}, { $id: 'CatalogueRecord' });
export type CatalogueRecord = Static<typeof CatalogueRecord>;

/** One record with the records of other sources it may duplicate. */
export const CatalogueRecordDetail = Type.Object({
  ...CatalogueRecord.properties,
  possibleDuplicates: Type.Array(Type.Object({
    id: Type.String(), iri: Type.String(), type: Type.String(), title: Type.String(), source: Type.String(), publisherName: Type.Union([Type.String(), Type.Null()]),
    sharedKeys: Type.Array(Type.String(), { description: 'What both records have: identifier:<value> (IRI, dct:identifier, adms:identifier) or landingPage:<url>' }),
  }), { description: 'Records of other sources sharing an identifier or landing page: the same record harvested twice, or one dataset registered by two organisations' }),
  ...DirectoryPart,
  accessConditions: Type.Optional(Type.String({ description: 'Where the record\'s access conditions are' })),
}, { $id: 'CatalogueRecordDetail' });

const Segment = Type.Object({ text: Type.String(), match: Type.Boolean() });

export const SearchHit = Type.Object({
  document: typedRef(CatalogueRecord),
  highlights: Type.Object({ title: Type.Array(Segment), description: Type.Array(Segment) }),
});

const FacetCount = Type.Object({ value: Type.String(), count: Type.Integer(), label: Type.Union([Type.String(), Type.Null()]) });

/** The facet fields a search counts and filters on (the catalogue model's). */
export const FACETS = FACET_FIELDS;

export const SearchResult = Type.Object({
  hits: Type.Array(SearchHit),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  facets: Type.Record(Type.String(), Type.Array(FacetCount)),
  corrections: Type.Record(Type.String(), Type.Array(Type.String()), { description: 'Query words replaced by close words (typo tolerance)' }),
  processingTimeMs: Type.Integer(),
}, { $id: 'SearchResult' });
export type SearchResult = Static<typeof SearchResult>;

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 500, description: 'Free text; the last word matches as a prefix; typos tolerated' })),
  filter: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())], {
    description: 'field:value, repeatable; values within a field are OR-ed, fields AND-ed. Fields: type, publisher, theme, format, license, accessRights, source',
  })),
  facets: Type.Optional(Type.String({ description: 'Comma-separated facet fields to count, or * for all' })),
  sort: Type.Optional(Type.Union(['relevance', 'title:asc', 'title:desc', 'modified:asc', 'modified:desc'].map((s) => Type.Literal(s)))),
  page: Type.Optional(PageNumber()),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type SearchQuery = Static<typeof SearchQuery>;
