import type { CatalogueDocument } from '@fedcat/catalogue';

/** A small seeded PRNG (mulberry32), so every run generates the same catalogue. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const WORDS = `afval inzameling parkeren vergunning bomen groen water waterstanden peil dijken inspectie adressen gebouwen panden
woonplaatsen postcode uitkeringen werkloosheid statistiek bevolking onderwijs scholen leerlingen zorg gezondheid ziekenhuis
verkeer ongevallen wegen fietspaden openbaar vervoer dienstregeling haltes energie zonnepanelen windmolens warmte subsidie
begroting belastingen uitgaven inkomsten aanbestedingen contracten vergaderingen besluiten raadsleden verkiezingen stembureaus
criminaliteit veiligheid brandweer ambulance meldingen luchtkwaliteit geluid bodem grondwater natuur recreatie zwemwater
monumenten archeologie musea bibliotheken sport sportvelden evenementen markten horeca bedrijven vestigingen werkgelegenheid
inkomen armoede schulden jeugdzorg wijkteams huisvesting woningen huurwoningen sociale koopwoningen bouwvergunningen
bestemmingsplannen ruimtelijke ordening kadaster percelen luchtfoto hoogtekaart riolering gemalen zuivering drinkwater
landbouw veehouderij mest gewassen visserij bossen klimaat neerslag temperatuur storingen netwerk glasvezel telecom
toerisme overnachtingen migratie nationaliteit huishoudens leeftijd geboorte sterfte vaccinatie huisartsen apotheken`
  .split(/\s+/).filter(Boolean);

const THEMES = ['AGRI', 'ECON', 'EDUC', 'ENER', 'ENVI', 'GOVE', 'HEAL', 'INTR', 'JUST', 'REGI', 'SOCI', 'TECH', 'TRAN']
  .map((t) => `http://publications.europa.eu/resource/authority/data-theme/${t}`);
const FORMATS = ['CSV', 'JSON', 'GEOJSON', 'XLSX', 'PDF', 'XML', 'GPKG', 'GML', 'ZIP', 'HTML']
  .map((t) => `http://publications.europa.eu/resource/authority/file-type/${t}`);
const LICENSES = ['http://creativecommons.org/publicdomain/zero/1.0/', 'http://creativecommons.org/licenses/by/4.0/',
  'http://creativecommons.org/licenses/by-sa/4.0/', 'https://data.overheid.nl/licenties/geen', 'http://opendatacommons.org/licenses/odbl/1.0/'];
const ACCESS = ['PUBLIC', 'RESTRICTED', 'NON_PUBLIC'].map((a) => `http://publications.europa.eu/resource/authority/access-right/${a}`);

/** Generates `n` varied dataset and data-service documents from `publishers` organisations. */
export function generateDocuments(n: number, seed = 42, publishers = 200): CatalogueDocument[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const some = <T>(xs: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(xs)))];
  const sentence = (len: number) => Array.from({ length: len }, () => pick(WORDS)).join(' ');
  const docs: CatalogueDocument[] = [];
  for (let i = 0; i < n; i++) {
    const org = Math.floor(r() * publishers);
    const title = sentence(3 + Math.floor(r() * 4));
    const type = r() < 0.15 ? 'DataService' : 'Dataset';
    const iri = `https://data.org${org}.example.nl/id/${type === 'Dataset' ? 'dataset' : 'api'}/${i}`;
    docs.push({
      id: i.toString(16).padStart(16, '0'), iri, type,
      title: title[0]!.toUpperCase() + title.slice(1),
      description: `${sentence(20 + Math.floor(r() * 25))}.`,
      keywords: some(WORDS, 5),
      publisher: `https://identifier.overheid.nl/tooi/id/org/${org}`, publisherName: `Organisatie ${org}`,
      themes: some(THEMES, 2), formats: type === 'Dataset' ? some(FORMATS, 3) : [], licenses: [pick(LICENSES)], accessRights: [pick(ACCESS)],
      modified: new Date(Date.UTC(2015, 0, 1) + Math.floor(r() * 11 * 365) * 86_400_000).toISOString().slice(0, 10),
      endpointUrls: type === 'DataService' ? [`https://api.org${org}.example.nl/v1`] : [],
      source: `source-${org % 20}`, harvestedAt: '2026-11-22T00:00:00Z', matchKeys: [`identifier:${iri}`],
    });
  }
  return docs;
}

