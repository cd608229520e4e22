import type { CatalogueDocument, PossibleDuplicate, SearchIndex, SearchRequest, SearchResponse } from '@fedcat/catalogue';

/**
 * A search index that remembers its latest answers: the same request while the index content is unchanged (its
 * {@link SearchIndex.version}) is answered from memory. Popular searches and facet pages repeat far more often than
 * a harvest changes the index; any write, by this process or another, empties the memory at the next search.
 */
export class CachedSearchIndex implements SearchIndex {
  private readonly answers = new Map<string, SearchResponse>();
  private seen = '';

  constructor(private readonly inner: SearchIndex, private readonly capacity = 2000) {}

  async search(request: SearchRequest): Promise<SearchResponse> {
    const version = await this.inner.version();
    if (version !== this.seen) {
      this.answers.clear();
      this.seen = version;
    }
    const key = JSON.stringify(request);
    const hit = this.answers.get(key);
    if (hit) {
      // Most recently used last: the first key is the one to forget when full.
      this.answers.delete(key);
      this.answers.set(key, hit);
      return hit;
    }
    const answer = await this.inner.search(request);
    // Another writer may have committed while this search ran: keep the answer only if nothing changed.
    if ((await this.inner.version()) === version) {
      if (this.answers.size >= this.capacity) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(key, answer);
    }
    return answer;
  }

  replaceSource(source: string, documents: readonly CatalogueDocument[]): Promise<void> {
    return this.inner.replaceSource(source, documents);
  }
  applyChanges(source: string, change: { upsert: readonly CatalogueDocument[]; remove: readonly string[]; run: string }): Promise<void> {
    return this.inner.applyChanges(source, change);
  }
  removeSource(source: string): Promise<void> {
    return this.inner.removeSource(source);
  }
  indexedRuns(): Promise<Readonly<Record<string, string>>> {
    return this.inner.indexedRuns();
  }
  get(id: string): Promise<CatalogueDocument | null> {
    return this.inner.get(id);
  }
  possibleDuplicates(id: string, limit?: number): Promise<readonly PossibleDuplicate[]> {
    return this.inner.possibleDuplicates(id, limit);
  }
  count(): Promise<number> {
    return this.inner.count();
  }
  browse(offset: number, limit: number): Promise<readonly CatalogueDocument[]> {
    return this.inner.browse(offset, limit);
  }
  version(): Promise<string> {
    return this.inner.version();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
