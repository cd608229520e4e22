import type { Quad, Term } from '@rdfjs/types';
import { dcat, dct, fileTypeCode, isIanaMediaType, MACHINE_READABLE, NON_PROPRIETARY } from '@fedcat/vocab';
import { METRICS, type Metric } from './metrics.js';
import type { QualityVocabularies } from './vocabularies.js';

/** What a link check found: the HTTP status of the final answer, or 0 with the reason when none came. */
export interface LinkStatus {
  readonly status: number;
  readonly reason?: string;
}

/** Whether a link status counts as reachable: an answer in the 2xx or 3xx range. */
export const reachable = (s: LinkStatus): boolean => s.status >= 200 && s.status < 400;

/** One DQV measurement: a metric's value for a dataset or one of its distributions, with what it was based on. */
export interface Measurement {
  /** The metric's local name (see {@link METRICS}). */
  readonly metric: string;
  /** The IRI (or blank node label) of the resource measured. */
  readonly on: string;
  readonly value: boolean | number;
  /** The evidence, language-neutral: the value found ("<…/file-type/CSV>"), how many ("3 × dcat:keyword"), the HTTP answer. */
  readonly note?: string;
}

/** What measuring needs besides the record's own quads. */
export interface MeasureContext {
  readonly vocabularies: QualityVocabularies;
  /** The last link check of a URL; undefined when it was not checked (no measurement is made). */
  readonly links: (url: string) => LinkStatus | undefined;
  /** Whether the record had no DCAT-AP violation in validation; undefined when it was not validated. */
  readonly compliant?: boolean;
}

type Index = Map<string, Map<string, Term[]>>;

/** Subject → predicate → objects, for the few lookups measuring does. */
export function indexQuads(quads: Iterable<Quad>): Index {
  const index: Index = new Map();
  for (const q of quads) {
    const bySubject = index.get(q.subject.value) ?? index.set(q.subject.value, new Map()).get(q.subject.value)!;
    const list = bySubject.get(q.predicate.value) ?? bySubject.set(q.predicate.value, []).get(q.predicate.value)!;
    list.push(q.object);
  }
  return index;
}

const values = (index: Index, subject: string, predicate: string): Term[] => index.get(subject)?.get(predicate) ?? [];
const short = (iri: string) => (iri.length > 80 ? `${iri.slice(0, 77)}…` : iri);
const shown = (t: Term) => (t.termType === 'NamedNode' ? `<${short(t.value)}>` : t.termType === 'Literal' ? JSON.stringify(short(t.value)) : '[ ]');

const METRIC = new Map(METRICS.map((x) => [x.id, x] as const));
const metric = (id: string): Metric => METRIC.get(id)!;

const withNote = (m: Measurement, note: string | undefined): Measurement => (note ? { ...m, note } : m);

/** A yes/no measurement: met when `found` is non-empty, noted with the value (or how many there are). */
function presence(id: string, on: string, found: readonly Term[], what: string): Measurement {
  const m = metric(id);
  if (found.length === 0) return { metric: m.id, on, value: false };
  return { metric: m.id, on, value: true, note: found.length > 1 ? `${found.length} × ${what}` : shown(found[0]!) };
}

/** The best status among a distribution's URLs: a reachable one if any, else the first checked; undefined if none was checked. */
function bestStatus(urls: readonly Term[], ctx: MeasureContext): { url: string; status: LinkStatus } | undefined {
  let first: { url: string; status: LinkStatus } | undefined;
  for (const u of urls) {
    if (u.termType !== 'NamedNode') continue;
    const status = ctx.links(u.value);
    if (!status) continue;
    if (reachable(status)) return { url: u.value, status };
    first ??= { url: u.value, status };
  }
  return first;
}

function statusMeasurement(id: string, on: string, urls: readonly Term[], ctx: MeasureContext): Measurement[] {
  const best = bestStatus(urls, ctx);
  if (!best) return [];
  const answer = best.status.status === 0 ? (best.status.reason ?? 'no answer') : `HTTP ${best.status.status}`;
  return [{ metric: id, on, value: best.status.status, note: `${answer} <${short(best.url)}>` }];
}

