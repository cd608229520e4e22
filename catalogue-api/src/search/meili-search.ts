import { createHash, randomUUID } from 'node:crypto';
import { FACET_FIELDS, facetNames, facetValue, facetValues, type CatalogueDocument, type FacetCount, type FacetField, type PossibleDuplicate, type SearchIndex, type SearchRequest, type SearchResponse, type SortSpec } from '@fedcat/catalogue';
import { facetLabel } from './facet-label.js';
import { Meilisearch, type EnqueuedTaskPromise, type Index } from 'meilisearch';
import type { SearchSettings } from '../config/backend-settings.js';
import { allowedTypos, boundedEditDistance, crop, highlight, normalizeWord, words } from './text.js';

/** A record as Meilisearch holds it: the fields it searches, filters and sorts on, and the document itself. */
interface MeiliDoc {
  /** Hash of source and id: the same record id may come from two sources. */
  readonly pk: string;
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly title: string;
  readonly titleSort: string;
  readonly description: string;
  readonly keywords: readonly string[];
  readonly publisherName: string;
  readonly publisher: readonly string[];
  readonly theme: readonly string[];
  readonly format: readonly string[];
  readonly license: readonly string[];
  readonly accessRights: readonly string[];
  /** Milliseconds since 1970 of `modified` (as published), for range filters and sorting; null when unknown. */
  readonly modifiedTs: number | null;
  readonly matchKeys: readonly string[];
  /** Which write put it there: a source replaced whole drops what an older write left. */
  readonly generation: string;
  readonly body: string;
}

type Settings = Extract<SearchSettings, { kind: 'meilisearch' }>;

/** Dutch and English words searched as one another. */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  parkeren: ['parking'], parking: ['parkeren'], afval: ['waste'], waste: ['afval'], water: ['waters'],
  verkeer: ['traffic'], traffic: ['verkeer'], gebouwen: ['buildings'], buildings: ['gebouwen'], adressen: ['addresses'], addresses: ['adressen'],
  bevolking: ['population'], population: ['bevolking'], onderwijs: ['education'], education: ['onderwijs'],
  gezondheid: ['health'], health: ['gezondheid'], uitkeringen: ['benefits'], benefits: ['uitkeringen'], energie: ['energy'], energy: ['energie'],
};

const FILTERABLE = ['id', 'source', 'type', 'publisher', 'theme', 'format', 'license', 'accessRights', 'modifiedTs', 'matchKeys', 'generation'];
const SORTS: Record<Exclude<SortSpec, 'relevance'>, string> = {
  'title:asc': 'titleSort:asc', 'title:desc': 'titleSort:desc', 'modified:asc': 'modifiedTs:asc', 'modified:desc': 'modifiedTs:desc',
};
/** Documents per addDocuments request. */
const BATCH = 5000;

const pkOf = (source: string, id: string) => createHash('sha256').update(`${source}\u0000${id}`).digest('hex').slice(0, 40);
/** A string in a Meilisearch filter expression: quoted, with quotes and backslashes escaped. */
export const filterString = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function toMeili(source: string, doc: CatalogueDocument, generation: string): MeiliDoc {
  const ts = doc.modified ? Date.parse(doc.modified) : NaN;
  const facets = facetValues(doc);
  return {
    pk: pkOf(source, doc.id), id: doc.id, source, type: doc.type, title: doc.title, titleSort: doc.title.toLowerCase(),
    description: doc.description, keywords: doc.keywords, publisherName: doc.publisherName ?? '', publisher: doc.publisher ? [doc.publisher] : [],
    theme: facets.theme, format: facets.format, license: facets.license, accessRights: facets.accessRights,
    modifiedTs: Number.isFinite(ts) ? ts : null, matchKeys: doc.matchKeys ?? [], generation, body: JSON.stringify(doc),
  };
}

/** The port's filters in Meilisearch's filter language: values OR-ed within a field, fields AND-ed. */
export function meiliFilter(req: Pick<SearchRequest, 'filters' | 'modifiedSince'>): string[] {
  const out: string[] = [];
  for (const field of FACET_FIELDS) {
    const values = req.filters?.[field];
    if (values && values.length > 0) out.push(`${field} IN [${values.map((v) => filterString(facetValue(field, v))).join(', ')}]`);
  }
  if (req.modifiedSince) {
    const since = Date.parse(req.modifiedSince);
    if (Number.isFinite(since)) out.push(`modifiedTs >= ${since}`);
  }
  return out;
}

/**
 * The SearchIndex on Meilisearch, through its official client: one index of records (`FEDCAT_MEILI_INDEX`), one of
 * each source's indexed harvest run, one of facet labels and one holding a version stamp every writer bumps (what
 * the answer cache and other processes see change). Every write waits for its task, so a write that returns is
 * searchable. Typo tolerance is Meilisearch's own, with the embedded index's word lengths (one typo from 5 letters,
 * two from 9); the words it corrected are read back from the matches and reported as `corrections`.
 */
