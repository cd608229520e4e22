import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Parser } from 'n3';
import { backgroundKnowledge } from '@fedcat/vocab';
import { customProfile, groupResults, loadValidator, loadValidatorPool, profileById, reportText, reportTurtle } from '../src/index.js';

const PREFIXES = `@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>.
@prefix lang: <http://publications.europa.eu/resource/authority/language/>. @prefix sh: <http://www.w3.org/ns/shacl#>. @prefix ex: <https://ex.org/>.\n`;
const turtle = (s: string) => new Parser().parse(`${PREFIXES}${s}`);
const SAMPLES = new URL('../../../shared/reference/samples/', import.meta.url);
const dcatAp = profileById('dcat-ap-3.0.1')!;

describe('a validation profile', () => {
  it('accepts a dataset with a title and a description under DCAT-AP 3.0.1', async () => {
    const v = await loadValidator(dcatAp);
    const summary = await v.validate(turtle(`ex:d a dcat:Dataset; dct:title "Wegen"@nl; dct:description "Alle wegen"@nl.`));
    expect(summary.accepted).toBe(true);
    expect(summary.violations).toBe(0);
  });

  it('rejects a dataset without dct:title and names the path, in Dutch and English', async () => {
    const v = await loadValidator(dcatAp);
    const summary = await v.validate(turtle(`ex:d a dcat:Dataset; dct:description "Alle wegen"@nl.`));
    expect(summary.accepted).toBe(false);
    const title = summary.results.find((r) => r.path === 'http://purl.org/dc/terms/title')!;
    expect(title).toMatchObject({ severity: 'violation', shaclSeverity: 'violation', focusNode: 'https://ex.org/d', gating: true, file: 'dcat-ap-3.0.1/shapes.ttl' });
    expect(title.messages.nl).toMatch(/titel|title/);
    expect(title.messages.nl).not.toEqual(title.messages.en);
  });

  it('reports an advising file’s violations as warnings that do not reject the record', async () => {
    const v = await loadValidator(dcatAp);
    // A language that is not in the EU table: mdr-vocabularies says sh:Violation, the profile makes it advice.
    const summary = await v.validate(turtle(`ex:d a dcat:Dataset; dct:title "Wegen"@nl; dct:description "Alle wegen"@nl; dct:language <http://id.loc.gov/vocabulary/iso639-1/nl>.`));
    const language = summary.results.filter((r) => r.path === 'http://purl.org/dc/terms/language');
    expect(language.length).toBeGreaterThan(0);
    expect(language.some((r) => r.shaclSeverity === 'violation' && r.severity === 'warning' && !r.gating)).toBe(true);
    expect(summary.accepted).toBe(true);
  });

  it('knows the EU vocabularies: a typed-nowhere EU language passes the range check an unknown one fails', async () => {
    const v = await loadValidator(dcatAp);
    const eu = await v.validate(turtle(`ex:d a dcat:Dataset; dct:title "W"@nl; dct:description "W"@nl; dct:language lang:NLD.`));
    const other = await v.validate(turtle(`ex:d a dcat:Dataset; dct:title "W"@nl; dct:description "W"@nl; dct:language ex:dutch.`));
    const classFinding = (s: typeof eu) => s.results.filter((r) => r.path === 'http://purl.org/dc/terms/language' && r.constraint?.endsWith('ClassConstraintComponent'));
    expect(classFinding(eu)).toEqual([]);
    expect(classFinding(other)).toHaveLength(1);
  });

  it('never makes a vocabulary term a focus node, even when the data describes it', async () => {
    const v = await loadValidator();
    const summary = await v.validate(turtle(`lang:NLD a dct:LinguisticSystem, <http://www.w3.org/2004/02/skos/core#Concept>.`));
    expect(summary.results).toEqual([]);
  });

  it('gates on DCAT-AP-NL cardinalities by default', async () => {
    const v = await loadValidator();
    expect(v.profile.id).toBe('dcat-ap-nl-3.0');
    const summary = await v.validate(turtle(`ex:d a dcat:Dataset; dct:title "Wegen"@nl; dct:description "Alle wegen"@nl.`));
    expect(summary.accepted).toBe(false);
    expect(summary.results.filter((r) => r.gating).map((r) => r.file)).toContain('dcat-ap-nl-3.0.0/dcat-ap-nl-SHACL.ttl');
  });

  it('validates with the caller’s own shapes', async () => {
    const file = new URL('../../../shared/reference/shapes/dcat-ap-3.0.1/split/shapes.ttl', import.meta.url).pathname;
    const v = await loadValidator(customProfile([file]));
    const summary = await v.validate(turtle(`ex:d a dcat:Dataset.`));
    expect(summary.accepted).toBe(false);
    expect(summary.results.every((r) => r.file === file)).toBe(true);
  });
});