/** The same documents as DCAT N-Triples (about 30 triples per record), for store benchmarks. */
export function toNTriples(doc: CatalogueDocument): string {
  const lit = (s: string, lang?: string) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"${lang ? `@${lang}` : ''}`;
  const s = `<${doc.iri}>`;
  const DCAT = 'http://www.w3.org/ns/dcat#';
  const DCT = 'http://purl.org/dc/terms/';
  const lines = [
    `${s} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${DCAT}${doc.type}> .`,
    `${s} <${DCT}title> ${lit(doc.title, 'nl')} .`,
    `${s} <${DCT}description> ${lit(doc.description, 'nl')} .`,
    `${s} <${DCT}publisher> <${doc.publisher}> .`,
    `${s} <${DCT}modified> "${doc.modified}"^^<http://www.w3.org/2001/XMLSchema#date> .`,
    ...doc.keywords.map((k) => `${s} <${DCAT}keyword> ${lit(k, 'nl')} .`),
    ...doc.themes.map((t) => `${s} <${DCAT}theme> <${t}> .`),
    ...doc.accessRights.map((a) => `${s} <${DCT}accessRights> <${a}> .`),
    ...doc.licenses.map((l) => `${s} <${DCT}license> <${l}> .`),
    ...doc.endpointUrls.map((u) => `${s} <${DCAT}endpointURL> <${u}> .`),
  ];
  doc.formats.forEach((f, j) => {
    const d = `<${doc.iri}/distribution/${j}>`;
    lines.push(`${s} <${DCAT}distribution> ${d} .`, `${d} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${DCAT}Distribution> .`,
      `${d} <${DCT}format> <${f}> .`, `${d} <${DCAT}accessURL> <${doc.iri}/download/${j}> .`, `${d} <${DCT}license> <${doc.licenses[0]}> .`,
      `${d} <${DCT}title> ${lit(`${doc.title} (${j})`, 'nl')} .`);
  });
  return `${lines.join('\n')}\n`;
}

const LANGUAGES = ['NLD', 'ENG', 'FRY'].map((l) => `http://publications.europa.eu/resource/authority/language/${l}`);

/**
 * The same documents as a harvestable DCAT-AP-NL catalogue (about 35 triples per record; the harvest issue sized
 * them at 34): {@link toNTriples} plus identifier, creator (a service: endpoint description), landing page,
 * language, issue date, spatial coverage, a contact point and a period of time as blank nodes (so skolemisation has
 * work), and the catalogue's `dcat:dataset` or `dcat:service` link. Records pass DCAT-AP-NL 3.0's gating shapes.
 */
export function toCatalogueNTriples(doc: CatalogueDocument): string {
  const s = `<${doc.iri}>`;
  const DCAT = 'http://www.w3.org/ns/dcat#';
  const DCT = 'http://purl.org/dc/terms/';
  const VCARD = 'http://www.w3.org/2006/vcard/ns#';
  const XSD = 'http://www.w3.org/2001/XMLSchema#';
  const cp = `_:cp${doc.id}`;
  const period = `_:t${doc.id}`;
  const org = /org(\d+)/.exec(doc.iri)?.[1] ?? '0';
  const lines = [
    `<https://catalogus.example.nl/catalog> <${DCAT}${doc.type === 'Dataset' ? 'dataset' : 'service'}> ${s} .`,
    `${s} <${DCT}identifier> "${doc.iri}" .`,
    `${s} <${DCAT}landingPage> <${doc.iri}.html> .`,
    `${s} <${DCT}language> <${LANGUAGES[Number.parseInt(doc.id, 16) % LANGUAGES.length]}> .`,
    `${s} <${DCT}issued> "${doc.modified}"^^<${XSD}date> .`,
    `${s} <${DCT}spatial> <http://publications.europa.eu/resource/authority/country/NLD> .`,
    // DCAT-AP-NL's cardinalities (the harvest default profile gates on them): a creator, a service's endpoint description.
    doc.type === 'Dataset' ? `${s} <${DCT}creator> <${doc.publisher}> .` : `${s} <${DCAT}endpointDescription> <${doc.endpointUrls[0] ?? `${doc.iri}/api`}/openapi.json> .`,
    `${s} <${DCAT}contactPoint> ${cp} .`,
    `${cp} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${VCARD}Organization> .`,
    `${cp} <${VCARD}fn> "Servicedesk organisatie ${org}"@nl .`,
    `${cp} <${VCARD}hasEmail> <mailto:data@org${org}.example.nl> .`,
    `${s} <${DCT}temporal> ${period} .`,
    `${period} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${DCT}PeriodOfTime> .`,
    `${period} <${DCAT}startDate> "2015-01-01"^^<${XSD}date> .`,
  ];
  return `${toNTriples(doc)}${lines.join('\n')}\n`;
}

/** The catalogue the records of {@link toCatalogueNTriples} belong to. */
export const CATALOGUE_HEADER = `<https://catalogus.example.nl/catalog> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Catalog> .
<https://catalogus.example.nl/catalog> <http://purl.org/dc/terms/title> "Benchmarkcatalogus"@nl .
`;
