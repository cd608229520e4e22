import { describe, expect, it } from 'vitest';
import { Parser } from 'n3';
import { loadValidator } from '../src/index.js';

const turtle = (s: string) => new Parser().parse(`@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>.\n${s}`);

describe('loadValidator (DCAT-AP 3.0.1 base)', () => {
  it('accepts a dataset with a title and a description', async () => {
    const v = await loadValidator();
    const summary = await v.validate(turtle(`<https://ex.org/d> a dcat:Dataset; dct:title "Wegen"@nl; dct:description "Alle wegen"@nl.`));
    expect(summary.accepted).toBe(true);
    expect(summary.violations).toBe(0);
  });

  it('rejects a dataset without dct:title and names the path', async () => {
    const v = await loadValidator();
    const summary = await v.validate(turtle(`<https://ex.org/d> a dcat:Dataset; dct:description "Alle wegen"@nl.`));
    expect(summary.accepted).toBe(false);
    expect(summary.results).toContainEqual(
      expect.objectContaining({ severity: 'violation', focusNode: 'https://ex.org/d', path: 'http://purl.org/dc/terms/title', gating: true }),
    );
  });
});
