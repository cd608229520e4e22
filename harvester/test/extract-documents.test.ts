import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../src/index.js';
import { recordId } from '@fedcat/catalogue';

const quads = new Parser().parse(`
@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>. @prefix foaf: <http://xmlns.com/foaf/0.1/>.
<https://x.nl/d> a dcat:Dataset; dct:title "Roads"@en, "Wegen"@nl; dct:description "Alle wegen"@nl;
  dcat:keyword "wegen"@nl, "roads"@en; dct:publisher <https://x.nl/org>; dcat:theme <https://t/TRAN>;
  dct:modified "2026-01-02"; dcat:distribution [ dct:format <https://f/CSV>; dct:license <https://l/cc0> ].
<https://x.nl/org> foaf:name "Gemeente X"@nl.
<https://x.nl/api> a dcat:DataService; dct:title "Wegen-API"; dcat:endpointURL <https://api.x.nl/v1>.`);

describe('extractDocuments', () => {
  const docs = extractDocuments(quads, 'src', '2026-11-22T00:00:00Z');
  it('makes one document per dataset and data service', () => {
    expect(docs.map((d) => d.type).sort()).toEqual(['DataService', 'Dataset']);
  });
  it('prefers Dutch text and collects facet IRIs from distributions', () => {
    const d = docs.find((x) => x.type === 'Dataset')!;
    expect(d).toMatchObject({ id: recordId('https://x.nl/d'), title: 'Wegen', keywords: ['wegen'], publisherName: 'Gemeente X',
      themes: ['https://t/TRAN'], formats: ['https://f/CSV'], licenses: ['https://l/cc0'], modified: '2026-01-02' });
  });
  it('keeps endpoint URLs of data services', () => {
    expect(docs.find((x) => x.type === 'DataService')!.endpointUrls).toEqual(['https://api.x.nl/v1']);
  });
  it('names a licence document the publisher describes by its title, and leaves licences of the EU table to the table', () => {
    const [d] = extractDocuments(new Parser().parse(`
      @prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>.
      <https://x.nl/d> a dcat:Dataset; dct:title "Wegen";
        dct:license <https://x.nl/licentie>, <http://publications.europa.eu/resource/authority/licence/CC0>.
      <https://x.nl/licentie> a dct:LicenseDocument; dct:title "Open licence of X"@en, "Open licentie van X"@nl.
      <http://publications.europa.eu/resource/authority/licence/CC0> dct:title "Our own CC0 title"@nl.`), 'src', '2026-11-22T00:00:00Z');
    expect(d!.valueLabels).toEqual({ 'https://x.nl/licentie': 'Open licentie van X' });
    expect(docs.find((x) => x.type === 'Dataset')!.valueLabels).toBeUndefined();
  });
});
