export { closedNamespace } from './namespace.js';
export { rdf, rdfs, dcat, dct, dqv, foaf, vcard, skos, xsd, prov, adms, changetype, fedcat, hydra, dpv, odrl, dcatap } from './terms.js';
export { conceptLabel, conceptLabels, shortLabel, type ConceptLabel } from './labels.js';
export { AUTHORITY_TABLES, backgroundKnowledge, classHierarchy, loadAuthorityTable, typeConcepts, type AuthorityTable } from './authority-tables.js';
export { canonicalLicence, licenceShortName } from './licences.js';
export { NON_PROPRIETARY, MACHINE_READABLE, fileTypeCode, fileTypeIri, isIanaMediaType, isFileTypeIri } from './file-formats.js';
export { canonicalDateTime, dateTimeNow } from './date-time.js';
