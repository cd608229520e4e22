import type { Quad, Term } from '@rdfjs/types';
import { Store } from 'n3';
import { bestLiteral, lifecycleStatus, type Lifecycle } from '@fedcat/harvester';
import { recordId } from '@fedcat/catalogue';
import { adms, dcat, dct, dqv, fedcat, foaf, rdf, rdfs, skos, vcard } from '@fedcat/vocab';
import { firstValue, sortedValues, valueInLang } from './rdf-values.js';

/** FSC coordinates a publisher gives for a data service. */
export interface FscCoordinates {
  readonly groupId: string;
  readonly peerId: string;
  readonly serviceName: string;
  readonly regulatedArea: string | null;
  readonly membershipAdministrator: string | null;
  readonly externalContractReferenceRequired: boolean | null;
}

/** What fedcat found at a data service's OpenAPI description (see describeServices). */
export interface ApiView {
  readonly descriptionUrl: string;
  readonly status: 'valid' | 'invalid' | 'unreachable';
  readonly httpStatus: number;
  readonly checkedAt: string | null;
  readonly sha256: string | null;
  readonly problem: string | null;
  readonly openapiVersion: string | null;
  readonly title: string | null;
  readonly version: string | null;
  readonly servers: readonly { readonly url: string; readonly description: string | null }[];
  readonly authTypes: readonly string[];
  readonly docsUrl: string | null;
  /** From the description's dates; null when the description could not be fetched (the lifecycle is unknown, not active). */
  readonly lifecycle: { readonly status: Lifecycle; readonly deprecated: string | null; readonly sunset: string | null } | null;
  readonly designRules: { readonly score: number | null; readonly findings: readonly { readonly rule: string; readonly passed: boolean; readonly detail: string; readonly text: { readonly nl: string; readonly en: string } }[] };
}

/** A policy decision point as declared, with fedcat's check of its metadata. */
export interface PdpView {
  readonly metadataUrl: string;
  readonly profile: string | null;
  readonly status: 'valid' | 'invalid' | 'unreachable' | 'unchecked';
  readonly policyDecisionPoint: string | null;
  readonly accessEvaluationEndpoint: string | null;
  readonly problems: readonly string[];
}

/** A data service as the service directory holds it. */
export interface ServiceView {
  readonly id: string;
  readonly iri: string;
  readonly title: string;
  readonly description: string;
  readonly publisher: { readonly uri: string; readonly name: string | null; readonly oins: readonly string[] } | null;
  /** The owner's settings for trying the API from its page: switched off (fedcat:tryConsole false), methods besides GET and HEAD. */
  readonly tryIt: { readonly on: boolean; readonly methods: readonly string[] };
  /** The record's contact point (dcat:contactPoint): its name, e-mail address (without mailto:) and web page. */
  readonly contact: { readonly name: string | null; readonly email: string | null; readonly url: string | null } | null;
  readonly endpointUrls: readonly string[];
  readonly endpointDescriptions: readonly string[];
  readonly accessRights: string | null;
  readonly license: string | null;
  readonly servesDatasets: readonly string[];
  readonly fsc: readonly FscCoordinates[];
  readonly api: ApiView | null;
  readonly pdps: readonly PdpView[];
}

const OIN = /^\d{20}$/;

function contactOf(store: Store, node: Term | undefined): ServiceView['contact'] {
  if (!node) return null;
  const email = firstValue(store, node, vcard.hasEmail);
  return { name: bestLiteral(store, node, [vcard.fn]), email: email ? email.replace(/^mailto:/i, '') : null, url: firstValue(store, node, vcard.hasURL) };
}

