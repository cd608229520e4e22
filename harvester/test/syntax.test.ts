import { describe, expect, it } from 'vitest';
import { detectSyntax } from '../src/index.js';

describe('detectSyntax', () => {
  it('believes an RDF media type that the body does not contradict', () => {
    expect(detectSyntax('text/turtle; charset=utf-8', 'https://x.nl/c', '@prefix a: <b>.')).toBe('turtle');
    expect(detectSyntax('application/ld+json', 'https://x.nl/c', '{"@id":"a"}')).toBe('json-ld');
  });
  it('sniffs RDF/XML served with a lying Turtle content type', () => {
    expect(detectSyntax('text/turtle', 'https://x.nl/c', '<?xml version="1.0"?><rdf:RDF/>')).toBe('rdf-xml');
  });
  it('falls back to the extension, then the body, for generic types', () => {
    expect(detectSyntax('application/octet-stream', 'https://x.nl/c.nt', '<a> <b> <c> .')).toBe('n-triples');
    expect(detectSyntax('text/plain', 'https://x.nl/catalog', '{"@graph": []}')).toBe('json-ld');
  });
});
