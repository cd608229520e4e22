import { describe, expect, it } from 'vitest';
import { ClientBudget } from '../src/routes/sparql/client-budget.js';
import { answerFormat } from '../src/routes/sparql/answer-format.js';
import { declaredDataset } from '../src/store/query-dataset.js';
import { classifySparql, isVolatile } from '../src/store/query-form.js';
import { boundedQuery } from '../src/store/query-limit.js';

describe('reading a query by the SPARQL grammar', () => {
  it.each([
    ['PREFIX é: <http://e/> CONSTRUCT { ?s é:p ?o } WHERE { ?s é:p ?o }', 'CONSTRUCT'],
    ['PREFIX größe: <http://e/> ASK { ?s größe:x ?größe }', 'ASK'],
    ['PREFIX ex: <http://e/> # SELECT in a comment\nDESCRIBE ex:a', 'DESCRIBE'],
    ['BASE <http://b/> PREFIX : <x#> SELECT * WHERE { ?s :p """CONSTRUCT "quoted" here""" }', 'SELECT'],
  ])('classifies %s as %s', (text, form) => {
    expect(classifySparql(text)).toEqual({ kind: 'query', form });
  });

  it('finds FROM and FROM NAMED graphs, prefixed names expanded and relative IRIs resolved', () => {
    expect(declaredDataset('BASE <http://b/> PREFIX g: <urn:g:> SELECT * FROM g:one FROM NAMED <two> WHERE { ?s ?p ?o }')).toEqual({ defaultGraphs: ['urn:g:one'], namedGraphs: ['http://b/two'] });
    expect(declaredDataset('SELECT * WHERE { ?s <urn:FROM> "FROM <x>" }')).toBeNull();
  });

  it('knows the functions whose answers change from one evaluation to the next', () => {
    expect(isVolatile('SELECT (NOW() AS ?t) {}')).toBe(true);
    expect(isVolatile('SELECT ?now { ?s <urn:rand> ?now }')).toBe(false);
  });
});

describe('bounding a query by the result cap', () => {
  it('adds LIMIT cap + 1 where there is none, before a trailing VALUES and past a trailing comment', () => {
    expect(boundedQuery('SELECT * WHERE { ?s ?p ?o } # done', 10)).toMatchObject({ imposed: true, text: 'SELECT * WHERE { ?s ?p ?o } # done\nLIMIT 11\n' });
    expect(boundedQuery('SELECT * WHERE { ?s ?p ?o } VALUES ?s { <urn:a> }', 10).text).toBe('SELECT * WHERE { ?s ?p ?o } \nLIMIT 11\nVALUES ?s { <urn:a> }');
  });

  it('lowers a larger LIMIT, keeps one within the cap, and leaves a subquery\'s LIMIT alone', () => {
    expect(boundedQuery('SELECT * { ?s ?p ?o } LIMIT 500 OFFSET 3', 10).text).toBe('SELECT * { ?s ?p ?o } LIMIT 11 OFFSET 3');
    expect(boundedQuery('SELECT * { ?s ?p ?o } LIMIT 10', 10)).toEqual({ text: 'SELECT * { ?s ?p ?o } LIMIT 10', imposed: false });
    expect(boundedQuery('SELECT * { { SELECT ?s { ?s ?p ?o } LIMIT 2 } }', 10).text).toBe('SELECT * { { SELECT ?s { ?s ?p ?o } LIMIT 2 } }\nLIMIT 11\n');
  });

  it('probes a CONSTRUCT and a DESCRIBE with a pattern by a SELECT over the same pattern; DESCRIBE <iri> is left alone', () => {
    expect(boundedQuery('CONSTRUCT { ?s a <urn:T> } WHERE { ?s ?p ?o }', 10).probe).toBe('SELECT (1 AS ?fedcat_solution) WHERE { ?s ?p ?o }\nLIMIT 12\n');
    expect(boundedQuery('CONSTRUCT WHERE { ?s ?p ?o }', 10).probe).toBe('SELECT (1 AS ?fedcat_solution) WHERE { ?s ?p ?o }\nLIMIT 12\n');
    expect(boundedQuery('DESCRIBE ?s WHERE { ?s ?p ?o }', 10).probe).toBe('SELECT (1 AS ?fedcat_solution) WHERE { ?s ?p ?o }\nLIMIT 12\n');
    expect(boundedQuery('DESCRIBE <urn:a>', 10)).toEqual({ text: 'DESCRIBE <urn:a>', imposed: false });
    expect(boundedQuery('ASK { ?s ?p ?o }', 10).imposed).toBe(false);
  });
});

describe('the answer format', () => {
  it('reads SPARQLWrapper\'s names by query form, and passes over names it cannot serve', () => {
    expect(answerFormat('graph', ['xml'], 'application/rdf+xml')).toBe('application/rdf+xml');
    expect(answerFormat('solutions', ['xml'], undefined)).toBe('application/sparql-results+xml');
    expect(answerFormat('solutions', ['tsv', 'text/tab-separated-values'], undefined)).toBe('text/tab-separated-values');
    expect(answerFormat('solutions', ['rdf'], 'text/csv')).toBe('text/csv');
    expect(answerFormat('graph', [], 'text/html')).toBeNull();
  });
});

describe("a client's share", () => {
  it('refuses a client over its running time until enough of it ages out, and only that client', () => {
    let now = 0;
    const budget = new ClientBudget({ maxInFlight: 2, budgetMs: 1000, windowMs: 60_000 }, () => now);
    budget.admit('a')(600);
    now = 10_000;
    budget.admit('a')(600);
    expect(() => budget.admit('a')).toThrow(expect.objectContaining({ statusCode: 429, retryAfterSeconds: 50 }));
    expect(() => budget.admit('b')).not.toThrow();
    now = 60_001;
    expect(() => budget.admit('a')).not.toThrow();
  });

  it('refuses more queries under way than allowed', () => {
    const budget = new ClientBudget({ maxInFlight: 1, budgetMs: 1000, windowMs: 60_000 });
    const release = budget.admit('a');
    expect(() => budget.admit('a')).toThrow(expect.objectContaining({ retryAfterSeconds: 1 }));
    release(0);
    expect(() => budget.admit('a')).not.toThrow();
  });
});
