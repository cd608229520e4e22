import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser } from 'n3';
import { skos } from './terms.js';

/** One licence as the EU table knows it, under every IRI that names it. */
interface LicenceClass {
  /** The EU table's IRI facets and filters use for it. */
  readonly canonical: string;
  /** Its short name where one is in use ("CC BY 4.0", "CC0 1.0"); null for others. */
  readonly shortName: string | null;
  /** Every IRI of it fedcat recognises: the table's concepts, their exact matches. */
  readonly iris: readonly string[];
}

const LICENCE_TABLE = fileURLToPath(new URL('../data/eu/licence.ttl', import.meta.url));
const CREATIVE_COMMONS = /^https?:\/\/(?:www\.)?creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)\/(\d\.\d)(?:\/(?:legalcode(?:\.[a-z-]+)?|deed\.[a-z-]+)?)?\/?$/i;

/** A Creative Commons licence IRI in the form the EU table matches (http, trailing slash, no legal-code or deed page). */
function creativeCommons(iri: string): { iri: string; shortName: string } | null {
  const m = CREATIVE_COMMONS.exec(iri.trim());
  if (!m) return null;
  const [, kind, name, version] = m as unknown as [string, string, string, string];
  const shortName = kind.toLowerCase() === 'publicdomain' ? (name.toLowerCase() === 'zero' ? `CC0 ${version}` : `CC ${name.toUpperCase()} ${version}`) : `CC ${name.toUpperCase()} ${version}`;
  return { iri: `http://creativecommons.org/${kind.toLowerCase()}/${name.toLowerCase()}/${version}/`, shortName };
}

/** The forms an IRI is written in that name the same document: http or https, with or without a trailing slash. */
const spellings = (iri: string): string[] => {
  const bare = iri.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return [`http://${bare}`, `http://${bare}/`, `https://${bare}`, `https://${bare}/`];
};

let byIri: Map<string, LicenceClass> | null = null;

/**
 * The licence table's concepts grouped into licences: concepts with the same English name (the table lists CC BY 4.0
 * as `CC_BY` and as `CC_BY_4_0`) and the IRIs each is `skos:exactMatch` to, one class each.
 */
function load(): Map<string, LicenceClass> {
  const names = new Map<string, string>();
  const matches = new Map<string, string[]>();
  for (const q of new Parser().parse(readFileSync(LICENCE_TABLE, 'utf8'))) {
    if (q.predicate.equals(skos.prefLabel) && q.object.termType === 'Literal' && q.object.language === 'en') {
      names.set(q.subject.value, q.object.value.replace(/\s+/g, ' ').trim());
    } else if (q.predicate.equals(skos.exactMatch) && q.object.termType === 'NamedNode') {
      matches.set(q.subject.value, [...(matches.get(q.subject.value) ?? []), q.object.value]);
    }
  }
  const groups = new Map<string, string[]>();
  for (const [concept, name] of names) groups.set(name, [...(groups.get(name) ?? []), concept]);
  const out = new Map<string, LicenceClass>();
  for (const concepts of groups.values()) {
    // The concept the table matches to an outside IRI is the one in use; among equals, the first by IRI.
    const sorted = [...concepts].sort((a, b) => Number(matches.has(b)) - Number(matches.has(a)) || a.localeCompare(b));
    const outside = sorted.flatMap((c) => matches.get(c) ?? []);
    const shortName = outside.map(creativeCommons).find((cc) => cc !== null)?.shortName ?? null;
    const licence: LicenceClass = { canonical: sorted[0]!, shortName, iris: [...sorted, ...outside] };
    for (const iri of licence.iris) for (const spelling of spellings(iri)) if (!out.has(spelling)) out.set(spelling, licence);
  }
  return out;
}

function licenceOf(iri: string): LicenceClass | undefined {
  byIri ??= load();
  return byIri.get(iri) ?? byIri.get(creativeCommons(iri)?.iri ?? '');
}

/**
 * The IRI a licence is faceted and filtered under: the EU licence table's concept for any IRI the table says names
 * the same licence (`http://creativecommons.org/licenses/by/4.0/`, its https and legal-code forms, `CC_BY` and
 * `CC_BY_4_0` all give one), else the IRI itself.
 */
export function canonicalLicence(iri: string): string {
  return licenceOf(iri)?.canonical ?? iri;
}

/** The short name of a licence where one is in use ("CC BY 4.0", "CC0 1.0"), under any of its IRIs; else undefined. */
export function licenceShortName(iri: string): string | undefined {
  return licenceOf(iri)?.shortName ?? undefined;
}

/** Every IRI the licence table names a Creative Commons licence by, with its short name (what a UI labels it with). */
export function licenceShortNames(): ReadonlyMap<string, string> {
  byIri ??= load();
  const out = new Map<string, string>();
  for (const [iri, licence] of byIri) if (licence.shortName) out.set(iri, licence.shortName);
  return out;
}
