import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseRdf, SourceUnparsable, detectSyntax } from '../src/index.js';

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