function apiView(store: Store, node: Term, today: string): ApiView {
  const status = firstValue(store, node, fedcat.descriptionStatus);
  const deprecated = firstValue(store, node, fedcat.deprecatedOn);
  const sunset = firstValue(store, node, fedcat.sunsetOn);
  const findings = store.getObjects(node, fedcat.designRuleResult, null).map((r) => {
    // English and Dutch comments (a finding described before they were both written has one, untagged: English).
    const detail = valueInLang(store, r, rdfs.comment, 'en') ?? '';
    return { rule: firstValue(store, r, fedcat.rule) ?? '', passed: firstValue(store, r, fedcat.passed) === 'true', detail, text: { en: detail, nl: valueInLang(store, r, rdfs.comment, 'nl') ?? detail } };
  }).sort((a, b) => a.rule.localeCompare(b.rule));
  const fetched = status === 'valid' || status === 'invalid';
  return {
    descriptionUrl: firstValue(store, node, fedcat.descriptionUrl) ?? '',
    status: fetched ? status : 'unreachable',
    httpStatus: Number(firstValue(store, node, fedcat.httpStatus) ?? 0),
    checkedAt: firstValue(store, node, fedcat.checkedAt),
    sha256: firstValue(store, node, fedcat.sha256),
    problem: firstValue(store, node, fedcat.problem),
    openapiVersion: firstValue(store, node, fedcat.openapiVersion),
    title: firstValue(store, node, rdfs.label),
    version: firstValue(store, node, fedcat.apiVersion),
    servers: store.getObjects(node, fedcat.server, null).flatMap((n) => {
      const url = firstValue(store, n, fedcat.serverUrl);
      return url ? [{ url, description: firstValue(store, n, rdfs.label) }] : [];
    }).sort((a, b) => a.url.localeCompare(b.url)),
    authTypes: sortedValues(store, node, fedcat.authType),
    docsUrl: firstValue(store, node, fedcat.docsUrl),
    lifecycle: fetched ? { status: lifecycleStatus(deprecated, sunset, today), deprecated, sunset } : null,
    designRules: { score: null, findings },
  };
}

/**
 * The data services in a page of the store's answer ({@link servicePageQuery}), as the directory holds them. `today`
 * (YYYY-MM-DD) decides lifecycle states. Pure.
 */
export function serviceViews(quads: readonly Quad[], today: string): ServiceView[] {
  const store = new Store([...quads]);
  return store.getSubjects(rdf.type, dcat.DataService, null).filter((s) => s.termType === 'NamedNode').map((s) => {
    const publisher = store.getObjects(s, dct.publisher, null).find((o) => o.termType === 'NamedNode');
    const oins = publisher
      ? [...new Set(store.getObjects(publisher, adms.identifier, null).flatMap((id) => store.getObjects(id, skos.notation, null).map((n) => n.value.trim())).filter((n) => OIN.test(n)))].sort()
      : [];
    const fsc = store.getObjects(s, fedcat.fscService, null).flatMap((f): FscCoordinates[] => {
      const groupId = firstValue(store, f, fedcat.fscGroup);
      const peerId = firstValue(store, f, fedcat.peerId);
      const serviceName = firstValue(store, f, fedcat.serviceName);
      if (!groupId || !peerId || !serviceName) return [];
      const ecr = firstValue(store, f, fedcat.externalContractReferenceRequired);
      return [{ groupId, peerId, serviceName, regulatedArea: firstValue(store, f, fedcat.regulatedArea), membershipAdministrator: firstValue(store, f, fedcat.membershipAdministrator),
        externalContractReferenceRequired: ecr === null ? null : ecr === 'true' }];
    }).sort((a, b) => `${a.groupId} ${a.peerId} ${a.serviceName}`.localeCompare(`${b.groupId} ${b.peerId} ${b.serviceName}`));
    const descriptionNode = store.getObjects(s, fedcat.apiDescription, null)[0];
    const score = store.getObjects(s, dqv.hasQualityMeasurement, null).find((m) => store.countQuads(m, dqv.isMeasurementOf, fedcat.adrScore, null) > 0);
    const api = descriptionNode ? apiView(store, descriptionNode, today) : null;
    const pdps = store.getObjects(s, fedcat.policyDecisionPoint, null).flatMap((node): PdpView[] => {
      const metadataUrl = firstValue(store, node, fedcat.authzenConfiguration);
      if (!metadataUrl) return [];
      const check = store.getObjects(node, fedcat.pdpCheck, null)[0];
      const status = check ? firstValue(store, check, fedcat.pdpStatus) : null;
      return [{
        metadataUrl, profile: firstValue(store, node, fedcat.authorizationProfile),
        status: status === 'valid' || status === 'invalid' || status === 'unreachable' ? status : 'unchecked',
        policyDecisionPoint: check ? firstValue(store, check, fedcat.policyDecisionPointId) : null,
        accessEvaluationEndpoint: check ? firstValue(store, check, fedcat.accessEvaluationEndpoint) : null,
        problems: check ? sortedValues(store, check, fedcat.problem) : [],
      }];
    });
    return {
      id: recordId(s.value), iri: s.value,
      title: bestLiteral(store, s, [dct.title]) ?? '',
      description: bestLiteral(store, s, [dct.description]) ?? '',
      contact: contactOf(store, store.getObjects(s, dcat.contactPoint, null)[0]),
      tryIt: { on: firstValue(store, s, fedcat.tryConsole) !== 'false', methods: sortedValues(store, s, fedcat.tryMethod).map((m) => m.toUpperCase()).filter((m) => /^(POST|PUT|PATCH|DELETE)$/.test(m)) },
      publisher: publisher ? { uri: publisher.value, name: bestLiteral(store, publisher, [foaf.name, skos.prefLabel, rdfs.label]), oins } : null,
      endpointUrls: sortedValues(store, s, dcat.endpointURL),
      endpointDescriptions: sortedValues(store, s, dcat.endpointDescription),
      accessRights: firstValue(store, s, dct.accessRights),
      license: firstValue(store, s, dct.license),
      servesDatasets: sortedValues(store, s, dcat.servesDataset),
      fsc,
      api: api && { ...api, designRules: { ...api.designRules, score: score ? Number(firstValue(store, score, dqv.value)) : null } },
      pdps,
    };
  }).sort((a, b) => a.iri.localeCompare(b.iri));
}

