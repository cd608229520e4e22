import { createHash } from 'node:crypto';
import type { Quad } from '@rdfjs/types';
import { aggregateDqv, linksOf, QualityTally, measureDataset, recordDqv, scoreRecord, unmappedValues, type AggregateQuality, type UnmappedValue, type MeasurementNamer, type QualityVocabularies } from '@fedcat/shapes/quality';
import { DataFactory } from 'n3';
import { checkLinks, type LinkCache, type LinkCheckOptions } from '../links/link-check.js';
import type { HarvestRecord } from '../records/split-records.js';

const { namedNode } = DataFactory;

/** How a harvest assesses quality; without `links` no link is checked and the link indicators stay unmeasured. */
export interface QualityOptions {
  readonly vocabularies: QualityVocabularies;
  readonly links?: Omit<LinkCheckOptions, 'now' | 'onProgress'>;
}

/** A record in the catalogue, with its validation verdict (undefined when the state predates verdicts). */
export interface AcceptedRecord {
  readonly record: HarvestRecord;
  readonly compliant: boolean | undefined;
}

/** A source's quality after a harvest: DQV quads for its graph, the link cache to keep, the aggregate. */
export interface SourceQuality {
  readonly quads: readonly Quad[];
  readonly links: LinkCache;
  readonly aggregate: AggregateQuality;
  /** Digest of the scores and measurements: equal digests mean the stored DQV need not be rewritten. */
  readonly digest: string;
  readonly linkCheck: { readonly checked: number; readonly deferred: number };
  /** Values of vocabulary-bound properties outside the EU tables, most used first (see unmappedValues). */
  readonly unmapped: readonly UnmappedValue[];
}

/**
 * Assesses every dataset in the catalogue from one source by the MQA indicators: checks the links of their
 * distributions (bounded and cached, see {@link checkLinks}), measures, scores, and writes it all as DQV, with the
 * source's average and per-indicator shares on the source graph.
 */
export async function assessRecords(
  records: readonly AcceptedRecord[], graph: string, previousLinks: LinkCache, opts: QualityOptions,
  run: { now: () => Date; genid: string; onLinks?: (checked: number, toCheck: number) => void },
): Promise<SourceQuality> {
  const datasets = records.filter((r) => r.record.type === 'Dataset');
  // Indexes are built per dataset when needed and dropped after, never all held at once (100,000s of records).
  const urls = [...new Set(datasets.flatMap((d) => linksOf(d.record.quads, d.record.iri)))];
  const checked = opts.links
    ? await checkLinks(urls, previousLinks, { ...opts.links, now: run.now, onProgress: run.onLinks })
    : { links: Object.fromEntries(urls.filter((u) => previousLinks[u]).map((u) => [u, previousLinks[u]!])), checked: 0, deferred: 0 };
  const links = checked.links;
  // Stable names under the source's skolem base: the same measurement has the same IRI in every run and answer.
  const name: MeasurementNamer = (on, metric) =>
    namedNode(`${run.genid}${createHash('sha256').update(`mqa\n${on}\n${metric}`).digest('base64url').slice(0, 22)}`);
  const hash = createHash('sha256');
  const quads: Quad[] = [];
  const tally = new QualityTally();
  for (const { record, compliant } of datasets) {
    const measurements = measureDataset(record.quads, record.iri, { vocabularies: opts.vocabularies, links: (u) => links[u], compliant });
    const quality = scoreRecord(record.iri, measurements);
    quads.push(...recordDqv(quality, measurements, name));
    hash.update(`${record.iri}\n${quality.score}\n${JSON.stringify(measurements)}\n`);
    tally.add(quality);
  }
  const aggregate = tally.result();
  if (datasets.length > 0) quads.push(...aggregateDqv(graph, aggregate, name));
  return {
    quads, links, aggregate, digest: hash.digest('base64url'), linkCheck: { checked: checked.checked, deferred: checked.deferred },
    unmapped: unmappedValues((function* () { for (const r of records) yield* r.record.quads; })(), opts.vocabularies),
  };
}
