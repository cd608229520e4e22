import type { Quad } from '@rdfjs/types';
import { DataFactory, Parser } from 'n3';
import { afterEach, describe, expect, it } from 'vitest';
import { quarantineGraph, runsGraph, sourceGraph } from '../graphs.js';
import type { QuadStore } from '../store/quad-store.js';
import { QuerySyntax, QueryTimeout } from '../store/store-errors.js';
import { describeRecords } from '../reads/describe-records.js';

/** A backend under test: stores connected to the same data (two connections play two processes), emptied per test. */
export interface StoreBackend {
  /** A new store on the backend's data; `pollMs` is how often it looks for other connections' writes. */
  connect(opts: { pollMs: number }): QuadStore;
  /** Removes the backend's data (temporary directories); called after each test. */
  dispose(): Promise<void>;
}

const ttl = (s: string): Quad[] => new Parser().parse(`@prefix dct: <http://purl.org/dc/terms/>. @prefix xsd: <http://www.w3.org/2001/XMLSchema#>. ${s}`);
const JSON_FORMATS = { solutions: 'application/sparql-results+json', graph: 'application/n-triples' };
type Row = Record<string, { type: string; value: string; datatype?: string; 'xml:lang'?: string }>;
const rows = async (store: QuadStore, sparql: string, options = {}): Promise<Row[]> =>
  (JSON.parse((await store.query(sparql, JSON_FORMATS, options)).body) as { results: { bindings: Row[] } }).results.bindings;
const titles = async (store: QuadStore, sparql = 'SELECT ?t WHERE { ?s <http://purl.org/dc/terms/title> ?t } ORDER BY ?t', options = {}) =>
  (await rows(store, sparql, options)).map((r) => r.t!.value);

/**
 * The behaviour every QuadStore must show, run against the embedded oxigraph store and a SPARQL 1.1 store
 * (Virtuoso in CI). `open` gives a backend with no fedcat graphs in it.
 */
