/**
 * Every named graph fedcat writes, named in this one file. Source graphs are published (their union is the default
 * graph of queries); the others are fedcat's own bookkeeping beside them.
 */

/** What every source graph's name starts with: their union is the default graph of queries. */
export const SOURCE_GRAPH_PREFIX = 'urn:fedcat:source:';

const QUARANTINE_GRAPH_PREFIX = 'urn:fedcat:quarantine:';
const HISTORY_GRAPH_PREFIX = 'urn:fedcat:history:';
const RUNS_GRAPH_PREFIX = 'urn:fedcat:runs:';

/** The named graph that holds a source's harvested quads. */
export function sourceGraph(sourceId: string): string {
  return `${SOURCE_GRAPH_PREFIX}${encodeURIComponent(sourceId)}`;
}

/** The named graph that holds a source's rejected records (never searched, never in the union default graph of listings). */
export function quarantineGraph(sourceId: string): string {
  return `${QUARANTINE_GRAPH_PREFIX}${encodeURIComponent(sourceId)}`;
}

/** The named graph holding a source's catalogue records (not part of the default graph). */
export function historyGraph(sourceId: string): string {
  return `${HISTORY_GRAPH_PREFIX}${encodeURIComponent(sourceId)}`;
}

/** The named graph holding a source's recent harvest runs (not part of the default graph). */
export function runsGraph(sourceId: string): string {
  return `${RUNS_GRAPH_PREFIX}${encodeURIComponent(sourceId)}`;
}

/**
 * True for the graphs fedcat publishes: the source graphs and, documented as public, their history and runs graphs
 * (what the public SPARQL endpoint's dataset holds). Quarantine, registry and staging graphs are not published.
 */
export function isPublishedGraph(graph: string): boolean {
  return graph.startsWith(SOURCE_GRAPH_PREFIX) || graph.startsWith(HISTORY_GRAPH_PREFIX) || graph.startsWith(RUNS_GRAPH_PREFIX);
}

/** True for every graph fedcat names (published or its own bookkeeping); other graphs are not fedcat's. */
export function isFedcatGraph(graph: string): boolean {
  return graph.startsWith('urn:fedcat:');
}

/** The source whose quarantine graph this is; null for any other graph. */
export function quarantinedSourceOf(graph: string): string | null {
  return graph.startsWith(QUARANTINE_GRAPH_PREFIX) ? decodeURIComponent(graph.slice(QUARANTINE_GRAPH_PREFIX.length)) : null;
}

/** A SPARQL store's registry of the graphs fedcat holds there, with their versions and sizes; every process polls it. */
export const REGISTRY_GRAPH = 'urn:fedcat:store:graphs';

/** What the staging graphs a SPARQL store loads a graph into, before it is swapped in, are named with. */
export const STAGING_GRAPH_PREFIX = 'urn:fedcat:store:staging:';

/**
 * A graph name no store holds: a dataset part that must stay empty names it (an empty list would mean "the store's
 * own default graph").
 */
export const EMPTY_GRAPH = 'urn:fedcat:empty';