export class MeilisearchIndex implements SearchIndex {
  private readonly client: Meilisearch;
  private readonly docs: Index<MeiliDoc>;
  private readonly runs: Index<{ pk: string; source: string; run: string }>;
  private readonly labels: Index<{ pk: string; value: string; label: string }>;
  private readonly meta: Index<{ pk: string; version: string }>;
  private setup: Promise<void> | null = null;

  constructor(private readonly settings: Settings) {
    this.client = new Meilisearch({ host: settings.url, ...(settings.apiKey ? { apiKey: settings.apiKey } : {}), timeout: settings.timeoutMs });
    this.docs = this.client.index(settings.index);
    this.runs = this.client.index(`${settings.index}-runs`);
    this.labels = this.client.index(`${settings.index}-labels`);
    this.meta = this.client.index(`${settings.index}-meta`);
  }

  /** Reachability, for health checks. */
  async healthy(): Promise<boolean> {
    return this.client.isHealthy();
  }

  private async wait(task: EnqueuedTaskPromise): Promise<void> {
    const done = await task.waitTask({ timeout: this.settings.timeoutMs });
    if (done.status !== 'succeeded') throw new Error(`Meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? 'no reason given'}`);
  }

  /** Creates the indexes and applies their settings, once per process (both are idempotent on the server). */
  private ready(): Promise<void> {
    this.setup ??= (async () => {
      for (const index of [this.docs, this.runs, this.labels, this.meta]) {
        const exists = await index.getRawInfo().then(() => true, () => false);
        if (!exists) await this.wait(this.client.createIndex(index.uid, { primaryKey: 'pk' }));
      }
      await this.wait(this.docs.updateSettings({
        searchableAttributes: ['title', 'keywords', 'publisherName', 'description'],
        filterableAttributes: FILTERABLE,
        sortableAttributes: ['titleSort', 'modifiedTs', 'id', 'source'],
        displayedAttributes: ['body', 'title', 'description'],
        // An explicit sort wins over relevance, as in the embedded index.
        rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
        typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
        synonyms: Object.fromEntries(Object.entries(SYNONYMS).map(([k, v]) => [k, [...v]])),
        pagination: { maxTotalHits: 100_000 },
        faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
      }));
      await this.wait(this.runs.updateSettings({ filterableAttributes: ['source'] }));
      await this.wait(this.labels.updateSettings({ filterableAttributes: ['value'] }));
    })();
    this.setup.catch(() => { this.setup = null; });
    return this.setup;
  }

  private async bump(): Promise<void> {
    await this.wait(this.meta.addDocuments([{ pk: 'version', version: randomUUID() }]));
  }

  private async add(documents: readonly CatalogueDocument[], docs: readonly MeiliDoc[]): Promise<void> {
    for (let i = 0; i < docs.length; i += BATCH) await this.wait(this.docs.addDocuments(docs.slice(i, i + BATCH) as MeiliDoc[], { primaryKey: 'pk' }));
    const labels = new Map(documents.flatMap(facetNames));
    if (labels.size > 0) await this.wait(this.labels.addDocuments([...labels].map(([value, label]) => ({ pk: pkOf('label', value), value, label }))));
  }

  async replaceSource(source: string, documents: readonly CatalogueDocument[]): Promise<void> {
    await this.ready();
    // New documents first, then whatever an older write of the source left: searches never see it empty.
    const generation = randomUUID();
    await this.add(documents, documents.map((d) => toMeili(source, d, generation)));
    await this.wait(this.docs.deleteDocuments({ filter: `source = ${filterString(source)} AND generation != ${filterString(generation)}` }));
    await this.bump();
  }

  async applyChanges(source: string, change: { upsert: readonly CatalogueDocument[]; remove: readonly string[]; run: string }): Promise<void> {
    await this.ready();
    const generation = randomUUID();
    if (change.remove.length > 0) await this.wait(this.docs.deleteDocuments(change.remove.map((id) => pkOf(source, id))));
    await this.add(change.upsert, change.upsert.map((d) => toMeili(source, d, generation)));
    await this.wait(this.runs.addDocuments([{ pk: pkOf('run', source), source, run: change.run }]));
    await this.bump();
  }

  async removeSource(source: string): Promise<void> {
    await this.ready();
    await this.wait(this.docs.deleteDocuments({ filter: `source = ${filterString(source)}` }));
    await this.wait(this.runs.deleteDocuments([pkOf('run', source)]));
    await this.bump();
  }

  async indexedRuns(): Promise<Readonly<Record<string, string>>> {
    await this.ready();
    const out: Record<string, string> = {};
    for (let offset = 0; ; offset += 1000) {
      const page = await this.runs.getDocuments({ offset, limit: 1000 });
      for (const r of page.results) out[r.source] = r.run;
      if (page.results.length < 1000) return out;
    }
  }

