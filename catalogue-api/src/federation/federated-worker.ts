import { parentPort } from 'node:worker_threads';
import type { PrivateAccess } from '@fedcat/harvester';
import type { Quad } from '@rdfjs/types';
import { QueryEngine } from '@comunica/query-sparql';
import { serialiseGraph } from '../rdf/serialise.js';
import type { QueryAnswer, QueryForm } from '@fedcat/catalogue';
import { classifySparql } from '../store/query-form.js';
import { formatSolutions } from '../store/solutions-format.js';
import type { WorkerMessage, WorkerRequest } from '../store/worker-protocol.js';
import { FEDERATION_HEADER } from './federation-header.js';
import { FetchRefused, guardedFetch } from './guarded-fetch.js';
import { formatBoolean, jsonTerm } from './rdfjs-results.js';

// Comunica runs here, off the API's event loop: joins over intermediate results are CPU work, and a query past its
// time limit is cut off by ending this thread.
const port = parentPort!;
const send = (m: WorkerMessage) => port.postMessage(m);

/** Reads up to `n` items from a stream, then stops it. */
function take<T>(stream: { on(e: string, f: (x: unknown) => void): unknown; destroy(): void }, n: number): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const items: T[] = [];
    const done = () => { stream.destroy(); resolve(items); };
    stream.on('data', (x) => { items.push(x as T); if (items.length >= n) done(); });
    stream.on('end', () => resolve(items));
    stream.on('error', (e) => reject(e as Error));
  });
}

async function answer(req: Extract<WorkerRequest, { op: 'federated' }>): Promise<QueryAnswer> {
  const kind = classifySparql(req.sparql);
  const form: QueryForm = kind.kind === 'query' ? kind.form : 'SELECT';
  const privateAccess: PrivateAccess = req.privateOrigins === 'all' ? { kind: 'all' } : { kind: 'origins', origins: new Set(req.privateOrigins) };
  const fetch = guardedFetch({ endpoints: req.endpoints, local: req.endpoints[0]!, localHeaders: { [FEDERATION_HEADER]: req.localKey }, privateAccess, deadline: Date.now() + req.timeoutMs });
  // A fresh engine with its caches emptied per query (1.5 ms): Comunica remembers sources and their answers by URL,
  // and a later query must see the sources as registered now and their current data.
  const engine = new QueryEngine();
  await engine.invalidateHttpCache();
  const result = await engine.query(req.sparql, { sources: req.endpoints.map((value) => ({ type: 'sparql' as const, value })), fetch, lenient: false });
  switch (result.resultType) {
    case 'boolean':
      return { form, mediaType: req.formats.solutions, body: formatBoolean(await result.execute(), req.formats.solutions) };
    case 'bindings': {
      const vars = (await result.metadata()).variables.map((v) => v.value);
      const rows = await take<{ forEach(f: (t: import('@rdfjs/types').Term, v: import('@rdfjs/types').Variable) => void): void }>(await result.execute(), req.resultCap + 1);
      const truncated = rows.length > req.resultCap;
      const bindings = rows.slice(0, req.resultCap).map((b) => {
        const row: Record<string, ReturnType<typeof jsonTerm>> = {};
        b.forEach((term, variable) => { row[variable.value] = jsonTerm(term); });
        return row;
      });
      return { form, mediaType: req.formats.solutions, body: formatSolutions({ head: { vars }, results: { bindings } }, req.formats.solutions), truncated };
    }
    case 'quads': {
      const quads = await take<Quad>(await result.execute(), req.resultCap + 1);
      return { form, mediaType: req.formats.graph, body: serialiseGraph(quads.slice(0, req.resultCap), req.formats.graph), truncated: quads.length > req.resultCap };
    }
    default:
      throw new Error('only queries run on the federated endpoint');
  }
}

/** What went wrong, as the API reports it: the query, a source endpoint, or fedcat itself. */
function classify(err: unknown): { kind: 'syntax' | 'upstream' | 'internal'; message: string } {
  const chain: unknown[] = [];
  for (let e: unknown = err; e && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e);
  const refused = chain.find((e) => e instanceof FetchRefused) as FetchRefused | undefined;
  if (refused) return { kind: 'upstream', message: refused.message };
  const message = err instanceof Error ? err.message : String(err);
  if (/Parse error|Unknown prefix|Expecting|Lexical error/i.test(message)) return { kind: 'syntax', message: message.split('\n')[0]! };
  if (/fedcat does not fetch/.test(message)) return { kind: 'upstream', message: /fedcat does not fetch[^\n]*/.exec(message)![0] };
  return { kind: 'upstream', message: message.split('\n')[0]!.slice(0, 500) };
}

port.on('message', (req: WorkerRequest) => {
  if (req.op !== 'federated') {
    send({ type: 'reply', id: req.id, ok: false, error: { kind: 'internal', message: `the federation worker does not do '${req.op}'` } });
    return;
  }
  answer(req).then(
    (result) => send({ type: 'reply', id: req.id, ok: true, result }),
    (err: unknown) => send({ type: 'reply', id: req.id, ok: false, error: classify(err) }),
  );
});
send({ type: 'ready' });
