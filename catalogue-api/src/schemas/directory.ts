import { Type } from 'typebox';
import { typedRef } from './common.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();

/** What fedcat found at a data service's OpenAPI description. */
export const ApiDescription = Type.Object({
  descriptionUrl: Str,
  status: Type.Union([Type.Literal('valid'), Type.Literal('invalid'), Type.Literal('unreachable')], { description: 'valid OpenAPI 3, invalid (fetched, not valid), or unreachable' }),
  httpStatus: Type.Integer({ description: 'HTTP status of the fetch; 0 when no answer came' }),
  checkedAt: Nullable(Str),
  sha256: Nullable(Type.String({ description: 'SHA-256 (hex) of the document fetched' })),
  problem: Nullable(Str),
  openapiVersion: Nullable(Str),
  title: Nullable(Str),
  version: Nullable(Type.String({ description: 'info.version' })),
  servers: Type.Array(Type.Object({ url: Str, description: Nullable(Str) })),
  authTypes: Type.Array(Type.String({ description: 'none, api_key, oauth2, openid, bearer, basic, http, mutual_tls, unknown (the API register\'s names)' })),
  docsUrl: Nullable(Str),
  lifecycle: Nullable(Type.Object({
    status: Type.Union(['active', 'deprecated', 'sunset', 'retired'].map((s) => Type.Literal(s))),
    deprecated: Nullable(Type.String({ description: 'info.x-deprecated' })),
    sunset: Nullable(Type.String({ description: 'info.x-sunset' })),
  }, { description: 'From the description; null when it could not be fetched (unknown, not active)' })),
  designRules: Type.Object({
    score: Nullable(Type.Integer({ description: 'NL API Design Rules score, 0-100: round((1 - failed/measured) x 100)' })),
    findings: Type.Array(Type.Object({
      rule: Type.String({ description: 'Rule id, e.g. /core/uri-version' }), passed: Type.Boolean(),
      detail: Type.String({ description: 'What was found, in English' }),
      text: Type.Object({ nl: Str, en: Str }, { description: 'What was found, in Dutch and English' }),
    })),
  }),
}, { $id: 'ApiDescription' });

const FscCoordinates = Type.Object({
  groupId: Str, peerId: Str, serviceName: Str, regulatedArea: Nullable(Str), membershipAdministrator: Nullable(Str),
  externalContractReferenceRequired: Nullable(Type.Boolean()),
});

const Pdp = Type.Object({
  metadataUrl: Str, profile: Nullable(Str), status: Type.Union(['valid', 'invalid', 'unreachable', 'unchecked'].map((s) => Type.Literal(s))),
  policyDecisionPoint: Nullable(Str), accessEvaluationEndpoint: Nullable(Str), problems: Type.Array(Str),
});

/** The service-directory part of a data service's JSON. */
export const DirectoryPart = {
  api: Type.Optional(Nullable(typedRef(ApiDescription))),
  fsc: Type.Optional(Type.Array(FscCoordinates, { description: 'FSC coordinates the publisher gives (fedcat:fscService)' })),
  policyDecisionPoints: Type.Optional(Type.Array(Pdp, { description: 'AuthZEN policy decision points, with fedcat\'s check of their metadata' })),
  tryIt: Type.Optional(Type.Object({
    on: Type.Boolean({ description: 'false when the owner switched trying the API from its page off (fedcat:tryConsole false)' }),
    methods: Type.Array(Str, { description: 'Methods the console may send besides GET and HEAD (fedcat:tryMethod)' }),
  })),
  servesDatasets: Type.Optional(Type.Array(Type.Object({ iri: Str, id: Nullable(Str), title: Nullable(Str) }), {
    description: 'The datasets the service serves (dcat:servesDataset): their record id and title where fedcat holds them',
  })),
};

