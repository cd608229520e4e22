import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser } from 'n3';
import { skos } from './terms.js';
import { licenceShortNames } from './licences.js';

/** Dutch and English labels of an EU authority-table concept. */
export interface ConceptLabel { readonly nl: string; readonly en: string }

/** The vendored tables that carry labels (file types, frequencies and languages come as codes only; see SOURCES.md). */
const LABELLED = ['access-right', 'data-theme', 'distribution-status', 'licence'] as const;
const DATA_DIR = fileURLToPath(new URL('../data/eu/', import.meta.url));
/** Labels fedcat ships for terms outside the EU tables: DPV legal bases and purposes, Dutch laws by BWB id. */
const LABEL_FILES = ['dpv', 'bwb'].map((name) => fileURLToPath(new URL(`../data/labels/${name}.ttl`, import.meta.url)));

let labels: Map<string, ConceptLabel> | null = null;

function load(): Map<string, ConceptLabel> {
  const found = new Map<string, { nl?: string; en?: string }>();
  for (const file of [...LABELLED.map((name) => `${DATA_DIR}${name}.ttl`), ...LABEL_FILES]) {
    for (const q of new Parser().parse(readFileSync(file, 'utf8'))) {
      if (!q.predicate.equals(skos.prefLabel) || q.object.termType !== 'Literal') continue;
      const lang = q.object.language;
      if (lang !== 'nl' && lang !== 'en') continue;
      const entry = found.get(q.subject.value) ?? found.set(q.subject.value, {}).get(q.subject.value)!;
      entry[lang] = q.object.value.replace(/\s+/g, ' ').trim();
    }
  }
  const out = new Map<string, ConceptLabel>();
  for (const [iri, l] of found) if (l.nl || l.en) out.set(iri, { nl: l.nl ?? l.en!, en: l.en ?? l.nl! });
  // Creative Commons licences go by their short names in both languages, under every IRI the licence table gives them.
  for (const [iri, name] of licenceShortNames()) out.set(iri, { nl: name, en: name });
  return out;
}

/**
 * The Dutch/English label of a concept of the vendored EU tables (themes, access rights, licences, distribution
 * statuses), a DPV legal basis or purpose, or a Dutch law by its BWB IRI (`https://wetten.overheid.nl/BWBR…`), or undefined; a table without a Dutch label gives the English one for both, a Creative Commons licence
 * its short name ("CC BY 4.0") under the EU IRI and the creativecommons.org one alike. Loaded on first use.
 * File types and unknown IRIs fall back to the IRI's last path segment in {@link shortLabel}.
 */
export function conceptLabel(iri: string): ConceptLabel | undefined {
  labels ??= load();
  return labels.get(iri);
}

/** Every labelled concept of the vendored EU tables, IRI → Dutch/English label (what a UI labels values with). */
export function conceptLabels(): ReadonlyMap<string, ConceptLabel> {
  labels ??= load();
  return labels;
}

/** A readable fallback label for any IRI: its last path or fragment segment. */
export function shortLabel(iri: string): string {
  const m = /[#/]([^#/]+)\/?$/.exec(iri);
  return m?.[1] ? decodeURIComponent(m[1]) : iri;
}