describe('the default profile on real samples', () => {
  it('passes the Geonovum DCAT-AP-NL example with 0 violations', async () => {
    const quads = new Parser({ baseIRI: 'https://samples.fedcat.test/' }).parse(await readFile(new URL('geonovum-dcat-ap-nl-example.ttl', SAMPLES), 'utf8'));
    const summary = await (await loadValidator()).validate(quads);
    expect(summary.violations).toBe(0);
    expect(summary.accepted).toBe(true);
  });
});

describe('the Bremen portal dump under the default profile', () => {
  it('yields its real defects as grouped findings: literal access URLs and language codes outside the EU table', async () => {
    const { RdfXmlParser } = await import('rdfxml-streaming-parser');
    const quads: import('@rdfjs/types').Quad[] = [];
    await new Promise<void>((resolve, reject) => {
      const parser = new RdfXmlParser({ baseIRI: 'https://samples.fedcat.test/bremen.rdf' });
      parser.on('data', (q) => quads.push(q)).on('error', reject).on('end', resolve);
      readFile(new URL('govdata-bremen-portal-dump.rdf', SAMPLES)).then((b) => parser.end(b), reject);
    });
    const summary = await (await loadValidator()).validate(quads);
    const report = groupResults(summary);
    const literalAccess = report.groups.find((g) => g.path === 'http://www.w3.org/ns/dcat#accessURL' && g.constraint?.endsWith('NodeKindConstraintComponent'));
    expect(literalAccess).toMatchObject({ severity: 'violation', gating: true, count: 237, example: { valueKind: 'literal' } });
    const language = report.groups.find((g) => g.path === 'http://purl.org/dc/terms/language' && g.constraint?.endsWith('ClassConstraintComponent'));
    expect(language?.example.value).toBe('http://publications.europa.eu/resource/authority/language/GER');
    // Terms that look like EU codes but are not in the tables are real defects (frequency/IRREGULAR: the code is IRREG).
    expect(summary.results.some((r) => r.value === 'http://publications.europa.eu/resource/authority/frequency/IRREGULAR')).toBe(true);
    // The noise is gone: no range finding is about a term of the EU tables, and no vocabulary term is a focus node.
    const EU = 'http://publications.europa.eu/resource/authority/';
    const known = new Set((await backgroundKnowledge()).map((q) => q.subject.value));
    const rangeOnEuTerms = summary.results.filter((r) => r.constraint?.endsWith('ClassConstraintComponent') && r.value !== null && known.has(r.value));
    expect(rangeOnEuTerms).toEqual([]);
    expect(summary.results.filter((r) => r.focusNode.startsWith(EU))).toEqual([]);
  });
});