/** `GET /v1/resolve`. */
export const Resolution = Type.Object({
  service: Type.Object({ id: Str, iri: Str, title: Str, publisher: Nullable(Type.Object({ uri: Str, name: Nullable(Str), oins: Type.Array(Str) })) }),
  endpoints: Type.Array(Type.String({ description: 'dcat:endpointURL' })),
  servers: Type.Array(Type.Object({ url: Str, description: Nullable(Str) }), { description: 'Servers of the OpenAPI description (of the asked environment)' }),
  openapi: Nullable(Type.Object({ url: Str, sha256: Nullable(Str), status: Str, openapiVersion: Nullable(Str), version: Nullable(Str), docsUrl: Nullable(Str) })),
  auth: Type.Array(Str),
  lifecycle: Nullable(Type.Object({ status: Str, deprecated: Nullable(Str), sunset: Nullable(Str) })),
  health: Nullable(Type.Object({ description: Type.String({ description: 'reachable or unreachable: the OpenAPI description at the last fetch' }), httpStatus: Type.Integer(), checkedAt: Nullable(Str) })),
  accessRights: Nullable(Str),
  fsc: Type.Array(Type.Object({ groupId: Str, peerId: Str, serviceName: Str, publishedInDirectory: Type.Boolean(), resolve: Str })),
  accessConditions: Str,
  record: Str,
}, { $id: 'Resolution' });

const Listed = Type.Object({ uri: Type.Optional(Str), label: Type.Optional(Str) });

/** `GET /v1/dataservices/{id}/access-conditions` and `/v1/datasets/{id}/access-conditions`: absent fields are not given by the source. */
export const AccessConditions = Type.Object({
  resource: Type.Object({ id: Str, iri: Str, type: Type.Union([Type.Literal('Dataset'), Type.Literal('DataService')]), title: Str,
    landingPages: Type.Optional(Type.Array(Str, { description: 'dcat:landingPage, as published (a client links only http(s))' })) }),
  accessRights: Type.Optional(Type.String({ description: 'dct:accessRights (EU access-right table)' })),
  licenses: Type.Optional(Type.Array(Str)),
  rights: Type.Optional(Type.Array(Listed)),
  applicableLegislation: Type.Optional(Type.Array(Type.String({ description: 'ELI or wetten.overheid.nl (BWB/JCI) IRIs' }))),
  legalBasis: Type.Optional(Type.Array(Type.String({ description: 'dpv:hasLegalBasis (DPV terms)' }))),
  purposes: Type.Optional(Type.Array(Type.String({ description: 'dpv:hasPurpose' }))),
  processingActivities: Type.Optional(Type.Array(Type.String({ description: 'fedcat:processingActivity: versioned IRIs in a processing-activity register' }))),
  policies: Type.Optional(Type.Array(Type.String({ description: 'odrl:hasPolicy' }))),
  connectivity: Type.Optional(Type.Object({
    fsc: Type.Optional(Type.Array(Type.Object({
      groupId: Str, peerId: Str, serviceName: Str, regulatedArea: Type.Optional(Str), membershipAdministrator: Type.Optional(Str),
      externalContractReferenceRequired: Type.Optional(Type.Boolean()), publishedInDirectory: Type.Boolean(),
      providerManagerAddress: Type.Optional(Str), resolve: Type.Optional(Str),
    }))),
  })),
  authorization: Type.Optional(Type.Array(Type.Object({
    profile: Type.Optional(Str), metadataUrl: Type.Optional(Str),
    metadata: Type.Optional(Type.Object({ policy_decision_point: Type.Optional(Str), access_evaluation_endpoint: Type.Optional(Str) }, { description: 'The PDP metadata as fedcat read it (AuthZEN key names)' })),
    check: Type.Object({ status: Str, checkedAt: Type.Optional(Str), problems: Type.Optional(Type.Array(Str)) }),
    subjectTypes: Type.Optional(Type.Array(Str)), resourceTypes: Type.Optional(Type.Array(Str)), actions: Type.Optional(Type.Array(Str)),
    requiredSubjectProperties: Type.Optional(Type.Array(Str)), requiredResourceProperties: Type.Optional(Type.Array(Str)),
    requiredActionProperties: Type.Optional(Type.Array(Str)), requiredContext: Type.Optional(Type.Array(Str)),
    informationModel: Type.Optional(Str), decisionLog: Type.Optional(Str),
  }))),
  contact: Type.Optional(Type.Object({ name: Type.Optional(Str), email: Type.Optional(Str), url: Type.Optional(Str) })),
  publisher: Type.Optional(Type.Object({ uri: Type.Optional(Str), name: Type.Optional(Str) })),
  distributions: Type.Optional(Type.Array(Type.Object({
    iri: Type.Optional(Str), title: Type.Optional(Str), licenses: Type.Optional(Type.Array(Str)), rights: Type.Optional(Type.Array(Listed)),
    policies: Type.Optional(Type.Array(Str)),
    accessUrls: Type.Optional(Type.Array(Str)), downloadUrls: Type.Optional(Type.Array(Str)),
    format: Type.Optional(Str), mediaType: Type.Optional(Str),
    accessServices: Type.Optional(Type.Array(Type.Object({ id: Str, iri: Str, title: Type.Optional(Str), accessRights: Type.Optional(Str), accessConditions: Str }))),
  }))),
}, { $id: 'AccessConditions' });

