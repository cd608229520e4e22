import { describe, expect, it } from 'vitest';
import { formatSolutions, type SolutionsJson } from '../src/store/solutions-format.js';

const json: SolutionsJson = {
  head: { vars: ['s', 'label', 'n'] },
  results: { bindings: [
    { s: { type: 'uri', value: 'https://x.nl/a?b=1&c=2' }, label: { type: 'literal', value: 'Water, "wegen"\n<b>', 'xml:lang': 'nl' }, n: { type: 'literal', value: '3', datatype: 'http://www.w3.org/2001/XMLSchema#integer' } },
    { s: { type: 'bnode', value: 'b0' } },
  ] },
};

describe('SELECT solutions written in the SPARQL results formats', () => {
  it('writes XML with every variable in the head, escaped values, language and datatype', () => {
    const xml = formatSolutions(json, 'application/sparql-results+xml');
    expect(xml).toContain('<variable name="s"/><variable name="label"/><variable name="n"/>');
    expect(xml).toContain('<binding name="s"><uri>https://x.nl/a?b=1&amp;c=2</uri></binding>');
    expect(xml).toContain('<literal xml:lang="nl">Water, &quot;wegen&quot;\n&lt;b&gt;</literal>');
    expect(xml).toContain('<literal datatype="http://www.w3.org/2001/XMLSchema#integer">3</literal>');
    expect(xml).toContain('<binding name="s"><bnode>b0</bnode></binding>');
  });

  it('writes CSV with plain values, quoted where needed, CRLF lines and empty cells for unbound variables', () => {
    expect(formatSolutions(json, 'text/csv')).toBe('s,label,n\r\nhttps://x.nl/a?b=1&c=2,"Water, ""wegen""\n<b>",3\r\n_:b0,,\r\n');
  });

  it('writes TSV with terms in Turtle syntax and escaped control characters', () => {
    expect(formatSolutions(json, 'text/tab-separated-values'))
      .toBe('?s\t?label\t?n\n<https://x.nl/a?b=1&c=2>\t"Water, \\"wegen\\"\\n<b>"@nl\t"3"^^<http://www.w3.org/2001/XMLSchema#integer>\n_:b0\t\t\n');
  });

  it('writes JSON as given', () => {
    expect(JSON.parse(formatSolutions(json, 'application/sparql-results+json'))).toEqual(json);
  });
});
