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

describe('loadValidatorPool', () => {
  it('gives the same summaries as the in-thread validator, from several workers at once', async () => {
    const { loadValidatorPool } = await import('../src/index.js');
    const single = await loadValidator();
    const pool = await loadValidatorPool(undefined, 2);
    try {
      expect(pool.parallelism).toBe(2);
      const graphs = Array.from({ length: 6 }, (_, i) => turtle(i % 2
        ? `<https://ex.org/d${i}> a dcat:Dataset; dct:description "zonder titel"@nl.`
        : `<https://ex.org/d${i}> a dcat:Dataset; dct:title "Wegen ${i}"@nl; dct:description "Alle wegen"@nl.`));
      const fromPool = await Promise.all(graphs.map((g) => pool.validate(g, { focus: new Set([g[0]!.subject.value]) })));
      const fromThread = await Promise.all(graphs.map((g) => single.validate(g, { focus: new Set([g[0]!.subject.value]) })));
      expect(fromPool).toEqual(fromThread);
      expect(fromPool.map((s) => s.accepted)).toEqual([true, false, true, false, true, false]);
    } finally {
      await pool.close?.();
    }
    await expect(pool.validate([])).rejects.toThrow(/closed/);
  });
});
