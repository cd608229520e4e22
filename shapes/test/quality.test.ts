import { DataFactory } from 'n3';
import { readFile } from 'node:fs/promises';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { loadValidator, profileById } from '../src/index.js';
import { aggregateDqv, aggregateFromRows, assessDatasets, complianceOf, DIMENSIONS, explainIndicator, MAX_SCORE, measurementsFromDescription, METRICS, metricIri, qualityText, qualityVocabularies, rating, recordDqv, scoreRecord, unmappedValues, type RecordQuality, type StoredMeasurement } from '../src/quality/index.js';

const SAMPLES = new URL('../../../shared/reference/samples/', import.meta.url);
const QUALITY = new URL('../../../shared/reference/quality/', import.meta.url);
const turtleFile = async (url: URL, base = 'https://samples.fedcat.test/') => new Parser({ baseIRI: base }).parse(await readFile(url, 'utf8'));
async function rdfXmlFile(url: URL, base: string): Promise<Quad[]> {
  const { RdfXmlParser } = await import('rdfxml-streaming-parser');
  const quads: Quad[] = [];
  await new Promise<void>((resolve, reject) => {
    const parser = new RdfXmlParser({ baseIRI: base });
    parser.on('data', (q: Quad) => quads.push(q)).on('error', reject).on('end', resolve);
    readFile(url).then((b) => parser.end(b), reject);
  });
  return quads;
}
const pointsOf = (q: RecordQuality) => Object.fromEntries(q.indicators.map((i) => [i.metric.id, i.points]));

/** Scores a sample as a harvest would: links unchecked (no network in tests), compliance from the harvest profile. */
async function assessSample(quads: Quad[]) {
  const summary = await (await loadValidator(profileById('dcat-ap-3.0.1')!)).validate(quads);
  return assessDatasets(quads, { vocabularies: await qualityVocabularies(), links: () => undefined, compliant: complianceOf(quads, summary) });
}

