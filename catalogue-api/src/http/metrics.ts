import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RunningHarvests } from '../control/running-harvests.js';
import type { RunLog } from '../control/runs.js';
import type { SourceRegistry } from '../control/sources.js';
import type { QuadStore, SearchIndex } from '@fedcat/catalogue';

/**
 * Calls made while one is in flight share its answer. A scrape collects every gauge at once, so two gauges drawn
 * from the same reading (the graph list; each source's run status) read it once per scrape.
 */
function shared<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => (pending ??= read().finally(() => { pending = null; }));
}

export interface MetricsDeps {
  readonly store: QuadStore;
  readonly search: SearchIndex;
  readonly sources: SourceRegistry;
  readonly runs: RunLog;
  readonly running: RunningHarvests;
}

/**
 * Prometheus metrics of one API process, in a registry of its own: requests by route template (never by raw URL, so
 * the series stay few), their durations, the process (memory, event-loop delay, GC), and the catalogue's state read at
 * scrape time (documents, store, SPARQL cut-offs, sources by last outcome, running harvests, last success per source).
 */
export function metricsRegistry(app: FastifyInstance, deps: MetricsDeps): Registry {
  const register = new Registry();
  collectDefaultMetrics({ register, prefix: 'fedcat_' });
  const requests = new Counter({ name: 'fedcat_http_requests_total', help: 'HTTP requests answered, by method, route and status', labelNames: ['method', 'route', 'status'], registers: [register] });
  const duration = new Histogram({
    name: 'fedcat_http_request_duration_seconds', help: 'Time to answer an HTTP request, by method and route', labelNames: ['method', 'route'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers: [register],
  });
  // Labelled children kept per method, route and status: prom-client hashes label objects on every call otherwise.
  const counters = new Map<string, ReturnType<typeof requests.labels>>();
  const timers = new Map<string, ReturnType<typeof duration.labels>>();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${request.method} ${route}`;
    const status = `${key} ${reply.statusCode}`;
    let counter = counters.get(status);
    if (!counter) counters.set(status, counter = requests.labels(request.method, route, String(reply.statusCode)));
    let timer = timers.get(key);
    if (!timer) timers.set(key, timer = duration.labels(request.method, route));
    counter.inc();
    timer.observe(reply.elapsedTime / 1000);
    done();
  });

  new Gauge({ name: 'fedcat_search_documents', help: 'Datasets and data services in the search index', registers: [register],
    async collect() { this.set(await deps.search.count()); } });
  new Gauge({ name: 'fedcat_store_ready', help: '1 when the RDF store has loaded and answers queries', registers: [register],
    collect() { this.set(deps.store.state().status === 'ready' ? 1 : 0); } });
  const graphs = shared(async () => (deps.store.state().status === 'ready' ? deps.store.listGraphs() : []));
  new Gauge({ name: 'fedcat_store_graphs', help: 'Named graphs in the RDF store (0 while it loads)', registers: [register],
    async collect() { this.set((await graphs()).length); } });
  new Gauge({ name: 'fedcat_store_quads', help: 'Quads in the RDF store, all graphs (0 while it loads)', registers: [register],
    async collect() { this.set((await graphs()).reduce((n, g) => n + g.quads, 0)); } });
  new Gauge({ name: 'fedcat_sparql_queries_cut_off', help: 'Public SPARQL queries cut off at their time limit since start', registers: [register],
    collect() { this.set(deps.store.queryLaneState().restarts); } });
  new Gauge({ name: 'fedcat_harvests_running', help: 'Harvests in progress in any process on the data directory', registers: [register],
    async collect() { this.set((await deps.running.list()).length); } });
  const bySource = shared(async () => Promise.all((await deps.sources.list()).map(async (s) => ({ source: s, status: await deps.runs.status(s.id) }))));
  new Gauge({ name: 'fedcat_sources', help: 'Registered sources by the outcome of their last run (never: not harvested yet; paused)', labelNames: ['last_run'], registers: [register],
    async collect() {
      this.reset();
      for (const { source, status } of await bySource()) this.inc({ last_run: source.paused ? 'paused' : status.lastRun?.status ?? 'never' });
    } });
  new Gauge({ name: 'fedcat_source_last_success_timestamp_seconds', help: 'When each source was last harvested successfully (alert on stale sources)', labelNames: ['source'], registers: [register],
    async collect() {
      this.reset();
      for (const { source, status } of await bySource()) if (status.lastSuccess) this.set({ source: source.id }, Date.parse(status.lastSuccess.endedAt) / 1000);
    } });
  return register;
}
