import { describe, expect, it } from 'vitest';
import { canonicalLicence, conceptLabel, dcat, licenceShortName, shortLabel } from '../src/index.js';

describe('conceptLabel', () => {
  it('gives Dutch and English labels for EU data themes', () => {
    expect(conceptLabel('http://publications.europa.eu/resource/authority/data-theme/TRAN')).toEqual({ nl: 'Vervoer', en: 'Transport' });
  });
  it('labels licences and access rights from the vendored EU tables', () => {
    expect(conceptLabel('http://publications.europa.eu/resource/authority/licence/ODC_BL')).toEqual({
      nl: 'Open Data Commons Open Database License v1.0', en: 'Open Data Commons Open Database License v1.0' });
    expect(conceptLabel('http://publications.europa.eu/resource/authority/access-right/PUBLIC')).toEqual({ nl: 'openbaar', en: 'public' });
  });
  it('knows nothing of unknown concepts', () => {
    expect(conceptLabel('https://example.org/x')).toBeUndefined();
  });
});

describe('Creative Commons licences', () => {
  const EU = 'http://publications.europa.eu/resource/authority/licence/';
  it('go by their short names, under the EU IRI and the creativecommons.org one alike', () => {
    for (const iri of [`${EU}CC_BY`, `${EU}CC_BY_4_0`, 'http://creativecommons.org/licenses/by/4.0/']) {
      expect(conceptLabel(iri), iri).toEqual({ nl: 'CC BY 4.0', en: 'CC BY 4.0' });
    }
    expect(conceptLabel(`${EU}CC0`)).toEqual({ nl: 'CC0 1.0', en: 'CC0 1.0' });
    expect(conceptLabel('http://creativecommons.org/publicdomain/zero/1.0/')?.nl).toBe('CC0 1.0');
    expect(conceptLabel(`${EU}CC_BYNCSA_4_0`)?.en).toBe('CC BY-NC-SA 4.0');
    expect(licenceShortName('https://creativecommons.org/licenses/by-sa/4.0/legalcode.nl')).toBe('CC BY-SA 4.0');
  });
  it('are faceted under one IRI however the publisher writes them (the table\'s skos:exactMatch, http or https, legal code or deed)', () => {
    const one = canonicalLicence(`${EU}CC_BY_4_0`);
    for (const iri of [`${EU}CC_BY`, 'http://creativecommons.org/licenses/by/4.0/', 'https://creativecommons.org/licenses/by/4.0',
      'https://creativecommons.org/licenses/by/4.0/deed.nl', 'https://creativecommons.org/licenses/by/4.0/legalcode']) {
      expect(canonicalLicence(iri), iri).toBe(one);
    }
    expect(canonicalLicence('https://creativecommons.org/publicdomain/zero/1.0/')).toBe(`${EU}CC0`);
    expect(canonicalLicence('https://creativecommons.org/licenses/by/3.0/')).toBe(`${EU}CC_BY_3_0`);
    expect(canonicalLicence('https://creativecommons.org/licenses/by-sa/4.0/')).not.toBe(one);
    expect(canonicalLicence('https://dijkstad.nl/licentie')).toBe('https://dijkstad.nl/licentie');
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
