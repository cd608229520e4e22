import type { Quad } from '@rdfjs/types';
import { dcat, rdf } from '@fedcat/vocab';
import { indexQuads, measureDataset, type LinkStatus, type Measurement } from './measure.js';
import { aggregateQuality, scoreRecord, type AggregateQuality, type RecordQuality } from './score.js';
import type { QualityVocabularies } from './vocabularies.js';

/** One dataset's score with the measurements it was computed from. */
export interface AssessedRecord {
  readonly quality: RecordQuality;
  readonly measurements: readonly Measurement[];
}

/** What assessing a document needs: vocabularies, link statuses, and each dataset's validation verdict. */
export interface AssessContext {
  readonly vocabularies: QualityVocabularies;
  readonly links: (url: string) => LinkStatus | undefined;
  /** Whether a dataset had no DCAT-AP violation; undefined when not validated. */
  readonly compliant?: (dataset: string) => boolean | undefined;
}

/** The datasets (subjects typed dcat:Dataset) of some quads, sorted. */
export function datasetsIn(quads: Iterable<Quad>): string[] {
  const out = new Set<string>();
  for (const q of quads) if (q.predicate.equals(rdf.type) && q.object.equals(dcat.Dataset)) out.add(q.subject.value);
  return [...out].sort();
}

/** Scores every dataset of some quads and the set as a whole. */
export function assessDatasets(quads: readonly Quad[], ctx: AssessContext): { records: AssessedRecord[]; aggregate: AggregateQuality } {
  const index = indexQuads(quads);
  const records = datasetsIn(quads).map((dataset) => {
    const measurements = measureDataset(index, dataset, { vocabularies: ctx.vocabularies, links: ctx.links, compliant: ctx.compliant?.(dataset) });
    return { quality: scoreRecord(dataset, measurements), measurements };
  });
  return { records, aggregate: aggregateQuality(records.map((r) => r.quality)) };
}
