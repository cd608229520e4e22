import type { Messages } from './messages.js';

const TOOI_ORGANISATION = /^https?:\/\/identifier\.overheid\.nl\/tooi\/id\/[a-z_]+\/[a-z]{2,}[0-9]+$/i;
const NODE = 'http://www.w3.org/ns/shacl#NodeConstraintComponent';
const PUBLISHER = 'http://purl.org/dc/terms/publisher';
const CREATOR = 'http://purl.org/dc/terms/creator';

/** What a finding is about, as far as a note on its value needs. */
export interface NotedFinding {
  readonly path: string | null;
  readonly constraint: string | null;
  readonly value: string | null;
  readonly file: string;
}

/**
 * A message for a finding whose general message would mislead on this value, or null. DCAT-AP's vocabulary shapes
 * ask for a publisher from the EU corporate-bodies list; DCAT-AP-NL asks for a TOOI organisation instead, and fedcat
 * holds no TOOI list to check one against. Such a finding keeps its severity (so reports still equal Jena's), but
 * says exactly that instead of "not from the expected list".
 */
export function valueNote(f: NotedFinding): Messages | null {
  if (f.constraint !== NODE || (f.path !== PUBLISHER && f.path !== CREATOR) || !f.value || !TOOI_ORGANISATION.test(f.value)) return null;
  if (!f.file.startsWith('dcat-ap-3.0.1/')) return null;
  const role = f.path === PUBLISHER ? { en: 'publisher', nl: 'uitgever' } : { en: 'creator', nl: 'maker' };
  return {
    en: `The ${role.en} IRI looks like a TOOI organisation, as DCAT-AP-NL asks. DCAT-AP's own check wants an organisation from the EU corporate-bodies list; fedcat does not hold the TOOI lists, so it cannot check this IRI against them. Nothing to fix if the IRI is the organisation's TOOI identifier.`,
    nl: `De IRI van de ${role.nl} lijkt een TOOI-organisatie, zoals DCAT-AP-NL vraagt. De controle van DCAT-AP zelf verwacht een organisatie uit de EU-lijst van corporate bodies; fedcat heeft de TOOI-lijsten niet, dus deze IRI kan daar niet tegen gecontroleerd worden. Niets te doen als de IRI de TOOI-identificatie van de organisatie is.`,
  };
}
