import { describe, expect, it } from 'vitest';
import { conceptLabel, dcat, shortLabel } from '../src/index.js';

describe('conceptLabel', () => {
  it('gives Dutch and English labels for EU data themes', () => {
    expect(conceptLabel('http://publications.europa.eu/resource/authority/data-theme/TRAN')).toEqual({ nl: 'Vervoer', en: 'Transport' });
  });
  it('labels licences and access rights from the vendored EU tables', () => {
    expect(conceptLabel('http://publications.europa.eu/resource/authority/licence/CC_BY')).toEqual({
      nl: 'Creative Commons Naamsvermelding 4.0 Internationaal', en: 'Creative Commons Attribution 4.0 International' });
    expect(conceptLabel('http://publications.europa.eu/resource/authority/access-right/PUBLIC')).toEqual({ nl: 'openbaar', en: 'public' });
  });
  it('knows nothing of unknown concepts', () => {
    expect(conceptLabel('https://example.org/x')).toBeUndefined();
  });
});

describe('shortLabel', () => {
  it('takes the last segment of file-type IRIs', () => {
    expect(shortLabel('http://publications.europa.eu/resource/authority/file-type/CSV')).toBe('CSV');
  });
});

describe('dcat', () => {
  it('mints full IRIs for its closed set of terms', () => {
    expect(dcat.Dataset.value).toBe('http://www.w3.org/ns/dcat#Dataset');
  });
});
