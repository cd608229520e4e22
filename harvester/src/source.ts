/** A registered harvest source: one DCAT catalogue document owned by one organisation. */
export interface Source {
  /** Short id, unique in this fedcat (letters, digits, `-`, `_`). */
  readonly id: string;
  readonly url: string;
  /** IRI of the owning organisation, when known. */
  readonly org: string | null;
  readonly addedAt: string;
  /** What happens to records that fail a gating shape: left out, or kept in the source's quarantine graph. */
  readonly invalidRecords?: 'skip' | 'quarantine';
}

/** The named graph that holds a source's harvested quads. */
export function sourceGraph(sourceId: string): string {
  return `urn:fedcat:source:${encodeURIComponent(sourceId)}`;
}

/** The named graph that holds a source's rejected records (never searched, never in the union default graph of listings). */
export function quarantineGraph(sourceId: string): string {
  return `urn:fedcat:quarantine:${encodeURIComponent(sourceId)}`;
}

/** True for ids usable in paths and file names. */
export function isValidSourceId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(id);
}

/** Derives a source id from a URL's host and path, e.g. `data-example-nl-catalog`. */
export function sourceIdFromUrl(url: string): string {
  const u = new URL(url);
  const raw = `${u.hostname}${u.pathname}`.toLowerCase().replace(/\.[a-z]+$/, '');
  return raw.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'source';
}
