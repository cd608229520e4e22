import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { DataFactory, Parser } from 'n3';

const AUTHORITY = 'http://publications.europa.eu/resource/authority/';
const DCT = 'http://purl.org/dc/terms/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** One vendored EU authority table and the classes DCAT-AP's range shapes expect of its concepts. */
export interface AuthorityTable {
  /** File name in `vocab/data/eu/` and the last segment of the scheme IRI. */
  readonly name: string;
  readonly scheme: string;
  /** Classes DCAT-AP 3 expects values from this table to have, besides skos:Concept. */
  readonly classes: readonly string[];
}

const table = (name: string, ...classes: string[]): AuthorityTable => ({ name, scheme: `${AUTHORITY}${name}`, classes });

/**
 * The tables fedcat vendors (see vocab/data/SOURCES.md), with the classes DCAT-AP 3.0.1's `range.ttl` asks of the
 * properties they serve: dct:accessRights → dct:RightsStatement, dct:format → dct:MediaTypeOrExtent,
 * dct:accrualPeriodicity → dct:Frequency, dct:language → dct:LinguisticSystem, dct:license → dct:LicenseDocument;
 * themes and statuses need skos:Concept only.
 */
export const AUTHORITY_TABLES: readonly AuthorityTable[] = [
  table('access-right', `${DCT}RightsStatement`),
  table('data-theme'),
  table('distribution-status'),
  table('file-type', `${DCT}MediaTypeOrExtent`),
  table('frequency', `${DCT}Frequency`),
  table('language', `${DCT}LinguisticSystem`),
  table('licence', `${DCT}LicenseDocument`),
];

const DATA_DIR = fileURLToPath(new URL('../data/eu/', import.meta.url));

/** The quads of one vendored table as written (concepts, their scheme, Dutch and English labels). */
export async function loadAuthorityTable(t: AuthorityTable): Promise<Quad[]> {
  const text = await readFile(`${DATA_DIR}${t.name}.ttl`, 'utf8');
  return new Parser({ baseIRI: t.scheme }).parse(text);
}

/**
 * Adds to a table's quads the DCAT-AP classes of its concepts (a pure function): a concept of the language table
 * is a dct:LinguisticSystem, and so on. This is what turns range checks on vocabulary IRIs from noise into signal.
 */
export function typeConcepts(t: AuthorityTable, quads: readonly Quad[]): Quad[] {
  const { namedNode, quad } = DataFactory;
  const concepts = quads.filter((q) => q.predicate.value === 'http://www.w3.org/2004/02/skos/core#inScheme' && q.object.value === t.scheme);
  const typed = concepts.flatMap((c) => t.classes.map((cls) => quad(namedNode(c.subject.value), namedNode(RDF_TYPE), namedNode(cls))));
  return [...quads, ...typed];
}

let background: Promise<readonly Quad[]> | null = null;

const CLASS_HIERARCHY = fileURLToPath(new URL('../data/ontologies/class-hierarchy.ttl', import.meta.url));

let hierarchy: Promise<readonly Quad[]> | null = null;

/** The subclass statements of vCard, FOAF, ORG and DCTERMS that DCAT-AP's `sh:class` constraints need (read once). */
export function classHierarchy(): Promise<readonly Quad[]> {
  hierarchy ??= readFile(CLASS_HIERARCHY, 'utf8').then((text) => new Parser().parse(text));
  return hierarchy;
}

/**
 * The background knowledge for validation, in the default graph: every vendored table with its concepts typed, and
 * the class hierarchy of the vocabularies the shapes name (a vcard:Organization is a vcard:Kind).
 * Loaded once per process (about 25,000 quads).
 */
export function backgroundKnowledge(): Promise<readonly Quad[]> {
  background ??= Promise.all([...AUTHORITY_TABLES.map(async (t) => typeConcepts(t, await loadAuthorityTable(t))), classHierarchy()]).then((all) => all.flat());
  return background;
}
