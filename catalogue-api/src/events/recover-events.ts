import { DataFactory } from 'n3';
import { sourceGraph, sparqlTerm, type QuadStore } from '@fedcat/catalogue';
import { prov } from '@fedcat/vocab';
import type { RunningHarvests } from '../control/running-harvests.js';
import type { EventLog } from './event-log.js';

/** The run whose graph the store holds for a source (its `prov:wasGeneratedBy`), or null. */
export async function storedRun(store: QuadStore, source: string): Promise<string | null> {
  const g = sparqlTerm(DataFactory.namedNode(sourceGraph(source)));
  const rows = await store.select(`SELECT ?run WHERE { GRAPH ${g} { ${g} ${sparqlTerm(prov.wasGeneratedBy)} ?run } }`);
  return rows[0]?.run?.value ?? null;
}

/**
 * At start: events harvests left pending when their process died are published when the store holds their run's
 * graph, dropped when it does not. A source harvesting now (its claim held by a live process) is left to that run.
 */
export async function recoverEvents(events: EventLog, store: QuadStore, running: RunningHarvests): Promise<string[]> {
  const recovered: string[] = [];
  for (const source of events.pendingSources()) {
    if (await running.get(source)) continue;
    events.recover(source, await storedRun(store, source));
    recovered.push(source);
  }
  return recovered;
}
