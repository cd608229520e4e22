import type { Quad } from '@rdfjs/types';
import type { ShaclSummary, Validator } from '@fedcat/shapes';
import { HarvestError } from './errors.js';
import { fetchDocument, type FetchPolicy } from './fetch/fetch-document.js';
import { parseRdf } from './parse/parse-rdf.js';
import { detectSyntax, type RdfSyntax } from './parse/syntax.js';
import type { CatalogueDocument } from './records/catalogue-document.js';
import { extractDocuments } from './records/extract-documents.js';
import { sourceGraph, type Source } from './source.js';
import { toDefaultGraph } from './stages/to-default-graph.js';

/** Where a completed harvest goes: the store and the search index, switched per source. */
export interface HarvestSink {
  publish(source: Source, graph: string, quads: readonly Quad[], documents: readonly CatalogueDocument[]): Promise<void>;
}

/** Counts and checks of a completed harvest. */
export interface HarvestStats {
  readonly syntax: RdfSyntax;
  readonly bytes: number;
  readonly quads: number;
  readonly datasets: number;
  readonly dataServices: number;
  readonly validation: ShaclSummary;
}

/** The outcome of harvesting one source; failures are values, never throws. */
export type HarvestOutcome =
  | { readonly kind: 'harvested'; readonly source: string; readonly startedAt: string; readonly endedAt: string; readonly stats: HarvestStats }
  | { readonly kind: 'failed'; readonly source: string; readonly startedAt: string; readonly endedAt: string; readonly error: HarvestError };

/** What harvestSource needs from the outside world. */
export interface HarvestDeps {
  readonly fetchPolicy: FetchPolicy;
  readonly validator: Validator;
  readonly sink: HarvestSink;
  readonly now?: () => Date;
}

/**
 * Harvests one source end to end: fetch, parse, validate, extract search documents, publish.
 * The sink is called only when every step succeeded, so a failing source keeps its last good state.
 */
export async function harvestSource(source: Source, deps: HarvestDeps): Promise<HarvestOutcome> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now().toISOString();
  try {
    const doc = await fetchDocument(source.id, source.url, deps.fetchPolicy);
    const syntax = detectSyntax(doc.contentType, doc.url, doc.body);
    const quads = toDefaultGraph(await parseRdf(doc.body, syntax, doc.url, source.id));
    const validation = await deps.validator.validate(quads);
    const documents = extractDocuments(quads, source.id, startedAt);
    await deps.sink.publish(source, sourceGraph(source.id), quads, documents);
    return {
      kind: 'harvested', source: source.id, startedAt, endedAt: now().toISOString(),
      stats: {
        syntax, bytes: Buffer.byteLength(doc.body), quads: quads.length,
        datasets: documents.filter((d) => d.type === 'Dataset').length,
        dataServices: documents.filter((d) => d.type === 'DataService').length,
        validation,
      },
    };
  } catch (err) {
    const error = err instanceof HarvestError ? err : new HarvestError(source.id, (err as Error).message ?? String(err), { cause: err });
    return { kind: 'failed', source: source.id, startedAt, endedAt: now().toISOString(), error };
  }
}
