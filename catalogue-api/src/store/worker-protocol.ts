import type { AnswerFormats, QueryAnswer, QueryOptions } from '@fedcat/catalogue';

/** Requests the store proxy sends to its worker. */
export type WorkerRequest =
  | { readonly id: number; readonly op: 'query'; readonly sparql: string; readonly formats: AnswerFormats; readonly options?: QueryOptions }
  /** Reload a graph from its file (`stamp` null: the graph was removed). */
  | { readonly id: number; readonly op: 'replace'; readonly graph: string; readonly stamp: string | null }
  | { readonly id: number; readonly op: 'graphs' }
  /** A query over SPARQL endpoints (the federation worker's only operation). */
  | { readonly id: number; readonly op: 'federated'; readonly sparql: string; readonly formats: AnswerFormats; readonly endpoints: readonly string[];
      readonly resultCap: number; readonly timeoutMs: number; readonly privateOrigins: readonly string[] | 'all';
      /** Sent to the first endpoint (the catalogue's own) so its answers to the federation are not capped. */
      readonly localKey: string };

/** Replies and notices from the worker. */
export type WorkerMessage =
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly result: QueryAnswer | readonly { graph: string; quads: number }[] | null }
  | { readonly type: 'reply'; readonly id: number; readonly ok: false; readonly error: { readonly kind: 'syntax' | 'upstream' | 'internal'; readonly message: string } }
  | { readonly type: 'progress'; readonly graphsLoaded: number; readonly graphsTotal: number }
  /** Loaded; `version`: the store version of what is loaded (the federation worker has none). */
  | { readonly type: 'ready'; readonly version?: string }
  /** Graphs whose content changed in memory after loading (replaced by this process, or picked up from disk). */
  | { readonly type: 'changed'; readonly graphs: readonly string[]; readonly version: string; readonly graphCount: number }
  | { readonly type: 'failed'; readonly message: string };

/** Options the worker starts with. */
export interface WorkerOptions {
  readonly dataDir: string;
  /** How often to look for graph files written by other processes (CLI harvests); 0 disables. */
  readonly pollMs: number;
}
