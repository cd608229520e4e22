import { describe, expect, it } from 'vitest';
import { AUTHORITY_TABLES, fileTypeCode, fileTypeIri, loadAuthorityTable, MACHINE_READABLE, NON_PROPRIETARY } from '../src/index.js';

describe('file format classes', () => {
  it('name only codes of the vendored EU file-type table', async () => {
    const table = AUTHORITY_TABLES.find((t) => t.name === 'file-type')!;
    const codes = new Set((await loadAuthorityTable(table)).map((q) => q.subject.value.replace(`${table.scheme}/`, '')));
    expect([...NON_PROPRIETARY, ...MACHINE_READABLE].filter((c) => !codes.has(c))).toEqual([]);
  });

  it('find the file-type code of a file-type IRI or a known IANA media type, and nothing else', () => {
    expect(fileTypeCode('http://publications.europa.eu/resource/authority/file-type/CSV')).toBe('CSV');
    expect(fileTypeCode('https://www.iana.org/assignments/media-types/text/csv')).toBe('CSV');
    expect(fileTypeCode('http://www.iana.org/assignments/media-types/application/vnd.shp')).toBe('SHP');
    expect(fileTypeCode('https://www.iana.org/assignments/media-types/application/x-unknown')).toBeNull();
    expect(fileTypeCode('https://example.org/csv')).toBeNull();
  });

  it('give the EU file-type IRI of a media type, so a format named both ways is one facet value', () => {
    const csv = 'http://publications.europa.eu/resource/authority/file-type/CSV';
    expect(fileTypeIri('https://www.iana.org/assignments/media-types/text/csv')).toBe(csv);
    expect(fileTypeIri('http://www.iana.org/assignments/media-types/text/CSV')).toBe(csv);
    expect(fileTypeIri(csv)).toBe(csv);
    expect(fileTypeIri('https://www.iana.org/assignments/media-types/application/x-unknown')).toBeNull();
  });

  it('count CSV open and machine-readable, Excel machine-readable but proprietary, PDF open but not machine-readable', () => {
    expect([NON_PROPRIETARY.has('CSV'), MACHINE_READABLE.has('CSV')]).toEqual([true, true]);
    expect([NON_PROPRIETARY.has('XLSX'), MACHINE_READABLE.has('XLSX')]).toEqual([false, true]);
    expect([NON_PROPRIETARY.has('PDF'), MACHINE_READABLE.has('PDF')]).toEqual([true, false]);
  });
});
