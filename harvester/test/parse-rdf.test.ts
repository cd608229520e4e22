import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Quad } from '@rdfjs/types';
import { ContextDirectoryError, loadJsonLdContexts, parseRdf, parseRdfStream, SourceLimitExceeded, SourceUnparsable, detectSyntax, type RdfSyntax } from '../src/index.js';

const SAMPLES = new URL('../../../shared/reference/samples/', import.meta.url);
const sample = (name: string) => readFile(new URL(name, SAMPLES), 'utf8');

describe('parseRdf', () => {
  it.each([
    ['geonovum-dcat-ap-nl-example.ttl', 'turtle'],
    ['ckanext-dcat-catalog-multi-dataset.rdf', 'rdf-xml'],
    ['ckanext-dcat-catalog-at-graph.jsonld', 'json-ld'],
  ] as const)('parses the real sample %s as %s', async (file, syntax) => {
    const body = await sample(file);
    expect(detectSyntax(null, `https://x.nl/${file}`, body)).toBe(syntax);
    const quads = await parseRdf(body, syntax, `https://x.nl/${file}`, 's');
    expect(quads.length).toBeGreaterThan(10);
  });

  it('reports the line of a Turtle syntax error', async () => {
    const body = await sample('invalid/piveau-hub-example-dataset-missing-dot.ttl');
    await expect(parseRdf(body, 'turtle', 'https://x.nl/', 's')).rejects.toThrow(/line \d+/);
    await expect(parseRdf(body, 'turtle', 'https://x.nl/', 's')).rejects.toBeInstanceOf(SourceUnparsable);
  });

  it('never fetches a remote JSON-LD context', async () => {
    const body = await sample('cz-mvcr-lkod-dataset-remote-context.jsonld');
    await expect(parseRdf(body, 'json-ld', 'https://x.nl/', 's')).rejects.toThrow(/remote context .* not in fedcat's bundled contexts/);
  });

  it('does not expand XML entities in RDF/XML', async () => {
    const body = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">
<rdf:Description rdf:about="https://x.nl/d"><dct:title>&x;</dct:title></rdf:Description></rdf:RDF>`;
    const result = await parseRdf(body, 'rdf-xml', 'https://x.nl/', 's').catch((e: Error) => e);
    if (result instanceof Error) expect(result).toBeInstanceOf(SourceUnparsable);
    else expect(result.map((q) => q.object.value).join('')).not.toContain('root:');
  });
});

/** Splits bytes into pieces of `size`, cutting multi-byte characters in two wherever they fall. */
function* pieces(bytes: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('parseRdfStream', () => {
  it('hands over the quads of the first chunk before the next one arrives', async () => {
    const seen: Quad[] = [];
    let seenBeforeSecond = -1;
    async function* body() {
      yield '<https://x.nl/a> <https://x.nl/p> "1" .\n<https://x.nl/b> <https://x.nl/p> "2" .\n';
      await new Promise((r) => setTimeout(r, 10));
      seenBeforeSecond = seen.length;
      yield '<https://x.nl/c> <https://x.nl/p> "3" .\n';
    }
    await parseRdfStream(body(), 'n-triples', 'https://x.nl/', 's', (q) => seen.push(q));
    expect(seenBeforeSecond).toBeGreaterThanOrEqual(1);
    expect(seen).toHaveLength(3);
  });

  it.each([
    ['geonovum-dcat-ap-nl-example.ttl', 'turtle'],
    ['ckanext-dcat-catalog-multi-dataset.rdf', 'rdf-xml'],
    ['ckanext-dcat-catalog-at-graph.jsonld', 'json-ld'],
  ] as const)('gives the same quads from %s in 7-byte pieces as from the whole text', async (file, syntax: RdfSyntax) => {
    const text = await sample(file);
    const whole = await parseRdf(text, syntax, 'https://x.nl/', 's');
    const streamed: Quad[] = [];
    await parseRdfStream(pieces(Buffer.from(text), 7), syntax, 'https://x.nl/', 's', (q) => streamed.push(q));
    const literals = (qs: Quad[]) => qs.filter((q) => q.object.termType === 'Literal').map((q) => q.object.value).sort();
    expect(streamed).toHaveLength(whole.length);
    expect(literals(streamed)).toEqual(literals(whole));
  });

  it('keeps accented text whole when a chunk ends inside a character', async () => {
    const text = '<https://x.nl/a> <http://purl.org/dc/terms/title> "Gemeentelijke ruimtelijke plannen – Zuid-Holland é ü" .\n';
    for (const syntax of ['n-triples', 'rdf-xml'] as const) {
      const body = syntax === 'n-triples' ? text : `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">
<rdf:Description rdf:about="https://x.nl/a"><dct:title>Gemeentelijke ruimtelijke plannen – Zuid-Holland é ü</dct:title></rdf:Description></rdf:RDF>`;
      const quads: Quad[] = [];
      await parseRdfStream(pieces(Buffer.from(body), 3), syntax, 'https://x.nl/', 's', (q) => quads.push(q));
      expect(quads.map((q) => q.object.value)).toEqual(['Gemeentelijke ruimtelijke plannen – Zuid-Holland é ü']);
    }
  });

  it('lets an error of the input (a byte cap) through unchanged and stops reading', async () => {
    let read = 0;
    async function* body() {
      yield '<https://x.nl/a> <https://x.nl/p> "1" .\n';
      read++;
      throw new SourceLimitExceeded('s', 'document exceeds 10 bytes (decoded)');
    }
    await expect(parseRdfStream(body(), 'n-triples', 'https://x.nl/', 's', () => undefined)).rejects.toBeInstanceOf(SourceLimitExceeded);
    expect(read).toBe(1);
  });

  it('stops at the first syntax error with its line, not at the end of the input', async () => {
    let chunks = 0;
    function* body() {
      yield '<https://x.nl/a> <https://x.nl/p> "1" .\n<https://x.nl/b> <https://x.nl/p> oops .\n';
      for (let i = 0; i < 1000; i++) { chunks++; yield '<https://x.nl/c> <https://x.nl/p> "3" .\n'; }
    }
    const err = await parseRdfStream(body(), 'n-triples', 'https://x.nl/', 's', () => undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceUnparsable);
    expect(String(err)).toMatch(/line 2/);
    expect(chunks).toBeLessThan(1000);
  });
});

describe('known JSON-LD contexts', () => {
  const CZ = 'https://ofn.gov.cz/rozhraní-katalogů-otevřených-dat/2021-01-11/kontexty/rozhraní-katalogů-otevřených-dat.jsonld';
  // A test fixture standing in for the published context: enough terms to read the sample's title and keywords.
  const fixture = { '@context': {
    iri: '@id', typ: '@type', 'Datová sada': 'http://www.w3.org/ns/dcat#Dataset',
    název: { '@id': 'http://purl.org/dc/terms/title', '@container': '@language' },
    klíčové_slovo: { '@id': 'http://www.w3.org/ns/dcat#keyword', '@container': '@language' },
  } };

  it('reads a document that names a context by URL from the operator\'s directory, fetching nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fedcat-contexts-'));
    try {
      await writeFile(join(dir, 'cz.jsonld'), JSON.stringify(fixture));
      await writeFile(join(dir, 'index.json'), JSON.stringify({ contexts: [{ url: CZ, file: 'cz.jsonld', source: 'test fixture', licence: 'n/a' }] }));
      const contexts = loadJsonLdContexts(dir);
      const quads = await parseRdf(await sample('cz-mvcr-lkod-dataset-remote-context.jsonld'), 'json-ld', 'https://x.nl/', 's', contexts);
      const titles = quads.filter((q) => q.predicate.value === 'http://purl.org/dc/terms/title').map((q) => q.object.value);
      expect(titles).toContain('Czech National Open Data Catalog');
      expect(quads.some((q) => q.object.value === 'http://www.w3.org/ns/dcat#Dataset')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a context directory whose index points outside it, naming the index', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fedcat-contexts-'));
    try {
      await writeFile(join(dir, 'index.json'), JSON.stringify({ contexts: [{ url: CZ, file: '../etc/passwd' }] }));
      expect(() => loadJsonLdContexts(dir)).toThrow(ContextDirectoryError);
      expect(() => loadJsonLdContexts(dir)).toThrow(/index\.json/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
