import type { Quad } from '@rdfjs/types';
import type { Conditional, FetchPolicy } from '../fetch/fetch-document.js';
import type { HostLimiter } from '../fetch/host-limiter.js';
import type { RdfSyntax } from '../parse/syntax.js';
import type { ContentDigest } from './content-digest.js';

/** What a source was read as: an RDF syntax, or an FSC Directory's JSON. */
export type SourceSyntax = RdfSyntax | 'fsc-json';

/** Everything a source reader produced: the quads of all pages or files, and what it took. */
export interface ReadResult {
  /** Syntax of the first page or file. */
  readonly syntax: SourceSyntax;
  readonly bytes: number;
  /** Hydra pages, SPARQL pages or files read. */
  readonly pages: number;
  readonly quads: Quad[];
  /** Validators the next harvest sends (or, for files, a fingerprint of names, sizes and times). */
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** SHA-256 of every byte read, in order (see {@link ContentDigest}). */
  readonly digest: string;
}

/** Counters a reader reports while it works. */
export interface ReadProgress {
  readonly pages: number;
  readonly bytes: number;
  readonly quads: number;
}

/** What every source reader gets. */
export interface ReadContext {
  readonly policy: FetchPolicy;
  /** Most pages (Hydra or SPARQL) or files a source may have. */
  readonly maxPages: number;
  /** Validators of the last successful harvest, for a conditional read. */
  readonly previous: Conditional;
  readonly limiter: HostLimiter;
  readonly onProgress: (progress: ReadProgress) => void;
}
