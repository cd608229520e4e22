import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/load-config.js';
import { negotiate } from '../src/http/negotiation.js';
import { classifySparql, declaresDataset, usesService } from '../src/store/query-form.js';
import { sparqlTerm } from '@fedcat/catalogue';

describe('negotiate', () => {
  const offers = ['application/sparql-results+json', 'text/csv'];
  it('takes the first offer without Accept', () => expect(negotiate(undefined, offers)).toBe(offers[0]));
  it('honours q-values', () => expect(negotiate('application/sparql-results+json;q=0.5, text/csv', offers)).toBe('text/csv'));
  it('prefers a specific range over a wildcard', () => expect(negotiate('*/*;q=0.9, text/csv;q=0.9', offers)).toBe('text/csv'));
  it('returns null when nothing is acceptable', () => expect(negotiate('image/png', offers)).toBeNull());
});

describe('classifySparql', () => {
  it('finds the query form after prefixes and comments', () => {
    expect(classifySparql('# c\nPREFIX dct: <http://purl.org/dc/terms/>\nBASE <http://x/>\nconstruct { ?s ?p ?o } WHERE { ?s ?p ?o }')).toEqual({ kind: 'query', form: 'CONSTRUCT' });
  });
  it('recognises updates', () => {
    expect(classifySparql('PREFIX : <http://x/> INSERT DATA { :a :b :c }')).toEqual({ kind: 'update' });
    expect(classifySparql('DROP ALL')).toEqual({ kind: 'update' });
  });
});

describe('sparqlTerm', () => {
  it('escapes literals so a value cannot end the string', () => {
    expect(sparqlTerm(DataFactory.literal('a" } ; DROP ALL ; #'))).toBe('"a\\" } ; DROP ALL ; #"');
  });
  it('refuses an IRI that would close the IRI brackets', () => {
    expect(() => sparqlTerm(DataFactory.namedNode('http://x/> } DROP ALL <'))).toThrow(TypeError);
  });
  it('writes language tags and datatypes', () => {
    expect(sparqlTerm(DataFactory.literal('x', 'nl'))).toBe('"x"@nl');
    expect(sparqlTerm(DataFactory.literal('1', DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#integer')))).toBe('"1"^^<http://www.w3.org/2001/XMLSchema#integer>');
  });
});

describe('loadConfig', () => {
  it('takes the base URL from the address served unless FEDCAT_BASE_URL sets it', () => {
    expect(loadConfig({})).toMatchObject({ baseUrl: 'http://localhost:8080', baseUrlFrom: 'served' });
    expect(loadConfig({ FEDCAT_PORT: '20080' }).baseUrl).toBe('http://localhost:20080');
    expect(loadConfig({ FEDCAT_PORT: '20080' }, { port: '9000' }).baseUrl).toBe('http://localhost:9000');
    expect(loadConfig({ FEDCAT_HOST: '0.0.0.0', FEDCAT_PORT: '20080' }).baseUrl).toBe('http://localhost:20080');
    expect(loadConfig({ FEDCAT_HOST: 'cat.example.nl' }).baseUrl).toBe('http://cat.example.nl:8080');
    expect(loadConfig({ FEDCAT_HOST: 'fd00::7' }).baseUrl).toBe('http://[fd00::7]:8080');
    expect(loadConfig({ FEDCAT_PORT: '20080', FEDCAT_BASE_URL: 'https://data.example.nl/' })).toMatchObject({ baseUrl: 'https://data.example.nl', baseUrlFrom: 'set' });
    expect(loadConfig({ FEDCAT_BASE_URL: ' ' }).baseUrlFrom).toBe('served');
    expect(() => loadConfig({ FEDCAT_BASE_URL: 'ftp://x' })).toThrow(/FEDCAT_BASE_URL must be an http\(s\) URL/);
  });
  it('checks links by default within bounds, and not at all when FEDCAT_LINK_CHECK is false', () => {
    expect(loadConfig({}).linkCheck).toEqual({ maxChecks: 500, timeoutMs: 10_000, maxAgeMs: 7 * 24 * 3600_000 });
    expect(loadConfig({ FEDCAT_LINK_CHECK: 'false' }).linkCheck).toBeNull();
    expect(loadConfig({ FEDCAT_LINK_CHECK_MAX: '50', FEDCAT_LINK_CHECK_MAX_AGE_HOURS: '1' }).linkCheck).toMatchObject({ maxChecks: 50, maxAgeMs: 3600_000 });
    expect(() => loadConfig({ FEDCAT_LINK_CHECK: 'sometimes' })).toThrow(/FEDCAT_LINK_CHECK must be true or false/);
  });

  it('lets a harvest grow its heap 30% past live data unless told otherwise', () => {
    expect(loadConfig({}).harvestHeapGrowth).toBe(30);
    expect(loadConfig({ FEDCAT_HARVEST_HEAP_GROWTH: '80' }).harvestHeapGrowth).toBe(80);
  });
  it('refuses a heap growth that would make every allocation collect, naming the variable', () => {
    expect(() => loadConfig({ FEDCAT_HARVEST_HEAP_GROWTH: '5' })).toThrow(ConfigError);
    expect(() => loadConfig({ FEDCAT_HARVEST_HEAP_GROWTH: '5' })).toThrow(/FEDCAT_HARVEST_HEAP_GROWTH/);
  });
});

describe('the harvest policy loadConfig resolves', () => {
  it('refuses no JSON-LD context by URL unless a context directory is configured', () => {
    expect(loadConfig({}).fetchPolicy.jsonLdContexts).toBeUndefined();
  });
  it('reports an unusable context directory as a configuration error naming the variable', () => {
    expect(() => loadConfig({ FEDCAT_JSONLD_CONTEXTS: '/nonexistent/fedcat-contexts' })).toThrow(ConfigError);
    expect(() => loadConfig({ FEDCAT_JSONLD_CONTEXTS: '/nonexistent/fedcat-contexts' })).toThrow(/FEDCAT_JSONLD_CONTEXTS: cannot read .*index\.json/);
  });
});

describe('declaresDataset and usesService', () => {
  it('see FROM and SERVICE as keywords only', () => {
    expect(declaresDataset('SELECT * FROM <urn:g> { ?s ?p ?o }')).toBe(true);
    expect(declaresDataset('select * from named <urn:g> { ?s ?p ?o }')).toBe(true);
    expect(declaresDataset('SELECT ?from { ?s ?p ?from } # FROM <urn:g>')).toBe(false);
    expect(declaresDataset('SELECT * { ?s ?p "FROM" ; <urn:FROM> ?o }')).toBe(false);
    expect(usesService('SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }')).toBe(true);
    expect(usesService('SELECT * { ?service ?p "SERVICE" }')).toBe(false);
  });
  it('never take a prefixed name for a keyword (DCAT has dcat:service)', () => {
    expect(usesService('PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT * { ?c dcat:service ?s }')).toBe(false);
    expect(usesService('SELECT * { ?c :service ?s }')).toBe(false);
    expect(declaresDataset('SELECT * { ?s ex:from ?o }')).toBe(false);
  });
});
