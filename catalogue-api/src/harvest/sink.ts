import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { CatalogueDocument, HarvestSink, QuadStore, SearchIndex, Source, SourceChange } from '@fedcat/catalogue';
import { prov, rdf, xsd } from '@fedcat/vocab';
import type { EventLog } from '../events/event-log.js';
import { recordEvents } from '../events/record-events.js';

const { namedNode, literal, quad } = DataFactory;

/** The harvest run a sink publishes for. */
export interface RunInfo {
  readonly id: string;
  readonly startedAt: string;
}

/** The IRI of a harvest run, as recorded in the store (PROV) and the index. */
export function runIri(source: string, startedAt: string): string {
  return `urn:fedcat:run:${encodeURIComponent(source)}:${startedAt}`;
}

/** PROV triples saying which run produced a source graph, from which URL and when. */
export function provenance(graph: string, source: Source, run: RunInfo): Quad[] {
  const g = namedNode(graph);
  const r = namedNode(run.id);
  return [
    quad(g, prov.wasGeneratedBy, r),
    quad(r, rdf.type, prov.Activity),
    quad(r, prov.startedAtTime, literal(run.startedAt, xsd.dateTime)),
    quad(r, prov.used, namedNode(source.url)),
  ];
}

/**
 * Publishes a completed harvest: the source graph (with its provenance) and the quarantine graph into the
 * store, then the record changes into the index, tagged with the run. The index is written last; if the
 * process dies between the two, {@link reconcileIndex} rebuilds the source's documents from the store.
 * An unchanged harvest writes nothing: store and index keep naming the run that produced their content.
 * With an event log, the change's events go to its outbox first (pending, by run) and are published once store and
 * index hold the change; the store's graph naming the run is what decides, after a crash, whether they happened.
 */
export function catalogueSink(store: QuadStore, search: SearchIndex, run: RunInfo, events?: EventLog, crashAt?: Failpoint): HarvestSink {
  const point = (name: FailpointName) => { if (crashAt === name) process.kill(process.pid, 'SIGKILL'); };
  return {
    async publish(source: Source, change: SourceChange) {
      if (!change.changed) return;
      if (events) events.addPending(run.id, recordEvents(source.id, change.upsert, change.remove, await documentsBefore(search, source.id, change)));
      point('events-pending');
      await store.replaceGraph(change.graph, [...change.quads, ...provenance(change.graph, source, run)]);
      point('store-written');
      await store.replaceGraph(change.quarantineGraph, change.quarantined);
      await search.applyChanges(source.id, { upsert: change.upsert, remove: change.remove, run: run.id });
      point('index-written');
      events?.commit(run.id);
    },
  };
}

/**
 * The moments of publishing at which a test can have the harvest process kill itself with SIGKILL (a real kill -9 at
 * an exact point, FEDCAT_TEST_FAILPOINT): after its events are pending, after the store holds the graph, after the
 * index holds the documents (before the events are published).
 */
export const FAILPOINTS = ['events-pending', 'store-written', 'index-written'] as const;
export type FailpointName = (typeof FAILPOINTS)[number];
export type Failpoint = FailpointName | null;

/** The source's indexed documents of the records a change touches, as they are before it (what its events compare with). */
async function documentsBefore(search: SearchIndex, source: string, change: SourceChange): Promise<Map<string, CatalogueDocument>> {
  const before = new Map<string, CatalogueDocument>();
  for (const id of [...change.upsert.map((d) => d.id), ...change.remove]) {
    const doc = await search.get(id);
    if (doc && doc.source === source) before.set(id, doc);
  }
  return before;
}