describe('reports', () => {
  const data = turtle(`ex:a a dcat:Dataset; dct:description "A"@nl. ex:b a dcat:Dataset; dct:description "B"@nl.
    ex:c a dcat:Distribution; dcat:accessURL "https://ex.org/download".`);

  it('group results by shape and path with counts, resources, an example and both languages, violations first', async () => {
    const v = await loadValidator(dcatAp);
    const report = groupResults(await v.validate(data));
    const title = report.groups.find((g) => g.path === 'http://purl.org/dc/terms/title')!;
    expect(title).toMatchObject({ severity: 'violation', count: 2, resources: 2, gating: true });
    expect(['https://ex.org/a', 'https://ex.org/b']).toContain(title.example.focusNode);
    const access = report.groups.find((g) => g.path === 'http://www.w3.org/ns/dcat#accessURL' && g.severity === 'violation')!;
    expect(access.example).toMatchObject({ focusNode: 'https://ex.org/c', value: 'https://ex.org/download', valueKind: 'literal' });
    expect(report.groups[0]!.severity).toBe('violation');
    expect(report).toMatchObject({ conforms: false, resources: 3 });
    expect(report.violations).toBe(report.groups.filter((g) => g.severity === 'violation').reduce((n, g) => n + g.count, 0));
    expect(reportText(report, 'nl')).toMatch(/voldoet niet/);
  });

  it('list a finding two shapes make once, at its highest severity, naming the other shape', async () => {
    // DCAT-AP-NL requires a theme (violation); DCAT-AP recommends one (warning): one finding, a violation.
    const v = await loadValidator(profileById('dcat-ap-nl-3.0')!);
    const summary = await v.validate(turtle(`ex:d a dcat:Dataset; dct:title "Wegen"@nl; dct:description "Alle wegen"@nl.`));
    const raw = summary.results.filter((r) => r.path === 'http://www.w3.org/ns/dcat#theme' && r.focusNode === 'https://ex.org/d');
    expect(raw.map((r) => `${r.severity} ${r.file}`).sort()).toEqual(['violation dcat-ap-nl-3.0.0/dcat-ap-nl-SHACL.ttl', 'warning dcat-ap-3.0.1/shapes_recommended.ttl']);
    const report = groupResults(summary);
    const themes = report.groups.filter((g) => g.path === 'http://www.w3.org/ns/dcat#theme');
    expect(themes).toHaveLength(1);
    expect(themes[0]).toMatchObject({ severity: 'violation', count: 1, file: 'dcat-ap-nl-3.0.0/dcat-ap-nl-SHACL.ttl',
      alsoIn: [{ file: 'dcat-ap-3.0.1/shapes_recommended.ttl', severity: 'warning' }] });
    expect(report.warnings).toBe(report.groups.filter((g) => g.severity === 'warning').reduce((n, g) => n + g.count, 0));
    expect(report.warnings).toBeLessThan(summary.warnings);
    expect(reportText(report, 'en')).toMatch(/also reported by dcat-ap-3\.0\.1\/shapes_recommended\.ttl \(warning\)/);
  });

  it('say of a TOOI publisher that fedcat cannot check it against a list, keeping the severity DCAT-AP gives it', async () => {
    const v = await loadValidator(profileById('dcat-ap-nl-3.0')!);
    const tooi = 'https://identifier.overheid.nl/tooi/id/gemeente/gm0363';
    const summary = await v.validate(turtle(`@prefix foaf: <http://xmlns.com/foaf/0.1/>.
      ex:d a dcat:Dataset; dct:title "Wegen"@nl; dct:description "Alle wegen"@nl; dct:publisher <${tooi}>.
      <${tooi}> a foaf:Organization; foaf:name "Gemeente Amsterdam"@nl.
      ex:e a dcat:Dataset; dct:title "Bruggen"@nl; dct:description "Alle bruggen"@nl; dct:publisher ex:elsewhere.
      ex:elsewhere a foaf:Organization; foaf:name "Ergens"@nl.`));
    const publisher = (focus: string) => summary.results.find((r) => r.path === 'http://purl.org/dc/terms/publisher' && r.constraint === 'http://www.w3.org/ns/shacl#NodeConstraintComponent' && r.focusNode === focus)!;
    expect(publisher('https://ex.org/d')).toMatchObject({ severity: 'warning', shaclSeverity: 'warning', file: 'dcat-ap-3.0.1/mdr-vocabularies.shape.ttl', value: tooi });
    expect(publisher('https://ex.org/d').messages.en).toMatch(/looks like a TOOI organisation.*does not hold the TOOI lists/);
    expect(publisher('https://ex.org/d').messages.nl).toMatch(/TOOI-organisatie.*heeft de TOOI-lijsten niet/);
    // Any other publisher outside the EU list keeps the general message.
    expect(publisher('https://ex.org/e').messages.en).toMatch(/not from the expected controlled vocabulary/);
  });

  it('are also a standard sh:ValidationReport in Turtle, one result per finding', async () => {
    const v = await loadValidator(dcatAp);
    const summary = await v.validate(data);
    const quads = new Parser().parse(await reportTurtle(summary));
    const SH = 'http://www.w3.org/ns/shacl#';
    expect(quads.filter((q) => q.predicate.value === `${SH}result`)).toHaveLength(summary.results.length);
    expect(quads.find((q) => q.predicate.value === `${SH}conforms`)?.object.value).toBe('false');
    expect(quads.some((q) => q.predicate.value === `${SH}value` && q.object.termType === 'Literal' && q.object.value === 'https://ex.org/download')).toBe(true);
    expect(quads.filter((q) => q.predicate.value === `${SH}resultMessage`).map((q) => (q.object as { language: string }).language)).toContain('nl');
  });
});

