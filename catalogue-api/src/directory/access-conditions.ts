import type { Quad, Term } from '@rdfjs/types';
import { Store } from 'n3';
import { bestLiteral } from '@fedcat/harvester';
import { recordId } from '@fedcat/catalogue';
import { dcat, dcatap, dct, dpv, fedcat, foaf, odrl, rdf, rdfs, skos, vcard } from '@fedcat/vocab';
import { firstValue, sortedValues } from './rdf-values.js';
import { paths } from './resolution-json.js';

/** What the record itself does not hold: whether FSC Directories list the service, and which IRIs fedcat minted. */
export interface DirectoryFacts {
  readonly fscListing: (groupId: string, peerId: string, serviceName: string) => { readonly managerAddress: string | null } | null;
  /** Base of fedcat's skolem IRIs: nodes the publisher left unnamed, whose minted IRI is no identifier of theirs. */
  readonly genidBase: string;
}


/** A resource's name or label, in the preferred language. */
const label = (store: Store, s: Term): string | null => bestLiteral(store, s, [rdfs.label, skos.prefLabel, dct.title, foaf.name, vcard.fn]);

/** Leaves out absent values and empty lists: what a source does not give is not there, never null or invented. */
function present<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)
    && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0))) as Partial<T>;
}

function rights(store: Store, subject: Term, genidBase: string) {
  return store.getObjects(subject, dct.rights, null).map((r) => present({
    uri: r.termType === 'NamedNode' && !r.value.startsWith(genidBase) ? r.value : null, label: r.termType === 'Literal' ? r.value : label(store, r),
  }));
}

function contact(store: Store, subject: Term) {
  const c = store.getObjects(subject, dcat.contactPoint, null)[0];
  if (!c) return null;
  const email = firstValue(store, c, vcard.hasEmail);
  return present({ name: label(store, c), email: email?.replace(/^mailto:/i, '') ?? null, url: firstValue(store, c, vcard.hasURL) });
}

function fsc(store: Store, subject: Term, facts: DirectoryFacts) {
  return store.getObjects(subject, fedcat.fscService, null).flatMap((f) => {
    const groupId = firstValue(store, f, fedcat.fscGroup);
    const peerId = firstValue(store, f, fedcat.peerId);
    const serviceName = firstValue(store, f, fedcat.serviceName);
    if (!groupId || !peerId || !serviceName) return [];
    const listed = facts.fscListing(groupId, peerId, serviceName);
    const ecr = firstValue(store, f, fedcat.externalContractReferenceRequired);
    return [present({
      groupId, peerId, serviceName,
      regulatedArea: firstValue(store, f, fedcat.regulatedArea), membershipAdministrator: firstValue(store, f, fedcat.membershipAdministrator),
      externalContractReferenceRequired: ecr === null ? null : ecr === 'true',
      publishedInDirectory: listed !== null, providerManagerAddress: listed?.managerAddress ?? null,
      resolve: listed ? paths.fscResolve({ groupId, peerId, serviceName }) : null,
    })];
  });
}

function authorization(store: Store, subject: Term) {
  return store.getObjects(subject, fedcat.policyDecisionPoint, null).map((pdp) => {
    const check = store.getObjects(pdp, fedcat.pdpCheck, null)[0];
    const status = check ? firstValue(store, check, fedcat.pdpStatus) : null;
    const pdpId = check ? firstValue(store, check, fedcat.policyDecisionPointId) : null;
    const evaluation = check ? firstValue(store, check, fedcat.accessEvaluationEndpoint) : null;
    return present({
      profile: firstValue(store, pdp, fedcat.authorizationProfile),
      metadataUrl: firstValue(store, pdp, fedcat.authzenConfiguration),
      // The PDP's metadata as fedcat read it, in AuthZEN's own key names.
      metadata: status === 'valid' ? present({ policy_decision_point: pdpId, access_evaluation_endpoint: evaluation }) : null,
      check: check ? present({ status, checkedAt: firstValue(store, check, fedcat.checkedAt), problems: sortedValues(store, check, fedcat.problem) }) : { status: 'unchecked' },
      subjectTypes: sortedValues(store, pdp, fedcat.subjectType),
      resourceTypes: sortedValues(store, pdp, fedcat.resourceType),
      actions: sortedValues(store, pdp, fedcat.action),
      requiredSubjectProperties: sortedValues(store, pdp, fedcat.requiredSubjectProperty),
      requiredResourceProperties: sortedValues(store, pdp, fedcat.requiredResourceProperty),
      requiredActionProperties: sortedValues(store, pdp, fedcat.requiredActionProperty),
      requiredContext: sortedValues(store, pdp, fedcat.requiredContext),
      informationModel: firstValue(store, pdp, fedcat.informationModel),
      decisionLog: firstValue(store, pdp, fedcat.decisionLog),
    });
  });
}

