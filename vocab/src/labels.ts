/** Dutch and English labels of the EU authority-table concepts fedcat shows in facets before the full tables are vendored. */
export interface ConceptLabel { readonly nl: string; readonly en: string }

const AUTH = 'http://publications.europa.eu/resource/authority/';

const table: Record<string, ConceptLabel> = {
  [`${AUTH}access-right/PUBLIC`]: { nl: 'Openbaar', en: 'Public' },
  [`${AUTH}access-right/RESTRICTED`]: { nl: 'Beperkt', en: 'Restricted' },
  [`${AUTH}access-right/NON_PUBLIC`]: { nl: 'Niet openbaar', en: 'Non-public' },
  [`${AUTH}data-theme/AGRI`]: { nl: 'Landbouw, visserij, bosbouw en voeding', en: 'Agriculture, fisheries, forestry and food' },
  [`${AUTH}data-theme/ECON`]: { nl: 'Economie en financiën', en: 'Economy and finance' },
  [`${AUTH}data-theme/EDUC`]: { nl: 'Onderwijs, cultuur en sport', en: 'Education, culture and sport' },
  [`${AUTH}data-theme/ENER`]: { nl: 'Energie', en: 'Energy' },
  [`${AUTH}data-theme/ENVI`]: { nl: 'Milieu', en: 'Environment' },
  [`${AUTH}data-theme/GOVE`]: { nl: 'Overheid en publieke sector', en: 'Government and public sector' },
  [`${AUTH}data-theme/HEAL`]: { nl: 'Gezondheid', en: 'Health' },
  [`${AUTH}data-theme/INTR`]: { nl: 'Internationale vraagstukken', en: 'International issues' },
  [`${AUTH}data-theme/JUST`]: { nl: 'Justitie, rechtsstelsel en openbare veiligheid', en: 'Justice, legal system and public safety' },
  [`${AUTH}data-theme/REGI`]: { nl: 'Regio’s en steden', en: 'Regions and cities' },
  [`${AUTH}data-theme/SOCI`]: { nl: 'Bevolking en samenleving', en: 'Population and society' },
  [`${AUTH}data-theme/TECH`]: { nl: 'Wetenschap en technologie', en: 'Science and technology' },
  [`${AUTH}data-theme/TRAN`]: { nl: 'Vervoer', en: 'Transport' },
};

/**
 * Returns the Dutch/English label of a known authority-table concept, or undefined.
 * File types and unknown IRIs fall back to the IRI's last path segment in {@link shortLabel}.
 */
export function conceptLabel(iri: string): ConceptLabel | undefined {
  return table[iri];
}

/** A readable fallback label for any IRI: its last path or fragment segment. */
export function shortLabel(iri: string): string {
  const m = /[#/]([^#/]+)\/?$/.exec(iri);
  return m?.[1] ? decodeURIComponent(m[1]) : iri;
}
