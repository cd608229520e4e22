import type Database from 'better-sqlite3';
import { FACET_FIELDS, facetValues, type CatalogueDocument } from '@fedcat/catalogue';

/** What the embedded index's tables mean; an index of an older version is upgraded when opened. */
export const INDEX_VERSION = 1;

/**
 * Brings an index written by an older fedcat to {@link INDEX_VERSION} in one transaction: facet values are recomputed
 * from the documents it holds (version 1: one value per licence and per format named several ways), not re-harvested.
 */
export function upgradeIndex(db: Database.Database): void {
  db.transaction(() => {
    if ((db.pragma('user_version', { simple: true }) as number) >= INDEX_VERSION) return;
    const insFacet = db.prepare('INSERT OR IGNORE INTO facets (rid, field, value) VALUES (?, ?, ?)');
    db.exec('DELETE FROM facets');
    // In batches: a connection cannot write while it iterates, and a large index does not fit in memory at once.
    const batch = db.prepare('SELECT rid, body FROM docs WHERE rid > ? ORDER BY rid LIMIT 2000').raw();
    for (let after = -1, rows = batch.all(after) as [number, string][]; rows.length > 0; rows = batch.all(after) as [number, string][]) {
      for (const [rid, body] of rows) {
        const values = facetValues(JSON.parse(body) as CatalogueDocument);
        for (const field of FACET_FIELDS) for (const v of values[field]) insFacet.run(rid, field, v);
        after = rid;
      }
    }
    db.pragma(`user_version = ${INDEX_VERSION}`);
  }).immediate();
}
