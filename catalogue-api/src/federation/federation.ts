import { randomBytes } from 'node:crypto';
import { type PrivateAccess } from '@fedcat/harvester';
import { sourceKind, StoreUnavailable, type AnswerFormats, type QueryAnswer, type QueryOptions, type StoreState } from '@fedcat/catalogue';
import type { SourceRegistry } from '../control/sources.js';
import { QueryPool } from '../store/query-pool.js';
import { StoreWorker } from '../store/store-worker.js';

export { FEDERATION_HEADER } from './federation-header.js';

export interface FederationDeps {
  readonly sources: SourceRegistry;
  /** Which private addresses registered endpoints may resolve to (the harvest's policy). */
  readonly privateAccess: PrivateAccess;
  /** The catalogue's own SPARQL endpoint as this process listens on it; null before it listens. */
  readonly localEndpoint: () => string | null;
}

/**
 * Federated SPARQL: a query over the catalogue's own endpoint plus the SPARQL endpoints of registered, unpaused
 * sources, and nothing else. Comunica runs in a worker of its own, one query at a time, cut off at the time limit
 * like the public endpoint's queries. The catalogue is asked over loopback HTTP, through its public endpoint (same
 * time limit), with a per-process key that lets the federation's sub-queries past the result cap: a cut
 * intermediate result would make a wrong answer.
 */
export class Federation {
  readonly key = randomBytes(16).toString('hex');
  private readonly lane = new QueryPool(() => new StoreWorker({ dataDir: '', pollMs: 0 }, 'federation/federated-worker.js'), 1);

  constructor(private readonly deps: FederationDeps) {}

  /** Always ready: the worker starts with the first query. */
  state(): StoreState {
    return { status: 'ready', graphsLoaded: 0, graphsTotal: 0 };
  }

  /** The endpoints a query now goes to: the catalogue's first. */
  async endpoints(): Promise<string[]> {
    const local = this.deps.localEndpoint();
    if (!local) throw new StoreUnavailable('the server is not listening yet');
    const remote = (await this.deps.sources.list()).filter((s) => sourceKind(s) === 'sparql' && !s.paused).map((s) => s.url);
    return [local, ...new Set(remote)];
  }

  async query(sparql: string, formats: AnswerFormats, options: QueryOptions = {}): Promise<QueryAnswer> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const access = this.deps.privateAccess;
    return this.lane.query({
      op: 'federated', sparql, formats, endpoints: await this.endpoints(), resultCap: options.resultCap ?? 10_000, localKey: this.key,
      // A second more than the lane's limit: the lane's cut-off (a timeout) answers, not a fetch aborted a moment before it.
      timeoutMs: timeoutMs + 1000,
      privateOrigins: access.kind === 'all' ? 'all' : access.kind === 'origins' ? [...access.origins] : [],
    }, timeoutMs, options.client);
  }

  /** How often a federated query was cut off at its limit. */
  restarts(): number {
    return this.lane.state().restarts;
  }

  close(): Promise<void> {
    return this.lane.close();
  }
}