describe('the SHACL engines', () => {
  it('give the same results when a node is checked through a nested shape more than once (shacl-engine memo mended)', async () => {
    const shapes = new URL('./fixtures/nested-node.ttl', import.meta.url).pathname;
    const data = turtle(`ex:x1 a ex:C; ex:p ex:y. ex:x2 a ex:C; ex:p ex:y. ex:x3 a ex:C; ex:p ex:y. ex:y ex:t ex:z.`);
    for (const engine of ['shacl-engine', 'rdf-validate-shacl'] as const) {
      const v = await loadValidator({ ...customProfile([shapes]), background: false }, { engine });
      const perFocus = (await v.validate(data)).results.map((r) => r.focusNode).sort();
      expect(perFocus, engine).toEqual(['https://ex.org/x1', 'https://ex.org/x1', 'https://ex.org/x2', 'https://ex.org/x2', 'https://ex.org/x3', 'https://ex.org/x3']);
    }
  });
});

describe('the class hierarchy as background knowledge', () => {
  it('takes a contact point typed vcard:Organization for a vcard:Kind and a foaf:Organization publisher for a foaf:Agent, in both engines', async () => {
    const data = turtle(`@prefix vcard: <http://www.w3.org/2006/vcard/ns#>. @prefix foaf: <http://xmlns.com/foaf/0.1/>.
      ex:d a dcat:Dataset; dct:title "Wegen"@nl; dct:description "Alle wegen"@nl; dcat:contactPoint ex:contact; dct:publisher ex:org.
      ex:contact a vcard:Organization; vcard:fn "Servicedesk"; vcard:hasEmail <mailto:servicedesk@ex.org>.
      ex:org a foaf:Organization; foaf:name "Gemeente Ex"@nl.
      ex:d2 a dcat:Dataset; dct:title "Bruggen"@nl; dct:description "Alle bruggen"@nl; dcat:contactPoint ex:untyped.`);
    for (const engine of ['shacl-engine', 'rdf-validate-shacl'] as const) {
      const v = await loadValidator(dcatAp, { engine });
      const classFindings = (await v.validate(data)).results.filter((r) => r.constraint === 'http://www.w3.org/ns/shacl#ClassConstraintComponent')
        .map((r) => `${r.focusNode} ${r.path}`).sort();
      // The untyped contact point is still reported: the hierarchy names classes, it does not type anything.
      expect(classFindings, engine).toEqual(['https://ex.org/d2 http://www.w3.org/ns/dcat#contactPoint']);
    }
  });
});

describe('loadValidatorPool', () => {
  it('gives the same summaries as the in-thread validator, from several workers at once', async () => {
    const single = await loadValidator(dcatAp);
    const pool = await loadValidatorPool(dcatAp, 2);
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
