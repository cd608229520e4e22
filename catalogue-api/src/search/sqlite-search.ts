import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { FACET_FIELDS, facetNames, facetValue, facetValues, type CatalogueDocument, type FacetCount, type FacetField, type PossibleDuplicate, type SearchIndex, type SearchRequest, type SearchResponse, type SortSpec } from '@fedcat/catalogue';
import { facetLabel } from './facet-label.js';
import { upgradeIndex } from './sqlite-search-upgrade.js';
import { planQuery, type QueryPlan, type Vocabulary } from './query-plan.js';
import { allowedTypos, boundedEditDistance, crop, highlight } from './text.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS docs (rid INTEGER PRIMARY KEY, id TEXT NOT NULL, source TEXT NOT NULL,
  title_sort TEXT NOT NULL, modified TEXT, body TEXT NOT NULL, UNIQUE (id, source));
CREATE INDEX IF NOT EXISTS docs_source ON docs (source);
CREATE INDEX IF NOT EXISTS docs_title ON docs (title_sort);
CREATE INDEX IF NOT EXISTS docs_modified ON docs (modified);
CREATE TABLE IF NOT EXISTS facets (rid INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (rid, field, value)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS facets_field_value ON facets (field, value, rid);
CREATE TABLE IF NOT EXISTS match_keys (key TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (key, rid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS match_keys_rid ON match_keys (rid);
CREATE TABLE IF NOT EXISTS labels (value TEXT PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS source_runs (source TEXT PRIMARY KEY, run TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (title, description, keywords, publisher,
  tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab USING fts5vocab (fts, 'row');
CREATE TEMP TABLE IF NOT EXISTS matched (rid INTEGER PRIMARY KEY, score REAL NOT NULL);
`;

const ORDER: Record<Exclude<SortSpec, 'relevance'>, string> = {
  'title:asc': 'd.title_sort ASC', 'title:desc': 'd.title_sort DESC',
  'modified:asc': 'd.modified IS NULL, d.modified ASC', 'modified:desc': 'd.modified IS NULL, d.modified DESC',
};


/**
 * The embedded SearchIndex: SQLite FTS5 (via better-sqlite3) in one file, so search answers right after a
 * restart. Typo tolerance comes from the FTS vocabulary: a query word absent from it is OR-ed with the
 * indexed words within its allowed edit distance. Facets are a plain table counted with SQL.
 */
export class SqliteSearchIndex implements SearchIndex {
  private readonly db: Database.Database;
  private vocab: { byLength: Map<number, string[]>; all: Set<string> } | null = null;
  private vocabVersion = -1;
  /** Writes through this connection; SQLite's data_version counts only other connections' commits. */
  private writes = 0;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    upgradeIndex(this.db);
  }

  private sourceDeletes() {
    return [
      'DELETE FROM fts WHERE rowid IN (SELECT rid FROM docs WHERE source = ?)',
      'DELETE FROM facets WHERE rid IN (SELECT rid FROM docs WHERE source = ?)',
      'DELETE FROM match_keys WHERE rid IN (SELECT rid FROM docs WHERE source = ?)',
      'DELETE FROM docs WHERE source = ?',
    ].map((sql) => this.db.prepare(sql));
  }

  async replaceSource(source: string, documents: readonly CatalogueDocument[]): Promise<void> {
    const del = this.sourceDeletes();
    const insert = this.inserter();
    this.db.transaction(() => {
      for (const st of del) st.run(source);
      for (const doc of documents) insert(source, doc);
    })();
    this.vocab = null;
    this.writes++;
  }

  async removeSource(source: string): Promise<void> {
    const del = [...this.sourceDeletes(), this.db.prepare('DELETE FROM source_runs WHERE source = ?')];
    this.db.transaction(() => { for (const st of del) st.run(source); })();
    this.vocab = null;
    this.writes++;
  }

  async applyChanges(source: string, change: { upsert: readonly CatalogueDocument[]; remove: readonly string[]; run: string }): Promise<void> {
    const db = this.db;
    const find = db.prepare('SELECT rid FROM docs WHERE source = ? AND id = ?').pluck();
    const del = ['DELETE FROM fts WHERE rowid = ?', 'DELETE FROM facets WHERE rid = ?', 'DELETE FROM match_keys WHERE rid = ?', 'DELETE FROM docs WHERE rid = ?'].map((sql) => db.prepare(sql));
    const setRun = db.prepare('INSERT OR REPLACE INTO source_runs (source, run) VALUES (?, ?)');
    const insert = this.inserter();
    db.transaction(() => {
      for (const id of [...change.remove, ...change.upsert.map((d) => d.id)]) {
        const rid = find.get(source, id) as number | undefined;
        if (rid !== undefined) for (const st of del) st.run(rid);
      }
      for (const doc of change.upsert) insert(source, doc);
      setRun.run(source, change.run);
    })();
    this.vocab = null;
    this.writes++;
  }

  async indexedRuns(): Promise<Readonly<Record<string, string>>> {
    const rows = this.db.prepare('SELECT source, run FROM source_runs').all() as { source: string; run: string }[];
    return Object.fromEntries(rows.map((r) => [r.source, r.run]));
  }

  private inserter(): (source: string, doc: CatalogueDocument) => void {
    const db = this.db;
    const insDoc = db.prepare('INSERT OR REPLACE INTO docs (id, source, title_sort, modified, body) VALUES (?, ?, ?, ?, ?)');
    const insFts = db.prepare('INSERT INTO fts (rowid, title, description, keywords, publisher) VALUES (?, ?, ?, ?, ?)');
    const insFacet = db.prepare('INSERT OR IGNORE INTO facets (rid, field, value) VALUES (?, ?, ?)');
    const insLabel = db.prepare('INSERT OR REPLACE INTO labels (value, label) VALUES (?, ?)');
    const insKey = db.prepare('INSERT OR IGNORE INTO match_keys (key, rid) VALUES (?, ?)');
    return (source, doc) => {
      const rid = Number(insDoc.run(doc.id, source, doc.title.toLowerCase(), doc.modified, JSON.stringify(doc)).lastInsertRowid);
      insFts.run(rid, doc.title, doc.description, doc.keywords.join(' '), doc.publisherName ?? '');
      const values = facetValues(doc);
      for (const field of FACET_FIELDS) for (const v of values[field]) insFacet.run(rid, field, v);
      for (const [value, name] of facetNames(doc)) insLabel.run(value, name);
      for (const key of doc.matchKeys ?? []) insKey.run(key, rid);
    };
  }

  private vocabulary() {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (this.vocab && version === this.vocabVersion) return this.vocab;
    const byLength = new Map<number, string[]>();
    const all = new Set<string>();
    for (const row of this.db.prepare('SELECT term FROM fts_vocab').raw().iterate() as Iterable<[string]>) {
      const term = row[0];
      all.add(term);
      let bucket = byLength.get(term.length);
      if (!bucket) byLength.set(term.length, (bucket = []));
      bucket.push(term);
    }
    this.vocab = { byLength, all };
    this.vocabVersion = version;
    return this.vocab;
  }

  private corrections(word: string): string[] {
    const max = allowedTypos(word);
    if (max === 0) return [];
    const { byLength } = this.vocabulary();
    const out: { term: string; d: number }[] = [];
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const term of byLength.get(len) ?? []) {
        const d = boundedEditDistance(word, term, max);
        if (d <= max) out.push({ term, d });
      }
    }
    return out.sort((a, b) => a.d - b.d || a.term.localeCompare(b.term)).slice(0, 8).map((c) => c.term);
  }

  /** Fills temp.matched with the plan's hits (every document when it has no words) within the filters; their count. */
  private match(plan: QueryPlan, req: SearchRequest): number {
    const db = this.db;
    db.prepare('DELETE FROM temp.matched').run();
    if (plan.match) {
      const f = this.filterSql(req.filters, 'fts.rowid', req.modifiedSince);
      db.prepare(`INSERT INTO temp.matched SELECT fts.rowid, bm25(fts, 10.0, 2.0, 5.0, 3.0) FROM fts WHERE fts MATCH ? ${f.sql}`).run(plan.match, ...f.params);
    } else {
      const f = this.filterSql(req.filters, 'rid', req.modifiedSince);
      db.prepare(`INSERT INTO temp.matched SELECT rid, 0 FROM docs WHERE 1 ${f.sql}`).run(...f.params);
    }
    return (db.prepare('SELECT count(*) AS n FROM temp.matched').get() as { n: number }).n;
  }

  /** The index's words as the query planner asks for them. */
  private vocabularyPort(): Vocabulary {
    return { has: (w) => this.vocabulary().all.has(w), hasPrefix: (w) => this.hasPrefix(w), corrections: (w) => this.corrections(w) };
  }

  private hasPrefix(w: string): boolean {
    return this.db.prepare('SELECT 1 FROM fts_vocab WHERE term >= ? AND term < ? LIMIT 1').get(w, `${w}\uffff`) !== undefined;
  }

  private filterSql(filters: SearchRequest['filters'], column: string, modifiedSince?: string): { sql: string; params: string[] } {
    const parts: string[] = [];
    const params: string[] = [];
    if (modifiedSince) {
      parts.push(`AND +${column} IN (SELECT rid FROM docs WHERE modified >= ?)`);
      params.push(modifiedSince);
    }
    for (const field of FACET_FIELDS) {
      const values = filters?.[field];
      if (!values || values.length === 0) continue;
      // The unary + keeps FTS5 from treating this as a rowid constraint on the full-text scan (10-37 s vs ms).
      parts.push(`AND +${column} IN (SELECT rid FROM facets WHERE field = ? AND value IN (${values.map(() => '?').join(',')}))`);
      params.push(field, ...values.map((v) => facetValue(field, v)));
    }
    return { sql: parts.join(' '), params };
  }

  async search(req: SearchRequest): Promise<SearchResponse> {
    const started = performance.now();
    const limit = Math.min(Math.max(req.limit ?? 20, 0), 200);
    const offset = Math.max(req.offset ?? 0, 0);
    const db = this.db;
    let plan = planQuery(req.q ?? '', this.vocabularyPort());
    let total = this.match(plan, req);
    // Nothing for the words as typed: every word may then match as a prefix ("parkeer tarie" finds "Parkeerzones en tarieven").
    if (total === 0 && plan.match) {
      const wider = planQuery(req.q ?? '', this.vocabularyPort(), true);
      if (wider.match !== plan.match) { plan = wider; total = this.match(plan, req); }
    }
    const sort = req.sort ?? (plan.match ? 'relevance' : 'title:asc');
    // id and source last: equal titles or dates keep one order from page to page.
    const order = `${sort === 'relevance' ? 'm.score ASC, d.title_sort ASC' : `${ORDER[sort]}, m.score ASC`}, d.id ASC, d.source ASC`;
    const rows = db
      .prepare(`SELECT d.body FROM temp.matched m JOIN docs d ON d.rid = m.rid ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(limit, offset) as { body: string }[];
    const hits = rows.map((r) => {
      const document = JSON.parse(r.body) as CatalogueDocument;
      return {
        document,
        highlights: {
          title: highlight(document.title, plan.terms, plan.prefixes),
          description: crop(highlight(document.description, plan.terms, plan.prefixes)),
        },
      };
    });
    const facets: Partial<Record<FacetField, FacetCount[]>> = {};
    const wanted = (req.facets ?? []).filter((f) => (FACET_FIELDS as readonly string[]).includes(f));
    if (wanted.length > 0) {
      const counted = db
        // Walk the matches and look up their facet rows by (rid, field): cheap for small results, one pass for large ones.
        .prepare(`SELECT c.field, c.value, c.n, l.label FROM (
            SELECT f.field, f.value, count(*) AS n FROM temp.matched m CROSS JOIN facets f ON f.rid = m.rid
            WHERE f.field IN (${wanted.map(() => '?').join(',')}) GROUP BY f.field, f.value) c
          LEFT JOIN labels l ON l.value = c.value ORDER BY c.n DESC, c.value ASC`)
        .all(...wanted) as { field: FacetField; value: string; n: number; label: string | null }[];
      for (const field of wanted) facets[field] = [];
      for (const c of counted) {
        facets[c.field]!.push({ value: c.value, count: c.n, label: facetLabel(c.field, c.value, c.label) });
      }
    }
    return { hits, total, offset, limit, facets, corrections: plan.corrections, processingTimeMs: Math.round(performance.now() - started) };
  }

  async get(id: string): Promise<CatalogueDocument | null> {
    const row = this.db.prepare('SELECT body FROM docs WHERE id = ? ORDER BY source LIMIT 1').get(id) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as CatalogueDocument) : null;
  }

  async possibleDuplicates(id: string, limit = 50): Promise<readonly PossibleDuplicate[]> {
    // The document get(id) returns (first by source) against every document of another source sharing a key.
    const rows = this.db.prepare(`
      SELECT o.body, json_group_array(DISTINCT ok.key) AS shared
      FROM docs d JOIN match_keys dk ON dk.rid = d.rid
      JOIN match_keys ok ON ok.key = dk.key AND ok.rid <> d.rid
      JOIN docs o ON o.rid = ok.rid AND o.source <> d.source
      WHERE d.rid = (SELECT rid FROM docs WHERE id = ? ORDER BY source LIMIT 1)
      GROUP BY o.rid ORDER BY o.source, o.id LIMIT ?`).all(id, limit) as { body: string; shared: string }[];
    return rows.map((r) => ({ document: JSON.parse(r.body) as CatalogueDocument, sharedKeys: (JSON.parse(r.shared) as string[]).sort() }));
  }

  async version(): Promise<string> {
    return `${this.db.pragma('data_version', { simple: true }) as number}:${this.writes}`;
  }

  async count(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM docs').get() as { n: number }).n;
  }

  async browse(offset: number, limit: number): Promise<readonly CatalogueDocument[]> {
    // Rows in (id, source) order along its index, `limit` from row `offset`; a row that is not its id's first source
    // is left out (get(id) answers with that one), so each id comes once over all pages.
    const rows = this.db.prepare(`SELECT d.body, d.source = (SELECT min(x.source) FROM docs x WHERE x.id = d.id) AS first
      FROM docs d ORDER BY d.id, d.source LIMIT ? OFFSET ?`).all(Math.max(0, limit), Math.max(0, offset)) as { body: string; first: number }[];
    return rows.filter((r) => r.first === 1).map((r) => JSON.parse(r.body) as CatalogueDocument);
  }


  async close(): Promise<void> {
    this.db.close();
  }
}
