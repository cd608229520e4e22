/**
 * How a source is read: an RDF catalogue document over http(s) (Hydra paging followed), a SPARQL endpoint, local
 * files, or an FSC Directory (its peers and services, linked to the data services that name them).
 */
export type SourceKind = 'catalogue' | 'sparql' | 'files' | 'fsc-directory';
export const SOURCE_KINDS: readonly SourceKind[] = ['catalogue', 'sparql', 'files', 'fsc-directory'];

/** Per-source caps, tighter or looser than the defaults. */
export interface SourceLimits {
  /** Decoded bytes of all pages or files together. */
  readonly maxBytes?: number;
  /** Hydra pages, SPARQL pages or files. */
  readonly maxPages?: number;
  readonly maxRecords?: number;
}

/** A registered harvest source: one DCAT catalogue owned by one organisation. */
export interface Source {
  /** Short id, unique in this fedcat (letters, digits, `-`, `_`). */
  readonly id: string;
  readonly url: string;
  /** IRI of the owning organisation, when known. */
  readonly org: string | null;
  readonly addedAt: string;
  /** What happens to records that fail a gating shape: left out, or kept in the source's quarantine graph. */
  readonly invalidRecords?: 'skip' | 'quarantine';
  /** The validation profile (a shipped profile id) its records are gated with; absent: the harvest default. */
  readonly profile?: string;
  /** Default: `files` for `file:` URLs, else `catalogue`. */
  readonly kind?: SourceKind;
  /** How often `fedcat serve` harvests it, e.g. `30m`, `6h`, `1d`; absent means only on demand. */
  readonly interval?: string | null;
  readonly limits?: SourceLimits;
  /** A paused source keeps its data but is not harvested (neither on schedule nor with the others). */
  readonly paused?: boolean;
  /** The FSC Group ID of an `fsc-directory` source (FSC Directories do not say which group they serve). */
  readonly fscGroup?: string;
}

/** The kind of a source, defaulted from its URL. */
export function sourceKind(source: Pick<Source, 'kind' | 'url'>): SourceKind {
  return source.kind ?? (source.url.startsWith('file:') ? 'files' : 'catalogue');
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds of a harvest interval such as `15m`, `6h` or `1d` (at least 5 minutes), or null when malformed. */
export function intervalMs(interval: string): number | null {
  const m = /^(\d{1,5})([mhd])$/.exec(interval.trim());
  if (!m) return null;
  const ms = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  return ms >= 5 * 60_000 ? ms : null;
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