  async search(req: SearchRequest): Promise<SearchResponse> {
    await this.ready();
    const started = performance.now();
    const limit = Math.min(Math.max(req.limit ?? 20, 0), 200);
    const offset = Math.max(req.offset ?? 0, 0);
    const q = (req.q ?? '').trim();
    const sort = req.sort ?? (q ? 'relevance' : 'title:asc');
    const wanted = (req.facets ?? []).filter((f) => (FACET_FIELDS as readonly string[]).includes(f));
    const result = await this.docs.search(q, {
      filter: meiliFilter(req), offset, limit,
      ...(wanted.length > 0 ? { facets: wanted } : {}),
      // id and source last: equal titles or dates keep one order from page to page.
      ...(sort === 'relevance' ? {} : { sort: [SORTS[sort], 'id:asc', 'source:asc'] }),
      showMatchesPosition: q.length > 0,
      matchingStrategy: 'all',
    });
    const queryWords = words(q);
    const matched = new Set<string>();
    for (const hit of result.hits) {
      for (const field of ['title', 'description'] as const) {
        const text = String(hit[field] ?? '');
        for (const m of hit._matchesPosition?.[field] ?? []) matched.add(normalizeWord(text.slice(m.start, m.start + m.length)));
      }
    }
    const corrections = correctionsOf(queryWords, matched);
    const terms = new Set([...queryWords, ...Object.values(corrections).flat()]);
    const prefixes = queryWords.length > 0 ? [queryWords[queryWords.length - 1]!] : [];
    const hits = result.hits.map((h) => {
      const document = JSON.parse(h.body) as CatalogueDocument;
      return { document, highlights: { title: highlight(document.title, terms, prefixes), description: crop(highlight(document.description, terms, prefixes)) } };
    });
    const facets: Partial<Record<FacetField, FacetCount[]>> = {};
    if (wanted.length > 0) {
      const distribution = result.facetDistribution ?? {};
      const publishers = Object.keys(distribution.publisher ?? {});
      const names = await this.publisherNames(publishers);
      for (const field of wanted) {
        facets[field] = Object.entries(distribution[field] ?? {})
          .map(([value, count]) => ({ value, count, label: facetLabel(field, value, names.get(value)) }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      }
    }
    const total = result.estimatedTotalHits ?? hits.length;
    return { hits, total, offset, limit, facets, corrections, processingTimeMs: Math.round(performance.now() - started) };
  }

  private async publisherNames(values: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    if (values.length === 0) return names;
    const page = await this.labels.getDocuments({ filter: `value IN [${values.map(filterString).join(', ')}]`, limit: values.length });
    for (const l of page.results) names.set(l.value, l.label);
    return names;
  }

  async get(id: string): Promise<CatalogueDocument | null> {
    await this.ready();
    const page = await this.docs.getDocuments({ filter: `id = ${filterString(id)}`, fields: ['body'], sort: ['source:asc'], limit: 1 });
    const first = page.results[0];
    return first ? (JSON.parse(first.body) as CatalogueDocument) : null;
  }

  async possibleDuplicates(id: string, limit = 50): Promise<readonly PossibleDuplicate[]> {
    const doc = await this.get(id);
    if (!doc || doc.matchKeys.length === 0) return [];
    const page = await this.docs.getDocuments({
      filter: `matchKeys IN [${doc.matchKeys.map(filterString).join(', ')}] AND source != ${filterString(doc.source)}`,
      fields: ['body', 'matchKeys'], sort: ['source:asc', 'id:asc'], limit,
    });
    const keys = new Set(doc.matchKeys);
    return page.results.map((r) => ({ document: JSON.parse(r.body) as CatalogueDocument, sharedKeys: (r.matchKeys as readonly string[]).filter((k) => keys.has(k)).sort() }));
  }

  async count(): Promise<number> {
    await this.ready();
    return (await this.docs.getStats()).numberOfDocuments;
  }

  async browse(offset: number, limit: number): Promise<readonly CatalogueDocument[]> {
    await this.ready();
    // Rows by (id, source) from row `offset`; a row whose id the row before has (read too) is left out, as get(id) gives the first.
    const from = Math.max(0, offset);
    const out: CatalogueDocument[] = [];
    let last: string | null = null;
    for (let at = Math.max(0, from - 1); at < from + limit;) {
      const page = await this.docs.getDocuments({ fields: ['body'], sort: ['id:asc', 'source:asc'], offset: at, limit: Math.min(1000, from + limit - at) });
      if (page.results.length === 0) break;
      for (const doc of page.results.map((r) => JSON.parse(r.body) as CatalogueDocument)) {
        if (at++ >= from && doc.id !== last) out.push(doc);
        last = doc.id;
      }
    }
    return out;
  }


  async version(): Promise<string> {
    await this.ready();
    return this.meta.getDocument('version').then((d) => d.version, () => 'none');
  }

  async close(): Promise<void> {
    // The client holds no connections of its own.
  }
}

/** Query words with no exact (or, for the last, prefix) match among the matched words, and what matched them instead. */
function correctionsOf(queryWords: readonly string[], matched: ReadonlySet<string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  queryWords.forEach((w, i) => {
    const isLast = i === queryWords.length - 1;
    if (matched.has(w) || (isLast && [...matched].some((m) => m.startsWith(w)))) return;
    const max = allowedTypos(w);
    const fixes = [...matched].filter((m) => max > 0 && boundedEditDistance(w, m, max) <= max).sort();
    if (fixes.length > 0) out[w] = fixes.slice(0, 8);
  });
  return out;
}