/** The indicators of one distribution. */
function measureDistribution(index: Index, d: string, ctx: MeasureContext): Measurement[] {
  const formats = values(index, d, dct.format.value);
  const mediaTypes = values(index, d, dcat.mediaType.value);
  const both = [...formats, ...mediaTypes];
  const codes = both.filter((t) => t.termType === 'NamedNode').map((t) => fileTypeCode(t.value)).filter((c): c is string => c !== null);
  const aligned = both.length > 0 && formats.every((t) => t.termType === 'NamedNode' && ctx.vocabularies.fileTypes.has(t.value))
    && mediaTypes.every((t) => t.termType === 'NamedNode' && isIanaMediaType(t.value));
  const nonProprietary = codes.find((c) => NON_PROPRIETARY.has(c));
  const machine = codes.find((c) => MACHINE_READABLE.has(c));
  const licences = values(index, d, dct.license.value);
  const known = licences.find((t) => t.termType === 'NamedNode' && ctx.vocabularies.licences.has(t.value));
  const downloads = values(index, d, dcat.downloadURL.value);
  const codeNote = codes.length ? [...new Set(codes)].join(', ') : both.length ? both.map(shown).join(', ') : undefined;
  const outside = both.filter((t) => !(t.termType === 'NamedNode' && (ctx.vocabularies.fileTypes.has(t.value) || isIanaMediaType(t.value))));
  return [
    ...statusMeasurement('accessUrlStatusCode', d, values(index, d, dcat.accessURL.value), ctx),
    presence('downloadUrlAvailability', d, downloads, 'dcat:downloadURL'),
    ...statusMeasurement('downloadUrlStatusCode', d, downloads, ctx),
    presence('formatAvailability', d, formats, 'dct:format'),
    presence('mediaTypeAvailability', d, mediaTypes, 'dcat:mediaType'),
    withNote({ metric: 'formatMediaTypeVocabularyAlignment', on: d, value: aligned }, aligned ? codeNote : outside.map(shown).join(', ') || undefined),
    withNote({ metric: 'formatMediaTypeNonProprietary', on: d, value: nonProprietary !== undefined }, codeNote),
    withNote({ metric: 'formatMediaTypeMachineInterpretable', on: d, value: machine !== undefined }, codeNote),
    presence('licenceAvailability', d, licences, 'dct:license'),
    withNote({ metric: 'knownLicence', on: d, value: known !== undefined }, licences.length ? shown(known ?? licences[0]!) : undefined),
    presence('rightsAvailability', d, values(index, d, dct.rights.value), 'dct:rights'),
    presence('byteSizeAvailability', d, values(index, d, dcat.byteSize.value), 'dcat:byteSize'),
    presence('dateIssuedAvailability', d, values(index, d, dct.issued.value), 'dct:issued'),
    presence('dateModifiedAvailability', d, values(index, d, dct.modified.value), 'dct:modified'),
  ];
}

/**
 * Measures one dataset by the MQA indicators: its own (keywords, themes, coverage, access rights, contact,
 * publisher, DCAT-AP compliance) and those of each distribution (links, formats, licence, context). A pure
 * function of the quads and the context: link statuses come in, nothing is fetched.
 */
export function measureDataset(quads: Iterable<Quad> | Index, dataset: string, ctx: MeasureContext): Measurement[] {
  const index = quads instanceof Map ? quads : indexQuads(quads);
  const accessRights = values(index, dataset, dct.accessRights.value);
  const alignedRights = accessRights.find((t) => t.termType === 'NamedNode' && ctx.vocabularies.accessRights.has(t.value));
  const own: Measurement[] = [
    presence('keywordAvailability', dataset, values(index, dataset, dcat.keyword.value), 'dcat:keyword'),
    presence('categoryAvailability', dataset, values(index, dataset, dcat.theme.value), 'dcat:theme'),
    presence('spatialAvailability', dataset, values(index, dataset, dct.spatial.value), 'dct:spatial'),
    presence('temporalAvailability', dataset, values(index, dataset, dct.temporal.value), 'dct:temporal'),
    presence('accessRightsAvailability', dataset, accessRights, 'dct:accessRights'),
    withNote({ metric: 'accessRightsVocabularyAlignment', on: dataset, value: alignedRights !== undefined },
      accessRights.length ? shown(alignedRights ?? accessRights[0]!) : undefined),
    presence('contactPointAvailability', dataset, values(index, dataset, dcat.contactPoint.value), 'dcat:contactPoint'),
    presence('publisherAvailability', dataset, values(index, dataset, dct.publisher.value), 'dct:publisher'),
    ...(ctx.compliant === undefined ? [] : [{ metric: 'dcatApCompliance', on: dataset, value: ctx.compliant }]),
  ];
  const distributions = [...new Set(values(index, dataset, dcat.distribution.value).map((t) => t.value))].sort();
  return [...own, ...distributions.flatMap((d) => measureDistribution(index, d, ctx))];
}

/** The URLs whose link status the measurements of a dataset use: every distribution's access and download URLs. */
export function linksOf(quads: Iterable<Quad> | Index, dataset: string): string[] {
  const index = quads instanceof Map ? quads : indexQuads(quads);
  const urls = values(index, dataset, dcat.distribution.value).flatMap((d) =>
    [...values(index, d.value, dcat.accessURL.value), ...values(index, d.value, dcat.downloadURL.value)]);
  return [...new Set(urls.filter((u) => u.termType === 'NamedNode' && /^https?:/i.test(u.value)).map((u) => u.value))];
}
