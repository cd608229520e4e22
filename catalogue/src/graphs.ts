/**
 * Every named graph fedcat writes, named in this one file. Source graphs are published (their union is the default
 * graph of queries); the others are fedcat's own bookkeeping beside them.
 */

/** What every source graph's name starts with: their union is the default graph of queries. */
export const SOURCE_GRAPH_PREFIX = 'urn:fedcat:source:';

/** The named graph that holds a source's harvested quads. */
export function sourceGraph(sourceId: string): string {
  return `${SOURCE_GRAPH_PREFIX}${encodeURIComponent(sourceId)}`;
}

/** The named graph that holds a source's rejected records (never searched, never in the union default graph of listings). */
export function quarantineGraph(sourceId: string): string {
  return `urn:fedcat:quarantine:${encodeURIComponent(sourceId)}`;
}

/** The named graph holding a source's catalogue records (not part of the default graph). */
export function historyGraph(sourceId: string): string {
  return `urn:fedcat:history:${encodeURIComponent(sourceId)}`;
}

/** The named graph holding a source's recent harvest runs (not part of the default graph). */
export function runsGraph(sourceId: string): string {
  return `urn:fedcat:runs:${encodeURIComponent(sourceId)}`;
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