// FSC's own shapes (fsc-core-manager.yaml), verbatim, with fedcat's `catalogue` beside a listing.
const FscPeer = Type.Object({ id: Str, name: Str, manager_address: Str });
const Pagination = Type.Object({ next_cursor: Type.String({ description: 'Cursor of the next page; empty when there is none' }) });
const CatalogueLink = Type.Object({
  dataservice_id: Str, dataservice_uri: Str, publisher_tooi: Nullable(Str), access_rights: Nullable(Str), oas_url: Nullable(Str),
  lifecycle_status: Nullable(Str), access_conditions: Str,
}, { description: 'Not FSC: the catalogue\'s data service for this FSC service' });

export const FscServices = Type.Object({
  services: Type.Array(Type.Object({
    type: Type.Union([Type.Literal('SERVICE_TYPE_SERVICE'), Type.Literal('SERVICE_TYPE_DELEGATED_SERVICE')]),
    data: Type.Object({
      type: Type.Union([Type.Literal('SERVICE_TYPE_SERVICE'), Type.Literal('SERVICE_TYPE_DELEGATED_SERVICE')]),
      name: Str, protocol: Str, peer: FscPeer,
      delegator: Type.Optional(Type.Object({ peer_id: Str, peer_name: Str })),
    }),
    catalogue: Type.Optional(CatalogueLink),
  })),
  pagination: Pagination,
}, { $id: 'FscServices' });

export const FscPeers = Type.Object({
  peers: Type.Array(Type.Object({ ...FscPeer.properties, catalogue: Type.Optional(Type.Object({ tooi_uri: Type.Array(Str) }, { description: 'Not FSC: organisations in the catalogue with this OIN' })) })),
  pagination: Pagination,
}, { $id: 'FscPeers' });

export const FscResolution = Type.Object({
  group_id: Str,
  service: Type.Object({ peer_id: Str, name: Str, protocol: Str, type: Str, delegator: Nullable(Type.Object({ peer_id: Str, peer_name: Str })) }),
  provider_manager_address: Str,
  token_endpoint: Type.String({ description: 'OAuth 2 client credentials at the provider\'s Manager; scope = your grant hash' }),
  contract_endpoint: Str,
  connection_grant_types: Type.Array(Str),
  required_grant_properties: Type.Optional(Type.Object({ regulated_area_name: Str, membership_administrator_peer_id: Type.Optional(Str) })),
  regulated_area: Type.Optional(Type.Object({ name: Str, members_url: Type.Optional(Str) })),
  oas_url: Nullable(Str),
  oas_sha256: Nullable(Str),
  access: Nullable(Type.Object({ href: Type.String({ description: 'The access conditions of the catalogue\'s data service' }) })),
  catalogue: Nullable(CatalogueLink),
  source: Type.Object({ listed_at: Nullable(Str) }),
}, { $id: 'FscResolution', description: 'Never a grant hash, token or Inway address: those are per consumer (FSC gives the Inway in the access token)' });

export const Changes = Type.Object({
  changes: Type.Array(Type.Object({
    seq: Type.Integer(), at: Str, service: Str, iri: Str,
    change: Type.Union([Type.Literal('added'), Type.Literal('changed'), Type.Literal('removed')]),
    etag: Nullable(Type.String({ description: 'ETag of the service\'s /v1/resolve answer now' })),
  })),
  next: Type.Integer({ description: 'Pass as since= to get what changes after these' }),
}, { $id: 'Changes' });