describe('the MQA indicators', () => {
  it('carry the weights of the EU metadata quality assessment: 405 points over five dimensions', async () => {
    expect(MAX_SCORE).toBe(405);
    const byDimension = Object.fromEntries(DIMENSIONS.map((d) => [d, METRICS.filter((m) => m.dimension === d).reduce((s, m) => s + m.weight, 0)]));
    expect(byDimension).toEqual({ findability: 100, accessibility: 100, interoperability: 110, reusability: 75, contextuality: 20 });
    // The reference copies: piveau's vocabulary (data.europa.eu) and data.norge.no's default score values.
    const piveau = await turtleFile(new URL('piveau-dqv-vocabulary.ttl', QUALITY));
    const trueScore = (quads: Quad[], predicate: string) => new Map(quads.filter((q) => q.predicate.value === predicate)
      .map((q) => [q.subject.value.replace(/^.*[#/]/, ''), Number(q.object.value)]));
    const reference = trueScore(piveau, 'https://piveau.eu/ns/voc#trueScore');
    expect(new Map(METRICS.map((m) => [m.id, m.weight]))).toEqual(reference);
    const norway = trueScore(await turtleFile(new URL('dcatno-mqa-default-score-values.ttl', QUALITY)), 'https://data.norge.no/vocabulary/dcatno-mqa#trueScore');
    // data.norge.no spells two metrics the American way and adds two of its own (formatMatch, syntaxValid).
    const renamed = new Map([['licenseAvailability', 'licenceAvailability'], ['knownLicense', 'knownLicence']]);
    const shared = [...norway].filter(([id]) => id !== 'formatMatch' && id !== 'syntaxValid').map(([id, w]) => [renamed.get(id) ?? id, w] as const);
    expect(new Map(shared)).toEqual(reference);
    for (const m of METRICS) expect(metricIri(m)).toBe(`https://piveau.eu/ns/voc#${m.id}`);
  });

  it('rate scores in data.europa.eu’s bands: bad to 120, sufficient to 220, good to 350, excellent above', () => {
    expect([0, 120, 121, 220, 221, 350, 351, 405].map(rating))
      .toEqual(['bad', 'bad', 'sufficient', 'sufficient', 'good', 'good', 'excellent', 'excellent']);
  });
});

describe('scoring one record', () => {
  it('gives the points computed by hand, the best distribution counting for the dataset', async () => {
    const quads = await turtleFile(new URL('fixtures/quality-record.ttl', import.meta.url));
    const links = new Map([
      ['https://files.example.nl/wegen', { status: 200 }], ['https://files.example.nl/wegen.csv', { status: 404 }],
      ['https://files.example.nl/wegen-rapport', { status: 0, reason: 'no answer within 10000 ms' }],
    ]);
    const { records } = assessDatasets(quads, { vocabularies: await qualityVocabularies(), links: (u) => links.get(u), compliant: () => false });
    const q = records[0]!.quality;
    // The CSV distribution: access 50 + download given 20 + download 404 0 + format 20 + media type 10 + both from the
    // vocabularies 10 + open 20 + machine-readable 20 + licence 20 + EU licence 10 + size 5 + issued 5 = 190.
    // The PDF one: access timed out 0 + format 20 + vocabulary 10 + open 20 + licence 20 + rights 5 + modified 5 = 80.
    expect(q.distributions).toEqual([{ iri: 'https://data.example.nl/wegen-csv', score: 190 }, { iri: 'https://data.example.nl/wegen-pdf', score: 80 }]);
    expect(q.bestDistribution).toBe('https://data.example.nl/wegen-csv');
    expect(pointsOf(q)).toEqual({
      keywordAvailability: 30, categoryAvailability: 30, spatialAvailability: 0, temporalAvailability: 20,
      accessUrlStatusCode: 50, downloadUrlAvailability: 20, downloadUrlStatusCode: 0,
      formatAvailability: 20, mediaTypeAvailability: 10, formatMediaTypeVocabularyAlignment: 10, formatMediaTypeNonProprietary: 20,
      formatMediaTypeMachineInterpretable: 20, dcatApCompliance: 0,
      licenceAvailability: 20, knownLicence: 10, accessRightsAvailability: 10, accessRightsVocabularyAlignment: 0,
      contactPointAvailability: 0, publisherAvailability: 10,
      rightsAvailability: 0, byteSizeAvailability: 5, dateIssuedAvailability: 5, dateModifiedAvailability: 0,
    });
    expect(q.dimensions.map((d) => [d.dimension, d.score])).toEqual([
      ['findability', 80], ['accessibility', 70], ['interoperability', 80], ['reusability', 50], ['contextuality', 10]]);
    expect(q).toMatchObject({ score: 290, max: 405, rating: 'good' });
  });

  it('explains every indicator in Dutch and English, with the evidence', async () => {
    const quads = await turtleFile(new URL('fixtures/quality-record.ttl', import.meta.url));
    const { records } = assessDatasets(quads, { vocabularies: await qualityVocabularies(), links: (u) => (u.endsWith('.csv') ? { status: 404 } : undefined) });
    const q = records[0]!.quality;
    const explain = (id: string, lang: 'nl' | 'en') => explainIndicator(q.indicators.find((i) => i.metric.id === id)!, lang, q);
    expect(explain('downloadUrlStatusCode', 'en')).toBe('not met (HTTP 404 <https://files.example.nl/wegen.csv>)');
    expect(explain('accessUrlStatusCode', 'nl')).toBe('niet gemeten: de link is (nog) niet gecontroleerd');
    expect(explain('dcatApCompliance', 'en')).toBe('not measured: the record was not validated');
    expect(explain('accessRightsVocabularyAlignment', 'nl')).toBe('niet voldaan (<https://data.example.nl/toegang/open>)');
    expect(explain('keywordAvailability', 'en')).toBe('met (2 × dcat:keyword)');
    const text = qualityText(q, 'nl');
    expect(text).toContain('Vindbaarheid 80/100');
    expect(text.split('\n').filter((l) => /^\s{4}\d+\/\d+/.test(l))).toHaveLength(METRICS.length);
  });

  it('scores a dataset without distributions on its own indicators only', async () => {
    const quads = new Parser().parse(`<https://ex.org/d> a <http://www.w3.org/ns/dcat#Dataset>; <http://www.w3.org/ns/dcat#keyword> "k".`);
    const { records } = assessDatasets(quads, { vocabularies: await qualityVocabularies(), links: () => undefined, compliant: () => true });
    const q = records[0]!.quality;
    expect(q).toMatchObject({ score: 60, bestDistribution: null, rating: 'bad' });
    expect(explainIndicator(q.indicators.find((i) => i.metric.id === 'formatAvailability')!, 'en', q)).toBe('not measured: the dataset has no distribution');
  });
});

describe('DQV', () => {
  it('stores only what the statements cannot tell (link answers, compliance, the score) and reads back to the same score', async () => {
    const quads = await turtleFile(new URL('fixtures/quality-record.ttl', import.meta.url));
    const { records, aggregate } = assessDatasets(quads, { vocabularies: await qualityVocabularies(), links: (u) => ({ status: u.endsWith('.csv') ? 404 : 200 }), compliant: () => true });
    const { quality, measurements } = records[0]!;
    const dqv = recordDqv(quality, measurements);
    const metrics = dqv.filter((q) => q.predicate.value === 'http://www.w3.org/ns/dqv#isMeasurementOf').map((q) => q.object.value.replace(/^.*#/, '')).sort();
    // Two distributions' access URLs, one download URL, the compliance, the score.
    expect(metrics).toEqual(['accessUrlStatusCode', 'accessUrlStatusCode', 'dcatApCompliance', 'downloadUrlStatusCode', 'score']);
    const read = measurementsFromDescription([...quads, ...dqv], quality.dataset, await qualityVocabularies());
    expect(read.storedScore).toBe(320);
    expect(scoreRecord(quality.dataset, read.measurements)).toEqual(quality);
    const source = aggregateDqv('urn:fedcat:source:x', aggregate);
    const sourceRows: StoredMeasurement[] = source.filter((q) => q.predicate.value === 'http://www.w3.org/ns/dqv#isMeasurementOf').map((q) => ({
      on: 'urn:fedcat:source:x', metric: q.object.value, value: source.find((v) => v.subject.equals(q.subject) && v.predicate.value === 'http://www.w3.org/ns/dqv#value')!.object.value,
    }));
    sourceRows.push({ on: 'urn:fedcat:source:x', metric: 'https://w3id.org/fedcat/ns#datasetsAssessed', value: '1' });
    expect(aggregateFromRows(sourceRows)).toEqual(aggregate);
  });
});

describe('the MQA of real catalogues', () => {
  it('scores the Geonovum DCAT-AP-NL example 255 of 405 and explains each indicator', async () => {
    const { records } = await assessSample(await turtleFile(new URL('geonovum-dcat-ap-nl-example.ttl', SAMPLES)));
    const q = records[0]!.quality;
    expect(q).toMatchObject({ score: 255, rating: 'good' });
    expect(pointsOf(q)).toMatchObject({
      keywordAvailability: 30, categoryAvailability: 30, spatialAvailability: 20, temporalAvailability: 20,
      downloadUrlAvailability: 20, formatAvailability: 0, mediaTypeAvailability: 10, formatMediaTypeMachineInterpretable: 20,
      dcatApCompliance: 30, licenceAvailability: 20, knownLicence: 0, accessRightsVocabularyAlignment: 5,
    });
    for (const i of q.indicators) for (const lang of ['nl', 'en'] as const) expect(explainIndicator(i, lang, q)).not.toBe('');
  });

  it('scores the CBS dataset from data.overheid.nl 220 of 405', async () => {
    const { records } = await assessSample(await turtleFile(new URL('dcat2don-cbs-dataset-with-dataservice-dcat-ap-nl3.ttl', SAMPLES)));
    const q = records[0]!.quality;
    // Its dct:issued is a plain string where DCAT-AP wants a date: a violation, so not DCAT-AP compliant.
    expect(pointsOf(q)).toMatchObject({ spatialAvailability: 0, temporalAvailability: 0, formatMediaTypeNonProprietary: 20, knownLicence: 0, dateIssuedAvailability: 5, dcatApCompliance: 0 });
    expect(q).toMatchObject({ score: 220, rating: 'sufficient' });
  });

  it('scores the Bremen portal dump per dataset and as a whole, DCAT-AP violations costing compliance', async () => {
    const { records, aggregate } = await assessSample(await rdfXmlFile(new URL('govdata-bremen-portal-dump.rdf', SAMPLES), 'https://samples.fedcat.test/bremen.rdf'));
    expect(aggregate.records).toBe(153);
    const met = Object.fromEntries(aggregate.indicators.map((i) => [i.metric.id, i.met]));
    expect(met).toMatchObject({ spatialAvailability: 153, accessRightsAvailability: 0, knownLicence: 0, downloadUrlAvailability: 0 });
    expect(met.dcatApCompliance).toBe(0);
    expect(aggregate).toMatchObject({ score: 199.4, rating: 'sufficient' });
    expect(records.every((r) => r.quality.score <= 405)).toBe(true);
  });
});

describe('unmapped values', () => {
  it('lists the Bremen dump’s themes, licences, languages and frequencies that are not in the EU tables, most used first', async () => {
    const quads = await rdfXmlFile(new URL('govdata-bremen-portal-dump.rdf', SAMPLES), 'https://samples.fedcat.test/bremen.rdf');
    const unmapped = unmappedValues(quads, await qualityVocabularies());
    const find = (property: string, value: string) => unmapped.find((u) => u.property === property && u.value === value);
    expect(find('dct:language', 'http://publications.europa.eu/resource/authority/language/GER')?.count).toBeGreaterThan(0);
    expect(find('dct:accrualPeriodicity', 'http://publications.europa.eu/resource/authority/frequency/IRREGULAR')?.count).toBeGreaterThan(0);
    expect(unmapped.some((u) => u.property === 'dct:license' && u.value.startsWith('http://dcat-ap.de/def/licenses/'))).toBe(true);
    expect(unmapped.map((u) => u.count)).toEqual([...unmapped.map((u) => u.count)].sort((a, b) => b - a));
    // Terms of the EU tables are never listed.
    expect(unmapped.filter((u) => u.value === 'http://publications.europa.eu/resource/authority/file-type/CSV')).toEqual([]);
  });

  it('does not list a Creative Commons licence IRI the EU licence table matches (skos:exactMatch), in any of its forms', async () => {
    const { namedNode, quad } = DataFactory;
    const d = namedNode('https://x.nl/d');
    const quads = ['http://creativecommons.org/licenses/by/4.0/', 'https://creativecommons.org/publicdomain/zero/1.0/', 'https://x.nl/eigen-licentie']
      .map((l) => quad(d, namedNode('http://purl.org/dc/terms/license'), namedNode(l)));
    expect(unmappedValues(quads, await qualityVocabularies()).map((u) => u.value)).toEqual(['https://x.nl/eigen-licentie']);
  });
});
