import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import {
  accessUrlFromDownload, applyStages, dates, defaultStages, languageCodes, legacyNamespaces, literalUrls, mediaTypes, plainText, textCleanup,
  type Normalisation, type Stage,
} from '../src/index.js';

const ttl = (s: string) => new Parser().parse(`@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>.
@prefix xsd: <http://www.w3.org/2001/XMLSchema#>. ${s}`);
const run = (stage: Stage, quads: Quad[]) => {
  const notes: Normalisation[] = [];
  return { quads: stage(quads, { note: (n) => notes.push(n) }), notes };
};
const objects = (quads: Quad[], p: string) => quads.filter((q) => q.predicate.value.endsWith(p)).map((q) => q.object);

describe('legacyNamespaces', () => {
  it('rewrites the vCard namespace without ns# and https schema.org in predicates and classes', () => {
    const { quads } = run(legacyNamespaces, new Parser().parse('<a:x> <http://www.w3.org/2006/vcard/fn> "n"; a <https://schema.org/Thing>.'));
    expect(quads.map((q) => q.predicate.value)).toContain('http://www.w3.org/2006/vcard/ns#fn');
    expect(quads.map((q) => q.object.value)).toContain('http://schema.org/Thing');
  });
});

describe('literalUrls', () => {
  it('turns a literal access URL into an IRI and reports the original', () => {
    const { quads, notes } = run(literalUrls, ttl('<a:d> dcat:accessURL " https://x.nl/data.csv ".'));
    expect(objects(quads, 'accessURL')[0]).toMatchObject({ termType: 'NamedNode', value: 'https://x.nl/data.csv' });
    expect(notes[0]).toMatchObject({ stage: 'literalUrls', original: '" https://x.nl/data.csv "^^<http://www.w3.org/2001/XMLSchema#string>' });
  });
  it('leaves literals that are not http(s) URLs alone', () => {
    expect(run(literalUrls, ttl('<a:d> dcat:accessURL "see website".')).notes).toEqual([]);
  });
});

describe('accessUrlFromDownload', () => {
  it('adds the download URL as access URL when a distribution has none', () => {
    const { quads } = run(accessUrlFromDownload, ttl('<a:d> dcat:downloadURL <https://x.nl/f.csv>.'));
    expect(objects(quads, 'accessURL').map((o) => o.value)).toEqual(['https://x.nl/f.csv']);
  });
  it('keeps an existing access URL', () => {
    expect(run(accessUrlFromDownload, ttl('<a:d> dcat:downloadURL <https://x.nl/f>; dcat:accessURL <https://x.nl/>.')).notes).toEqual([]);
  });
});

describe('mediaTypes', () => {
  it('maps literal media types to IANA IRIs and literal formats to EU file types', () => {
    const { quads } = run(mediaTypes, ttl('<a:d> dcat:mediaType "text/csv"; dct:format "CSV".'));
    expect(objects(quads, 'mediaType')[0]!.value).toBe('https://www.iana.org/assignments/media-types/text/csv');
    expect(objects(quads, 'format')[0]!.value).toBe('http://publications.europa.eu/resource/authority/file-type/CSV');
  });
});

describe('languageCodes', () => {
  it.each([['nl', 'NLD'], ['en-GB', 'ENG'], ['DEU', 'DEU']])('maps the language literal %s to the EU authority %s', (code, eu) => {
    const { quads } = run(languageCodes, ttl(`<a:d> dct:language "${code}".`));
    expect(objects(quads, 'language')[0]!.value).toBe(`http://publications.europa.eu/resource/authority/language/${eu}`);
  });
});

describe('dates', () => {
  it.each([
    ['"2025-08-14T02:00:00"^^xsd:datetime', '2025-08-14T02:00:00', 'dateTime'],
    ['"2024-01-02"', '2024-01-02', 'date'],
    ['"2024-01-02 10:30"', '2024-01-02T10:30:00', 'dateTime'],
  ])('types %s as %s (xsd:%s)', (lit, value, type) => {
    const o = objects(run(dates, ttl(`<a:d> dct:modified ${lit}.`)).quads, 'modified')[0]!;
    expect(o.value).toBe(value);
    expect((o as { datatype: { value: string } }).datatype.value).toBe(`http://www.w3.org/2001/XMLSchema#${type}`);
  });
  it('leaves values that are not dates for validation to report', () => {
    expect(run(dates, ttl('<a:d> dct:modified "last week".')).notes).toEqual([]);
  });
});

describe('textCleanup', () => {
  it('strips HTML and collapses whitespace, keeping paragraphs', () => {
    expect(plainText('<p>Water   &amp; <b>dijken</b></p><p>Tweede\n      regel</p>')).toBe('Water & dijken\nTweede\nregel');
  });
  it('keeps the language of the literal', () => {
    const o = objects(run(textCleanup, ttl('<a:d> dct:title "  Wegen <br/> "@nl.')).quads, 'title')[0]!;
    expect(o).toMatchObject({ value: 'Wegen', language: 'nl' });
  });
});

describe('defaultStages', () => {
  it('are idempotent: a second pass changes nothing and reports nothing', () => {
    const input = ttl(`<a:d> dcat:accessURL "https://x.nl/a"; dct:language "nl"; dct:modified "2024-01-02"; dcat:mediaType "text/csv";
      dct:format "CSV"; dct:title " <i>t</i> "@nl; dcat:downloadURL <https://x.nl/f>.`);
    const notes: Normalisation[] = [];
    const once = applyStages(input, defaultStages, { note: () => {} });
    const twice = applyStages(once, defaultStages, { note: (n) => notes.push(n) });
    expect(twice.length).toBe(once.length);
    expect(twice.every((q, i) => q.equals(once[i]!))).toBe(true);
    expect(notes).toEqual([]);
  });
});
