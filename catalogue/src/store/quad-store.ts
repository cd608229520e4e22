import type { Quad } from '@rdfjs/types';
import type { SolutionRow } from './typed-reads.js';
import type { QueryTimeout, StoreBusy } from './store-errors.js';

/** Load state of a store; queries wait (or are refused) until `ready`. */
export interface StoreState {
  readonly status: 'loading' | 'ready' | 'failed';
  readonly graphsLoaded: number;
  readonly graphsTotal: number;
  readonly error?: string;
}

/** The four SPARQL query forms. */
export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';

/** A query answer already serialised in the requested media type. */
export interface QueryAnswer {
  readonly form: QueryForm;
  readonly mediaType: string;
  readonly body: string;
  /** The answer was cut at `QueryOptions.resultCap` solutions or triples. */
  readonly truncated?: boolean;
  /** The store's {@link QuadStore.version} the answer was computed from, when the store knows it. */
  readonly version?: string;
  /** How long the query ran (ms), waiting for a place to run excluded; what a client's share is counted in. */
  readonly runMs?: number;
}

/**
 * Which graphs a query may see (the public SPARQL endpoint's dataset): the published graphs (source, history and
 * runs graphs) and the quarantine graphs of these sources (`all`: every one; an admin).
 */
export interface GraphVisibility {
  readonly quarantineOf: 'all' | readonly string[];
}

/**
 * An RDF dataset given with a request (SPARQL protocol `default-graph-uri` / `named-graph-uri`): it replaces the
 * store's default (the union of source graphs) and any `FROM` / `FROM NAMED` in the query. Graph IRIs only.
 */
export interface ProtocolDataset {
  readonly defaultGraphs: readonly string[];
  readonly namedGraphs: readonly string[];
}

/** What a request adds to its query: a protocol dataset, and the base IRI relative IRIs resolve against. */
export interface QueryOptions {
  readonly dataset?: ProtocolDataset;
  /** The SPARQL protocol's base: the endpoint's URL. */
  readonly baseIri?: string;
  /**
   * Time limit (ms) of running the query. A query with one runs where cutting it off holds up nothing else; past
   * the limit it fails with {@link QueryTimeout}. It may wait as long again for a place to run (then {@link StoreBusy}).
   */
  readonly timeoutMs?: number;
  /**
   * At most this many solutions (SELECT) or triples (CONSTRUCT/DESCRIBE); more are cut off and `truncated` set.
   * The store bounds its own work to it too (a LIMIT of cap + 1 where the query has none or a larger one).
   */
  readonly resultCap?: number;
  /** Restricts the dataset (default graph, named graphs, FROM) to these graphs; fedcat's own reads see all. */
  readonly visibility?: GraphVisibility;
  /** Who asks (a client key): time-limited queries of different clients are served fairly, one at a time each. */
  readonly client?: string;
}

/** Media types to serialise an answer in: one for solutions (SELECT/ASK), one for graphs (CONSTRUCT/DESCRIBE). */
export interface AnswerFormats {
  readonly solutions: string;
  readonly graph: string;
}

/**
 * The RDF store port: one named graph per source, replaced atomically; SPARQL over the union of graphs.
 * Implementations: the embedded oxigraph store (default) and any SPARQL 1.1 store (SparqlStore).
 */
export interface QuadStore {
  state(): StoreState;
  /** State of where time-limited queries run, with how many times one was cut off by restarting it. */
  queryLaneState(): StoreState & { readonly restarts: number; readonly workersReady?: number; readonly workers?: number };
  /**
   * A token that changes whenever the content of any graph changes (the same content gives the same token, in every
   * process); null while not known. What conditional SPARQL answers (ETags) are computed from.
   */
  version(): string | null;
  /** Resolves when the store has loaded its data and answers queries. */
  ready(): Promise<void>;
  /** Replaces a graph's content; readers see either the old or the new graph, never a mix. Empty quads drop it. */
  replaceGraph(graph: string, quads: readonly Quad[]): Promise<void>;
  /**
   * Runs a read-only SPARQL query and answers it as text in the requested media type: what the public `/sparql`
   * endpoint serves. Its default graph is the union of the source graphs, unless the query says `FROM` /
   * `FROM NAMED` or a protocol dataset is given (which wins over the query's). fedcat's own reads use the typed
   * {@link select}, {@link ask} and {@link construct}.
   */
  query(sparql: string, formats: AnswerFormats, options?: QueryOptions): Promise<QueryAnswer>;
  /** The solutions of a SELECT as RDF/JS terms (same dataset rules as {@link query}). */
  select(sparql: string, options?: QueryOptions): Promise<SolutionRow[]>;
  /** The answer of an ASK. */
  ask(sparql: string, options?: QueryOptions): Promise<boolean>;
  /** The triples of a CONSTRUCT or DESCRIBE. */
  construct(sparql: string, options?: QueryOptions): Promise<Quad[]>;
  /** A graph's quads (none when the store does not hold it); what `fedcat migrate` copies. */
  readGraph(graph: string): Promise<Quad[]>;
  /** The graphs held, with their sizes. */
  listGraphs(): Promise<readonly { graph: string; quads: number }[]>;
  /**
   * Calls `listener` whenever graphs changed after the store loaded (written by this process or, picked up, by
   * another); returns the unsubscribe function. What caches of the store's content (the resolution index) rebuild on.
   */
  onChange(listener: (graphs: readonly string[]) => void): () => void;
  close(): Promise<void>;
}
