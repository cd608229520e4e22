import type { CatalogueApi } from '../api/client.js';
import { lang, refreshAll } from './i18n.js';

let known = new Map<string, { nl: string; en: string }>();
let loading: Promise<void> | null = null;

/** Loads the EU vocabularies' Dutch/English labels from `/v1/labels` once; elements re-render when they arrive. */
export function loadVocabularyLabels(api: CatalogueApi): Promise<void> {
  loading ??= api.labels().then((labels) => {
    known = new Map(Object.entries(labels));
    refreshAll();
  }).catch(() => { loading = null; });
  return loading;
}

/** Uses labels already read (a server rendering pages reads `/v1/labels` itself). */
export function useVocabularyLabels(labels: Readonly<Record<string, { nl: string; en: string }>>): void {
  known = new Map(Object.entries(labels));
}

/** The last segment of an IRI, for values without a known label. */
export function lastSegment(iri: string): string {
  const m = /[#/]([^#/]+)\/?$/.exec(iri);
  if (!m?.[1]) return iri;
  try { return decodeURIComponent(m[1]); } catch { return m[1]; }
}

/** A law on wetten.overheid.nl, however cited (`/BWBR0015703`, `/jci1.3:c:BWBR0015703&artikel=7`): its BWB id. */
const LAW = /^https?:\/\/wetten\.overheid\.nl\/(?:.*[^A-Z])?(BWBR\d{7})/;

/** A value's label in the UI language, when fedcat knows it (EU tables, DPV, Dutch laws by BWB id). */
export function knownLabel(iri: string): string | undefined {
  const exact = known.get(iri)?.[lang()];
  if (exact) return exact;
  const law = LAW.exec(iri)?.[1];
  return law ? known.get(`https://wetten.overheid.nl/${law}`)?.[lang()] ?? law : undefined;
}

/**
 * A value's label: the name its publisher gave it (`names`, a record's valueLabels: a licence document's title),
 * else the EU tables' label in the UI language, else the IRI's last segment.
 */
export function valueLabel(iri: string, names?: Readonly<Record<string, string>>): string {
  return names?.[iri] ?? knownLabel(iri) ?? lastSegment(iri);
}
