/** Kinds of value two records from different sources may share, making them possible duplicates. */
export type MatchKind = 'identifier' | 'landingPage';

/** A URL in a comparable form: scheme and host lower-cased (by URL parsing), no fragment, no trailing slash. */
function comparableUrl(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return null;
  try {
    const u = new URL(value);
    u.hash = '';
    return u.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/**
 * The match keys of a record: `identifier:` for its IRI, its `dct:identifier` values and the notations of its
 * `adms:identifier`s (an identifier that is a URL matches the same URL as another record's IRI), and
 * `landingPage:` for its landing pages. Values are trimmed; URLs compared in a normal form. Pure.
 */
export function matchKeys(input: { iri: string; identifiers: readonly string[]; landingPages: readonly string[] }): string[] {
  const keys = new Set<string>();
  for (const raw of [input.iri.startsWith('_:') ? '' : input.iri, ...input.identifiers]) {
    const v = raw.trim();
    if (v.length === 0 || v.length > 500) continue;
    keys.add(`identifier:${comparableUrl(v) ?? v}`);
  }
  for (const raw of input.landingPages) {
    const url = comparableUrl(raw.trim());
    if (url) keys.add(`landingPage:${url}`);
  }
  return [...keys].sort();
}
