import { closedNamespace } from './namespace.js';

/** RDF core terms. */
export const rdf = closedNamespace('http://www.w3.org/1999/02/22-rdf-syntax-ns#', ['type', 'langString'] as const);

/** W3C Data Catalog Vocabulary (DCAT 3) terms used by fedcat. */
export const dcat = closedNamespace('http://www.w3.org/ns/dcat#', [
  'Catalog', 'Dataset', 'DataService', 'DatasetSeries', 'Distribution', 'CatalogRecord',
  'dataset', 'service', 'distribution', 'accessURL', 'downloadURL', 'mediaType', 'keyword', 'theme',
  'contactPoint', 'endpointURL', 'endpointDescription', 'servesDataset', 'accessService', 'landingPage', 'byteSize',
] as const);

/** DCMI Metadata Terms used by fedcat. */
export const dct = closedNamespace('http://purl.org/dc/terms/', [
  'title', 'description', 'publisher', 'license', 'accessRights', 'format', 'modified', 'issued',
  'identifier', 'language', 'conformsTo', 'rights', 'source', 'type', 'creator', 'hasPart', 'spatial', 'temporal', 'accrualPeriodicity',
] as const);

/** FOAF terms (agents and their names). */
export const foaf = closedNamespace('http://xmlns.com/foaf/0.1/', ['Agent', 'Organization', 'name', 'homepage', 'primaryTopic'] as const);

/** vCard terms (contact points). */
export const vcard = closedNamespace('http://www.w3.org/2006/vcard/ns#', ['Kind', 'Organization', 'fn', 'hasEmail', 'hasURL'] as const);

/** SKOS terms (concept labels of authority tables). */
export const skos = closedNamespace('http://www.w3.org/2004/02/skos/core#', ['Concept', 'ConceptScheme', 'prefLabel', 'inScheme', 'notation', 'exactMatch'] as const);

/** XML Schema datatypes used by fedcat. */
export const xsd = closedNamespace('http://www.w3.org/2001/XMLSchema#', ['string', 'date', 'dateTime', 'integer', 'decimal', 'boolean'] as const);

/** PROV-O terms for harvest provenance. */
export const prov = closedNamespace('http://www.w3.org/ns/prov#', ['Activity', 'wasGeneratedBy', 'startedAtTime', 'endedAtTime', 'used', 'wasAssociatedWith'] as const);

/** ADMS terms: identifiers, and the status (change type) of a catalogue record. */
export const adms = closedNamespace('http://www.w3.org/ns/adms#', ['Identifier', 'identifier', 'status'] as const);

/** The ADMS change types DCAT-AP uses for `adms:status` of a `dcat:CatalogRecord`. */
export const changetype = closedNamespace('http://purl.org/adms/changetype/', ['created', 'updated', 'deleted'] as const);

/** fedcat's own terms: the outcome and counts of a harvest run. */
export const fedcat = closedNamespace('https://w3id.org/fedcat/ns#', [
  'HarvestRun', 'outcome', 'errorCode', 'errorMessage', 'bytes', 'pages',
  'recordsAdded', 'recordsUpdated', 'recordsUnchanged', 'recordsRemoved', 'recordsInvalid', 'datasetsAssessed',
  // Access conditions publishers write (data/fedcat/fedcat-ext.ttl).
  'FscService', 'fscService', 'fscGroup', 'peerId', 'serviceName', 'regulatedArea', 'membershipAdministrator',
  'externalContractReferenceRequired', 'PolicyDecisionPoint', 'policyDecisionPoint', 'authzenConfiguration',
  'authorizationProfile', 'subjectType', 'resourceType', 'action', 'requiredSubjectProperty', 'requiredResourceProperty',
  'requiredActionProperty', 'requiredContext', 'informationModel', 'decisionLog', 'processingActivity', 'tryConsole', 'tryMethod',
  // What fedcat derives at harvest: API descriptions, design rules, PDP checks, FSC Directory listings.
  'ApiDescription', 'apiDescription', 'descriptionUrl', 'descriptionStatus', 'httpStatus', 'checkedAt', 'sha256', 'problem',
  'openapiVersion', 'apiVersion', 'server', 'serverUrl', 'authType', 'deprecatedOn', 'sunsetOn', 'docsUrl', 'corsAllowOrigin',
  'DesignRuleResult', 'designRuleResult', 'rule', 'passed', 'adrScore', 'PdpCheck', 'pdpCheck', 'pdpStatus',
  'accessEvaluationEndpoint', 'policyDecisionPointId', 'FscPeer', 'FscServiceListing', 'managerAddress', 'protocol',
  'serviceType', 'delegatorPeerId', 'delegatorName', 'listedAt',
] as const);

/** W3C Data Privacy Vocabulary: legal basis and purpose of processing. */
export const dpv = closedNamespace('https://w3id.org/dpv#', ['hasLegalBasis', 'hasPurpose'] as const);

/** ODRL: the policy that governs use. */
export const odrl = closedNamespace('http://www.w3.org/ns/odrl/2/', ['hasPolicy'] as const);

/** DCAT-AP's own terms. */
export const dcatap = closedNamespace('http://data.europa.eu/r5r/', ['applicableLegislation', 'hvdCategory'] as const);

/** W3C Data Quality Vocabulary terms fedcat stores quality with. */
export const dqv = closedNamespace('http://www.w3.org/ns/dqv#', ['hasQualityMeasurement', 'isMeasurementOf', 'value'] as const);

/** RDF Schema terms. */
export const rdfs = closedNamespace('http://www.w3.org/2000/01/rdf-schema#', ['comment', 'label'] as const);

/** Hydra Core terms for paged collections (the DCAT feed). */
export const hydra = closedNamespace('http://www.w3.org/ns/hydra/core#', [
  'Collection', 'PartialCollectionView', 'view', 'totalItems', 'first', 'previous', 'next', 'last',
] as const);
