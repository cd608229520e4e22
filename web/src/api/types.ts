// The shapes the catalogue API answers with (see /v1/openapi.json). The web talks to the API over HTTP only.

export interface Segment { text: string; match: boolean }
export interface CatalogueRecord {
  id: string; iri: string; type: 'Dataset' | 'DataService'; title: string; description: string; keywords: string[];
  publisher: string | null; publisherName: string | null; themes: string[]; formats: string[]; licenses: string[];
  accessRights: string[]; modified: string | null; endpointUrls: string[]; source: string; harvestedAt: string;
}
/** A record of another source sharing an identifier or landing page with the one shown. */
export interface PossibleDuplicate { id: string; iri: string; type: string; title: string; source: string; publisherName: string | null; sharedKeys: string[] }
/** What fedcat found at a data service's OpenAPI description (`api` of a data service). */
export interface ApiDescription {
  descriptionUrl: string; status: 'valid' | 'invalid' | 'unreachable'; httpStatus: number; checkedAt: string | null; sha256: string | null;
  problem: string | null; openapiVersion: string | null; title: string | null; version: string | null;
  servers: { url: string; description: string | null }[]; authTypes: string[]; docsUrl: string | null;
  lifecycle: { status: 'active' | 'deprecated' | 'sunset' | 'retired'; deprecated: string | null; sunset: string | null };
  designRules: { score: number | null; findings: { rule: string; passed: boolean; detail: string }[] };
}
export interface CatalogueRecordDetail extends CatalogueRecord {
  possibleDuplicates: PossibleDuplicate[];
  api?: ApiDescription | null;
  accessConditions?: string;
}
/** `/v1/{datasets|dataservices}/{id}/access-conditions`: fields the source does not give are absent. */
export interface AccessConditions {
  resource: { id: string; iri: string; type: 'Dataset' | 'DataService'; title: string; landingPages?: string[] };
  accessRights?: string; licenses?: string[]; rights?: { uri?: string; label?: string }[]; applicableLegislation?: string[];
  legalBasis?: string[]; purposes?: string[]; processingActivities?: string[]; policies?: string[];
  connectivity?: { fsc?: { groupId: string; peerId: string; serviceName: string; regulatedArea?: string; membershipAdministrator?: string;
    externalContractReferenceRequired?: boolean; publishedInDirectory: boolean; providerManagerAddress?: string; resolve?: string }[] };
  authorization?: { profile?: string; metadataUrl?: string; metadata?: { policy_decision_point?: string; access_evaluation_endpoint?: string };
    check: { status: string; problems?: string[] }; subjectTypes?: string[]; resourceTypes?: string[]; actions?: string[];
    requiredSubjectProperties?: string[]; requiredResourceProperties?: string[]; requiredActionProperties?: string[]; requiredContext?: string[];
    informationModel?: string }[];
  contact?: { name?: string; email?: string; url?: string };
  publisher?: { uri?: string; name?: string };
  distributions?: { iri?: string; title?: string; licenses?: string[]; policies?: string[]; accessUrls?: string[]; downloadUrls?: string[]; format?: string; mediaType?: string;
    accessServices?: { id: string; iri: string; title?: string; accessRights?: string; accessConditions: string }[] }[];
}
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

/** `/v1/sources/{id}/quality`: a source's average MQA score and how many datasets meet each indicator. */
export interface AggregateQuality {
  records: number; score: number; max: number; rating: string; ratingLabel: Labels;
  dimensions: { dimension: string; label: Labels; score: number; max: number }[];
  indicators: { id: string; label: Labels; weight: number; met: number; share: number }[];
}
/** `/v1/organisations`. */
export interface Organisation {
  iri: string; name: string | null; datasets: number; dataServices: number; sources: string[]; oins: string[];
  fscPeers: { groupId: string; peerId: string; name: string; managerAddress: string }[];
}
export interface OrganisationScore { iri: string; name: string | null; datasets: number; score: number; rating: string }
/** One group of validation findings (same shape, path, constraint, severity). */
export interface ReportGroup {
  severity: 'violation' | 'warning' | 'info'; shape: string; path: string | null; constraint: string | null; file: string; gating: boolean;
  count: number; resources: number; example: { focusNode: string; focusKind: string; value: string | null; valueKind: string | null };
  messages: Labels;
}
export interface ValidationReport {
  profile: string; conforms: boolean; violations: number; warnings: number; infos: number; resources: number; statements: number; groups: ReportGroup[];
}
export interface RunningHarvest {
  source: string; pid: number; startedAt: string; updatedAt: string;
  progress: { phase: 'reading' | 'splitting' | 'validating' | 'assessing' | 'publishing'; pages: number; bytes: number; quads: number; records: number;
    toValidate: number; validated: number; linksToCheck?: number; linksChecked?: number };
}
export interface Run {
  id: string; source: string; status: 'succeeded' | 'unchanged' | 'failed'; startedAt: string; endedAt: string;
  stats?: {
    syntax: string; bytes: number; pages: number; quads: number; datasets: number; dataServices: number;
    records: { added: number; updated: number; unchanged: number; removed: number; invalid: number };
    validation: { profile: string; violations: number; warnings: number };
    quality?: { datasets: number; score: number; rating: string } | null;
  };
  error?: { code: string; message: string };
}
export interface SourceWithStatus {
  id: string; url: string; org: string | null; addedAt: string; kind: string; interval: string | null; nextHarvestAt: string | null; paused: boolean;
  lastRun: Run | null; lastSuccess: Run | null; running: RunningHarvest | null;
}
/** SPARQL 1.1 Query Results JSON. */
export interface SparqlResults {
  head: { vars?: string[] };
  results?: { bindings: Record<string, { type: string; value: string; 'xml:lang'?: string; datatype?: string }>[] };
  boolean?: boolean;
}
export interface ValidationProfiles { default: string; profiles: { id: string; title: string }[] }
