import { EMPTY_GRAPH, isFedcatGraph, isPublishedGraph, quarantinedSourceOf, SOURCE_GRAPH_PREFIX, type GraphVisibility, type ProtocolDataset } from '@fedcat/catalogue';
import { declaredDataset } from './query-dataset.js';

/**
 * True when the visibility lets a query see the graph: published graphs, quarantine graphs it names, and graphs
 * that are not fedcat's at all (a store fedcat shares; fedcat itself writes none); never fedcat's bookkeeping.
 */
export function mayView(graph: string, visibility: GraphVisibility): boolean {
  if (isPublishedGraph(graph) || !isFedcatGraph(graph)) return true;
  const source = quarantinedSourceOf(graph);
  return source !== null && (visibility.quarantineOf === 'all' || visibility.quarantineOf.includes(source));
}

/**
 * The dataset a query runs on when only some graphs may be seen: the protocol dataset if given, else the query's
 * own FROM / FROM NAMED, else the union of the source graphs with every visible graph as a named graph; in each
 * case only graphs the store holds and the visibility allows (an empty part names {@link EMPTY_GRAPH}, so it stays
 * empty instead of meaning "all"). A graph left out is simply empty, as a graph the store does not hold is.
 */
export function visibleDataset(text: string, given: ProtocolDataset | undefined, held: readonly string[], visibility: GraphVisibility, baseIri?: string): ProtocolDataset {
  const visible = new Set(held.filter((g) => mayView(g, visibility)));
  const keep = (graphs: readonly string[]) => graphs.filter((g) => visible.has(g));
  const chosen = given ?? declaredDataset(text, baseIri);
  if (chosen) {
    const defaultGraphs = keep(chosen.defaultGraphs);
    return { defaultGraphs: defaultGraphs.length > 0 ? defaultGraphs : [EMPTY_GRAPH], namedGraphs: keep(chosen.namedGraphs) };
  }
  const sources = [...visible].filter((g) => g.startsWith(SOURCE_GRAPH_PREFIX)).sort();
  const named = [...visible].sort();
  return { defaultGraphs: sources.length > 0 ? sources : [EMPTY_GRAPH], namedGraphs: named.length > 0 ? named : [EMPTY_GRAPH] };
}
