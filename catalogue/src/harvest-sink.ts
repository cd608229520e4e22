import type { Quad } from '@rdfjs/types';
import type { CatalogueDocument } from './catalogue-document.js';
import type { Source } from './source.js';

/** One source's new state, as the sink applies it: graphs replaced whole, index changed per record. */
export interface SourceChange {
  readonly graph: string;
  readonly quads: readonly Quad[];
  readonly quarantineGraph: string;
  readonly quarantined: readonly Quad[];
  /** Documents of new and changed records. */
  readonly upsert: readonly CatalogueDocument[];
  /** Document ids of records removed from the source or newly rejected. */
  readonly remove: readonly string[];
  /**
   * False when the harvest found exactly what the last one left (every record hash-unchanged, nothing removed,
   * the rest of the document the same): the sink then need not rewrite anything.
   */
  readonly changed: boolean;
}

/** Where a completed harvest goes: the store and the search index, switched per source. The harvester's only way out. */
export interface HarvestSink {
  publish(source: Source, change: SourceChange): Promise<void>;
}