/** A peer as FSC Directories list it. */
export interface FscPeerView { readonly groupId: string; readonly id: string; readonly name: string; readonly managerAddress: string }
/** A service as FSC Directories list it. */
export interface FscListingView {
  readonly groupId: string; readonly peerId: string; readonly name: string; readonly protocol: string; readonly type: string;
  readonly delegator: { readonly peerId: string; readonly peerName: string } | null;
  /** When fedcat last read it from the Directory. */
  readonly listedAt: string | null;
}

/** The FSC Directory listings in the store's answer ({@link fscListingsQuery}). Pure. */
export function fscViews(quads: readonly Quad[]): { peers: FscPeerView[]; services: FscListingView[] } {
  const store = new Store([...quads]);
  const peers = store.getSubjects(rdf.type, fedcat.FscPeer, null).flatMap((p): FscPeerView[] => {
    const groupId = firstValue(store, p, fedcat.fscGroup);
    const id = firstValue(store, p, fedcat.peerId);
    const name = firstValue(store, p, foaf.name);
    const managerAddress = firstValue(store, p, fedcat.managerAddress);
    return groupId && id && name && managerAddress ? [{ groupId, id, name, managerAddress }] : [];
  });
  const services = store.getSubjects(rdf.type, fedcat.FscServiceListing, null).flatMap((x): FscListingView[] => {
    const groupId = firstValue(store, x, fedcat.fscGroup);
    const peerId = firstValue(store, x, fedcat.peerId);
    const name = firstValue(store, x, fedcat.serviceName);
    if (!groupId || !peerId || !name) return [];
    const delegatorId = firstValue(store, x, fedcat.delegatorPeerId);
    return [{
      groupId, peerId, name, protocol: firstValue(store, x, fedcat.protocol) ?? 'PROTOCOL_TCP_HTTP_1.1', type: firstValue(store, x, fedcat.serviceType) ?? 'SERVICE_TYPE_SERVICE',
      delegator: delegatorId ? { peerId: delegatorId, peerName: firstValue(store, x, fedcat.delegatorName) ?? '' } : null,
      listedAt: firstValue(store, x, fedcat.listedAt),
    }];
  });
  return { peers, services };
}