export function quadStoreContract(name: string, open: () => Promise<StoreBackend>): void {
  describe(`QuadStore contract: ${name}`, () => {
    let backend: StoreBackend | undefined;
    const stores: QuadStore[] = [];
    const connect = async (pollMs = 0) => {
      backend ??= await open();
      const store = backend.connect({ pollMs });
      stores.push(store);
      await store.ready();
      return store;
    };
    afterEach(async () => {
      for (const s of stores.splice(0)) await s.close();
      await backend?.dispose();
      backend = undefined;
    });

    it('replaces one graph without touching the others, and queries the union of the source graphs', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl('<https://x/1> dct:title "one".'));
      await store.replaceGraph(sourceGraph('b'), ttl('<https://x/2> dct:title "two".'));
      await store.replaceGraph(sourceGraph('a'), ttl('<https://x/3> dct:title "three". <https://x/4> dct:title "four".'));
      expect(await titles(store)).toEqual(['four', 'three', 'two']);
      expect(await store.listGraphs()).toEqual([{ graph: sourceGraph('a'), quads: 2 }, { graph: sourceGraph('b'), quads: 1 }]);
    });

    it('keeps quarantine and other graphs out of the default graph, reachable with GRAPH', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl('<https://x/1> dct:title "accepted".'));
      await store.replaceGraph(quarantineGraph('a'), ttl('<https://x/2> dct:title "quarantined".'));
      expect(await titles(store)).toEqual(['accepted']);
      expect(await titles(store, 'SELECT ?t WHERE { GRAPH <urn:fedcat:quarantine:a> { ?s <http://purl.org/dc/terms/title> ?t } }')).toEqual(['quarantined']);
    });

    it('answers with fedcat\'s graphs only: GRAPH ?g ranges over them and nothing else the store holds', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl('<https://x/1> dct:title "one".'));
      await store.replaceGraph(runsGraph('a'), ttl('<https://x/r> dct:title "run".'));
      const graphs = (await rows(store, 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g')).map((r) => r.g!.value);
      expect(graphs).toEqual([runsGraph('a'), sourceGraph('a')]);
      expect(await rows(store, 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')).toEqual([{ n: { type: 'literal', datatype: 'http://www.w3.org/2001/XMLSchema#integer', value: '1' } }]);
    });

    it('answers typed reads with RDF/JS terms: SELECT rows, ASK, CONSTRUCT triples', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl('<https://x/1> dct:title "één"@nl ; dct:issued "2026-01-02"^^xsd:date .'));
      const [row, ...more] = await store.select('SELECT ?s ?t ?d ?unbound WHERE { ?s <http://purl.org/dc/terms/title> ?t ; <http://purl.org/dc/terms/issued> ?d OPTIONAL { ?s <urn:x:none> ?unbound } }');
      expect(more).toEqual([]);
      expect(row?.s?.termType).toBe('NamedNode');
      expect(row?.s?.value).toBe('https://x/1');
      expect(row?.t?.equals(DataFactory.literal('één', 'nl'))).toBe(true);
      expect(row?.d?.equals(DataFactory.literal('2026-01-02', DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#date')))).toBe(true);
      expect(row && 'unbound' in row).toBe(false);
      expect(await store.ask('ASK { <https://x/1> ?p ?o }')).toBe(true);
      expect(await store.ask('ASK { <https://x/2> ?p ?o }')).toBe(false);
      const triples = await store.construct('CONSTRUCT { ?s <urn:x:label> ?t } WHERE { ?s <http://purl.org/dc/terms/title> ?t }');
      expect(triples.map((q) => [q.subject.value, q.predicate.value, q.object.value])).toEqual([['https://x/1', 'urn:x:label', 'één']]);
    });

    it('drops a graph given no quads', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl('<https://x/1> dct:title "one".'));
      await store.replaceGraph(sourceGraph('a'), []);
      expect(await store.listGraphs()).toEqual([]);
      expect(await titles(store)).toEqual([]);
    });

    it('gives a graph back as quads, and nothing for a graph it does not hold', async () => {
      const store = await connect();
      const quads = ttl('<https://x/1> dct:title "één"@nl ; dct:modified "2026-11-22"^^xsd:date ; dct:publisher <https://org/1>.');
      await store.replaceGraph(sourceGraph('a'), quads);
      const back = (await store.readGraph(sourceGraph('a'))).map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}`).sort();
      expect(back).toEqual(quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}`).sort());
      expect(await store.readGraph(sourceGraph('nothing'))).toEqual([]);
    });

    it('returns literals with their language and datatype in standard SPARQL results JSON', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl('<https://x/1> dct:title "Parkeren"@nl ; dct:modified "2026-11-22"^^xsd:date ; dct:identifier "PZ-1" ; dct:extent 3.'));
      const [row] = await rows(store, 'PREFIX dct: <http://purl.org/dc/terms/> SELECT ?t ?m ?i ?n WHERE { ?s dct:title ?t ; dct:modified ?m ; dct:identifier ?i ; dct:extent ?n }');
      expect(row).toEqual({
        t: { type: 'literal', value: 'Parkeren', 'xml:lang': 'nl' },
        m: { type: 'literal', value: '2026-11-22', datatype: 'http://www.w3.org/2001/XMLSchema#date' },
        i: { type: 'literal', value: 'PZ-1' },
        n: { type: 'literal', value: '3', datatype: 'http://www.w3.org/2001/XMLSchema#integer' },
      });
    });

    it('writes answers in every results and graph format asked for, and answers ASK', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl('<https://x/1> dct:title "one".'));
      const select = 'SELECT ?s ?t WHERE { ?s <http://purl.org/dc/terms/title> ?t }';
      const as = async (solutions: string, sparql = select) => (await store.query(sparql, { solutions, graph: 'text/turtle' })).body;
      expect(await as('application/sparql-results+xml')).toContain('<literal>one</literal>');
      expect(await as('text/csv')).toBe('s,t\r\nhttps://x/1,one\r\n');
      expect(await as('text/tab-separated-values')).toBe('?s\t?t\n<https://x/1>\t"one"\n');
      expect(JSON.parse(await as('application/sparql-results+json', 'ASK { ?s ?p "one" }'))).toEqual({ head: {}, boolean: true });
      expect(await as('text/csv', 'ASK { ?s ?p "two" }')).toBe('false');
      const turtle = await store.query('CONSTRUCT WHERE { ?s ?p ?o }', { solutions: 'application/sparql-results+json', graph: 'text/turtle' });
      expect(new Parser().parse(turtle.body).map((q) => q.object.value)).toEqual(['one']);
      expect(turtle).toMatchObject({ form: 'CONSTRUCT', mediaType: 'text/turtle' });
    });

    it('cuts answers at the result cap and says so', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl(Array.from({ length: 30 }, (_, i) => `<https://x/${i}> dct:title "t${i}".`).join(' ')));
      const cut = await store.query('SELECT * WHERE { ?s ?p ?o }', JSON_FORMATS, { resultCap: 10 });
      expect(cut.truncated).toBe(true);
      expect((JSON.parse(cut.body) as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(10);
      const graph = await store.query('CONSTRUCT WHERE { ?s ?p ?o }', JSON_FORMATS, { resultCap: 12 });
      expect(graph.truncated).toBe(true);
      expect(graph.body.trim().split('\n')).toHaveLength(12);
      expect((await store.query('SELECT * WHERE { ?s ?p ?o }', JSON_FORMATS, { resultCap: 30 })).truncated).toBe(false);
    });

    it('marks a CONSTRUCT cut when its solutions went past the cap, even with fewer triples than the cap', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl(Array.from({ length: 30 }, (_, i) => `<https://x/${i}> dct:title "t${i}".`).join(' ')));
      const few = await store.query('CONSTRUCT { <https://x/all> a <https://x/Thing> } WHERE { ?s ?p ?o }', JSON_FORMATS, { resultCap: 10 });
      expect(few.body.trim().split('\n')).toHaveLength(1);
      expect(few.truncated).toBe(true);
      expect((await store.query('CONSTRUCT { <https://x/all> a <https://x/Thing> } WHERE { ?s ?p ?o } LIMIT 5', JSON_FORMATS, { resultCap: 10 })).truncated).toBe(false);
    });

    it('keeps a query with a visibility to the published graphs and the quarantine it may see, FROM and GRAPH alike', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl('<https://x/1> dct:title "published".'));
      await store.replaceGraph(quarantineGraph('a'), ttl('<https://x/2> dct:title "quarantined a".'));
      await store.replaceGraph(quarantineGraph('b'), ttl('<https://x/3> dct:title "quarantined b".'));
      const anyGraph = 'SELECT ?t WHERE { GRAPH ?g { ?s <http://purl.org/dc/terms/title> ?t } } ORDER BY ?t';
      expect(await titles(store, anyGraph, { visibility: { quarantineOf: [] } })).toEqual(['published']);
      expect(await titles(store, anyGraph, { visibility: { quarantineOf: ['a'] } })).toEqual(['published', 'quarantined a']);
      expect(await titles(store, anyGraph, { visibility: { quarantineOf: 'all' } })).toEqual(['published', 'quarantined a', 'quarantined b']);
      expect(await titles(store, `SELECT ?t FROM <${quarantineGraph('b')}> WHERE { ?s ?p ?t }`, { visibility: { quarantineOf: ['a'] } })).toEqual([]);
      expect(await titles(store, 'SELECT ?t WHERE { ?s ?p ?t }', { visibility: { quarantineOf: [] }, dataset: { defaultGraphs: [quarantineGraph('a')], namedGraphs: [] } })).toEqual([]);
      expect(await titles(store, anyGraph)).toEqual(['published', 'quarantined a', 'quarantined b']);
    });

    it('has a version that stays while nothing changes and changes with any graph', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl('<https://x/1> dct:title "one".'));
      await store.ready();
      const before = store.version();
      expect(before).toEqual(expect.any(String));
      expect(store.version()).toBe(before);
      await store.replaceGraph(sourceGraph('a'), ttl('<https://x/1> dct:title "two".'));
      expect(store.version()).not.toBe(before);
      expect((await store.query('ASK { ?s ?p ?o }', JSON_FORMATS)).version).toBe(store.version());
    });

    it('takes the dataset of the request over the query\'s own FROM, and ignores graphs it does not hold', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl('<https://x/1> dct:title "a".'));
      await store.replaceGraph(sourceGraph('b'), ttl('<https://x/2> dct:title "b".'));
      const q = 'SELECT ?t FROM <urn:fedcat:source:a> WHERE { ?s <http://purl.org/dc/terms/title> ?t }';
      expect(await titles(store, q)).toEqual(['a']);
      expect(await titles(store, q, { dataset: { defaultGraphs: [sourceGraph('b')], namedGraphs: [] } })).toEqual(['b']);
      expect(await titles(store, 'SELECT ?t FROM <http://www.openlinksw.com/schemas/virtrdf#> WHERE { ?s ?p ?t }')).toEqual([]);
      expect(await titles(store, 'SELECT ?t WHERE { ?s ?p ?t }', { dataset: { defaultGraphs: ['http://localhost:8890/DAV/'], namedGraphs: [] } })).toEqual([]);
    });

    it('resolves relative IRIs against the base it is given', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl('<https://cat.example/id/1> dct:title "one".'));
      expect(await titles(store, 'SELECT ?t WHERE { <id/1> <http://purl.org/dc/terms/title> ?t }', { baseIri: 'https://cat.example/' })).toEqual(['one']);
    });

    it('keeps blank nodes of one graph joined', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl('<https://x/1> dct:publisher [ dct:title "Gemeente" ].'));
      expect(await titles(store, 'PREFIX dct: <http://purl.org/dc/terms/> SELECT ?t WHERE { <https://x/1> dct:publisher/dct:title ?t }')).toEqual(['Gemeente']);
    });

    it('replaces a large graph whole', async () => {
      const store = await connect();
      const big = ttl(Array.from({ length: 3000 }, (_, i) => `<https://x/${i}> dct:title "t${i}"; dct:identifier "${i}".`).join('\n'));
      await store.replaceGraph(sourceGraph('big'), big);
      await store.replaceGraph(sourceGraph('big'), big.slice(0, 4000));
      expect(await rows(store, 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')).toEqual([{ n: expect.objectContaining({ value: '4000' }) }]);
      expect(await store.listGraphs()).toEqual([{ graph: sourceGraph('big'), quads: 4000 }]);
    });

    it('tells its listeners about graphs it wrote and, polling, about graphs another process wrote', async () => {
      const server = await connect(50);
      const seen: string[] = [];
      server.onChange((graphs) => seen.push(...graphs));
      await server.replaceGraph(sourceGraph('own'), ttl('<https://x/1> dct:title "own".'));
      expect(seen).toContain(sourceGraph('own'));
      const harvest = await connect();
      await harvest.replaceGraph(sourceGraph('other'), ttl('<https://x/2> dct:title "from another process".'));
      await expect.poll(() => seen.includes(sourceGraph('other')), { timeout: 5000 }).toBe(true);
      expect(await titles(server)).toEqual(['from another process', 'own']);
    });

    it('describes a record from its own source graph: its statements, its distributions\', and what they own two levels deep', async () => {
      const store = await connect();
      const G = 'https://fedcat.test/.well-known/genid/';
      await store.replaceGraph(sourceGraph('a'), ttl(`@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix g: <${G}>.
        <https://x/r> a dcat:Dataset; dct:title "r"; dcat:distribution <https://x/d>; dct:publisher <https://x/org>;
          dcat:contactPoint g:contact; dct:temporal g:period; dct:isPartOf <https://x/other>.
        <https://x/d> dcat:accessURL <https://x/a>; dct:license g:licence.
        g:licence dct:title "licence"; dct:source g:tooDeep.
        g:tooDeep dct:title "three levels down".
        g:period dcat:startDate "2020"; dct:hasPart g:inner.
        g:inner dct:title "inner"; dct:hasPart g:innermost.
        g:innermost dct:title "innermost".
        g:contact dct:title "contact".
        <https://x/org> dct:title "Org"; dct:spatial g:address.
        g:address dct:title "address".
        <https://x/other> dct:title "another record".`));
      await store.replaceGraph(sourceGraph('b'), ttl('<https://x/r> dct:title "said elsewhere".'));
      const subjects = async (agents: boolean) => [...new Set((await describeRecords(store, [{ iri: 'https://x/r', source: 'a' }], G, { agents }))
        .map((q) => q.subject.value.replace(G, 'g:')))].sort();
      expect(await subjects(false)).toEqual(['g:contact', 'g:inner', 'g:licence', 'g:period', 'https://x/d', 'https://x/r']);
      expect(await subjects(true)).toEqual(['g:address', 'g:contact', 'g:inner', 'g:licence', 'g:period', 'https://x/d', 'https://x/org', 'https://x/r']);
      const titles = (await describeRecords(store, [{ iri: 'https://x/r', source: 'a' }], G)).filter((q) => q.predicate.value.endsWith('/title')).map((q) => q.object.value);
      expect(titles.sort()).toEqual(['contact', 'inner', 'licence', 'r']);
    });

    it('describes a record\'s blank nodes too, two levels deep', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl(`@prefix dcat: <http://www.w3.org/ns/dcat#>.
        <https://x/r> dct:title "r"; dct:temporal [ dcat:startDate "2020"; dct:hasPart [ dct:title "inner"; dct:hasPart [ dct:title "too deep" ] ] ];
          dcat:distribution <https://x/d>.
        <https://x/d> dct:license [ dct:title "licence" ].`));
      const described = await describeRecords(store, [{ iri: 'https://x/r', source: 'a' }], undefined);
      expect(described.filter((q) => q.object.termType === 'Literal').map((q) => q.object.value).sort()).toEqual(['2020', 'inner', 'licence', 'r']);
    });

    it('refuses a malformed query as a syntax error', async () => {
      const store = await connect();
      const refused = store.query('SELECT * WHERE { ?s ?p }', JSON_FORMATS);
      await expect(refused).rejects.toBeInstanceOf(QuerySyntax);
      await expect(refused).rejects.toMatchObject({ code: 'CAT_SPARQL_SYNTAX' });
    });

    it('fails a query past its time limit with a time-out error', async () => {
      const store = await connect();
      await store.replaceGraph(sourceGraph('a'), ttl(Array.from({ length: 300 }, (_, i) => `<https://x/${i}> dct:title "t${i}".`).join(' ')));
      const heavy = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }';
      const cut = store.query(heavy, JSON_FORMATS, { timeoutMs: 200 });
      await expect(cut).rejects.toBeInstanceOf(QueryTimeout);
      await expect(cut).rejects.toMatchObject({ code: 'CAT_SPARQL_TIMEOUT' });
      expect(await titles(store, 'SELECT ?t WHERE { <https://x/7> <http://purl.org/dc/terms/title> ?t }')).toEqual(['t7']);
    });
  });
}
