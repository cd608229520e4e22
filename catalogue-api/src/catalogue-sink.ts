import type { Quad } from '@rdfjs/types';
import type { CatalogueDocument, HarvestSink, Source } from '@fedcat/harvester';
import type { SearchIndex } from './search/search-index.js';
import type { QuadStore } from './store/quad-store.js';

/** Publishes a completed harvest: the source's graph into the store, then its documents into the index. */
export function catalogueSink(store: QuadStore, search: SearchIndex): HarvestSink {
  return {
    async publish(source: Source, graph: string, quads: readonly Quad[], documents: readonly CatalogueDocument[]) {
      await store.replaceGraph(graph, quads);
      await search.replaceSource(source.id, documents);
    },
  };
}
