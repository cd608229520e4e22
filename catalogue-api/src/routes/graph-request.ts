import { NotAcceptable } from '../http/errors.js';
import { StoreUnavailable, type StoreState } from '@fedcat/catalogue';
import { negotiate } from '../http/negotiation.js';
import { FORMAT_ALIASES, GRAPH_TYPES } from '../rdf/formats.js';

/** The RDF syntax a graph answer is written in: the `format` parameter (a short name or media type), else `Accept`. */
export function graphMediaType(format: string | undefined, accept: string | undefined): string {
  const asked = format ? FORMAT_ALIASES[format.toLowerCase()] ?? format : accept;
  const mediaType = negotiate(asked, GRAPH_TYPES);
  if (!mediaType) throw new NotAcceptable(GRAPH_TYPES.join(', '));
  return mediaType;
}

/** Refuses (503) while the store loads or after it failed, saying which. */
export function requireReadyStore(state: StoreState): void {
  if (state.status === 'ready') return;
  throw new StoreUnavailable(state.status === 'loading' ? `still loading (${state.graphsLoaded}/${state.graphsTotal} graphs)` : (state.error ?? 'failed'));
}