/**
 * How to get access to a data service or dataset, assembled from its description (the record, what it refers to, and
 * what fedcat checked at harvest): access rights, licence, rights statements, applicable legislation, legal basis and
 * purposes (DPV), processing activities, ODRL policies, FSC connectivity (with whether a harvested FSC Directory lists
 * the service), the AuthZEN policy decision point, contact and publisher. A dataset adds its distributions, each with
 * its licence, policies and the data services it is reached through. Pure.
 */
export function accessConditions(quads: readonly Quad[], iri: string, facts: DirectoryFacts) {
  const store = new Store([...quads]);
  const r = store.getSubjects(rdf.type, null, null).find((s) => s.value === iri) ?? store.getSubjects(null, null, null).find((s) => s.value === iri);
  if (!r) return null;
  const type = store.countQuads(r, rdf.type, dcat.DataService, null) > 0 ? 'DataService' : 'Dataset';
  const publisher = store.getObjects(r, dct.publisher, null)[0];
  const distributions = type === 'Dataset'
    ? store.getObjects(r, dcat.distribution, null).map((d) => present({
      iri: d.termType === 'NamedNode' ? d.value : null,
      title: label(store, d),
      licenses: sortedValues(store, d, dct.license),
      rights: rights(store, d, facts.genidBase),
      policies: sortedValues(store, d, odrl.hasPolicy),
      accessUrls: sortedValues(store, d, dcat.accessURL),
      downloadUrls: sortedValues(store, d, dcat.downloadURL),
      format: firstValue(store, d, dct.format),
      mediaType: firstValue(store, d, dcat.mediaType),
      accessServices: store.getObjects(d, dcat.accessService, null).filter((s) => s.termType === 'NamedNode').map((s) => present({
        id: recordId(s.value), iri: s.value, title: label(store, s), accessRights: firstValue(store, s, dct.accessRights), accessConditions: paths.accessConditions(recordId(s.value)),
      })).sort((a, b) => String(a.iri).localeCompare(String(b.iri))),
    // In one order whatever order the store gave them in: by IRI, blank nodes by title.
    })).sort((a, b) => String(a.iri ?? '').localeCompare(String(b.iri ?? '')) || String(a.title ?? '').localeCompare(String(b.title ?? '')))
    : [];
  return present({
    resource: present({ id: recordId(iri), iri, type, title: label(store, r) ?? '', landingPages: sortedValues(store, r, dcat.landingPage) }),
    accessRights: firstValue(store, r, dct.accessRights),
    licenses: sortedValues(store, r, dct.license),
    rights: rights(store, r, facts.genidBase),
    applicableLegislation: sortedValues(store, r, dcatap.applicableLegislation),
    legalBasis: sortedValues(store, r, dpv.hasLegalBasis),
    purposes: sortedValues(store, r, dpv.hasPurpose),
    processingActivities: sortedValues(store, r, fedcat.processingActivity),
    policies: sortedValues(store, r, odrl.hasPolicy),
    connectivity: type === 'DataService' ? present({ fsc: fsc(store, r, facts) }) : null,
    authorization: authorization(store, r),
    contact: contact(store, r),
    publisher: publisher ? present({ uri: publisher.termType === 'NamedNode' && !publisher.value.startsWith(facts.genidBase) ? publisher.value : null, name: label(store, publisher) }) : null,
    distributions,
  });
}
