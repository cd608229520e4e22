// The API's request and response schemas (TypeBox): what the routes validate and serialise with, what the OpenAPI
// document is made of, and (as `@fedcat/catalogue-api/schemas`, a type-only import) what the web's types are.
export { Problem } from './common.js';
export { ApiDescription, AccessConditions, Resolution, FscServices, FscPeers, FscResolution, Changes } from './directory.js';
export { Organisation } from './organisations.js';
export { RecordQuality, AggregateQuality, OrganisationQuality } from './quality.js';
export { CatalogueRecord, CatalogueRecordDetail, SearchHit, SearchResult, SearchQuery, FACETS } from './records.js';
export { UnmappedValue, Run, RunningHarvest, SourceWithStatus, SourceSettings, SourceCreate, SourcePatch, AuditEntry } from './sources.js';
export { ReportGroup, ValidationReport, ValidationProfiles } from './validation.js';
export { TryAnswer } from './try.js';
