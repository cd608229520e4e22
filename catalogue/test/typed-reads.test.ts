import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { booleanOf, quadsOf, rowsOf } from '../src/index.js';

const answer = (body: unknown, form: 'SELECT' | 'ASK' | 'CONSTRUCT' = 'SELECT') =>
  ({ form, mediaType: 'application/sparql-results+json', body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('rowsOf', () => {
  it('turns SPARQL results JSON into RDF/JS terms, leaving unbound variables out', () => {
    const rows = rowsOf(answer({
      head: { vars: ['s', 't', 'n', 'b', 'x'] },
      results: { bindings: [{
        s: { type: 'uri', value: 'https://x/1' }, t: { type: 'literal', value: 'één', 'xml:lang': 'nl' },
        n: { type: 'typed-literal', value: '3', datatype: 'http://www.w3.org/2001/XMLSchema#integer' }, b: { type: 'bnode', value: 'b0' },
      }] },
    }));
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.s?.equals(DataFactory.namedNode('https://x/1'))).toBe(true);
    expect(row?.t?.equals(DataFactory.literal('één', 'nl'))).toBe(true);
    expect(row?.n?.equals(DataFactory.literal('3', DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#integer')))).toBe(true);
    expect(row?.b?.termType).toBe('BlankNode');
    expect(Object.keys(row ?? {})).toEqual(['s', 't', 'n', 'b']);
  });
});

describe('booleanOf', () => {
  it('reads the boolean of an ASK answer', () => {
    expect(booleanOf(answer({ head: {}, boolean: true }, 'ASK'))).toBe(true);
    expect(booleanOf(answer({ head: {}, boolean: false }, 'ASK'))).toBe(false);
  });
});

describe('quadsOf', () => {
  it('parses an N-Triples answer into quads', () => {
    const quads = quadsOf(answer('<https://x/1> <https://x/p> "a\\"b" .\n', 'CONSTRUCT'));
    expect(quads.map((q) => q.object.value)).toEqual(['a"b']);
  });
});
