import { beforeAll, describe, expect, it, vi } from 'vitest';

type I18n = typeof import('../src/lib/i18n.js');
let i18n: I18n;

beforeAll(async () => {
  // The module reads the page's language once: a page without ?lang=, storage or lang attribute starts in Dutch.
  vi.stubGlobal('location', { search: '' });
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
  vi.stubGlobal('document', { documentElement: { lang: '' } });
  i18n = await import('../src/lib/i18n.js');
});

describe('counted words', () => {
  it('follow the language\'s plural rules: "1 fout", "2 fouten", "1 error", "0 errors"', () => {
    const { t, setLang } = i18n;
    expect(t('source.findingCounts', { violations: 1, warnings: 2 })).toBe('1 fout, 2 waarschuwingen');
    expect(t('report.times', { count: 1, resources: 1 })).toBe('1 keer bij 1 object');
    expect(t('org.allRecords', { n: 1 })).toBe('Het ene zoekresultaat');
    expect(t('org.allRecords', { n: '1.234' })).toBe('Alle 1.234 zoekresultaten');
    setLang('en');
    expect(t('source.findingCounts', { violations: 1, warnings: 0 })).toBe('1 error, 0 warnings');
    expect(t('sparql.rows', { n: 2 })).toBe('2 rows');
    setLang('nl');
  });

  it('say "Planning" for a harvest schedule, as the rest of the Dutch UI does', () => {
    expect(i18n.t('owner.schedule')).toBe('Planning');
  });
});
