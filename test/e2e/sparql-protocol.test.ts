import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quad, Term } from '@rdfjs/types';
import { buildApp, loadConfig, openRuntime, type Runtime } from '@fedcat/catalogue-api';
import { parseRdf } from '@fedcat/harvester';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The W3C SPARQL 1.1 Protocol tests, driven by their manifest, against fedcat's endpoint over real HTTP.
// fedcat's endpoint is read-only: the update tests that expect an update to succeed are left out (fedcat answers
// 403); every query test and every "bad request" test, updates included, runs.

const SUITE = new URL('../../../shared/reference/w3c/sparql11-protocol/', import.meta.url);
const MANIFEST = new URL('manifest.ttl', SUITE).href;
const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  mf: 'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#', ht: 'http://www.w3.org/2011/http#',
  cnt: 'http://www.w3.org/2011/content#', ut: 'http://www.w3.org/2009/sparql/tests/test-update#',
  hts: 'http://www.w3.org/2011/http-statusCodes#',
};

interface ProtocolRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | null;
  readonly expect: { readonly statuses: string[]; readonly format: string | null; readonly boolean: boolean | null };
}
interface ProtocolTest { readonly id: string; readonly name: string; readonly graphs: { file: string; name: string }[]; readonly requests: ProtocolRequest[] }

/** Reads the manifest: entries in order, each with its fixture graphs and its requests with what they must answer. */
async function readManifest(): Promise<ProtocolTest[]> {
  const quads = await parseRdf(await readFile(new URL(MANIFEST), 'utf8'), 'turtle', MANIFEST, 'manifest');
  const objects = (s: Term, p: string) => quads.filter((q) => q.subject.equals(s) && q.predicate.value === p).map((q) => q.object);
  const one = (s: Term, p: string): Term | undefined => objects(s, p)[0];
  const collection = (head: Term | undefined): Term[] => {
    const out: Term[] = [];
    for (let node = head; node && node.value !== `${NS.rdf}nil`; node = one(node, `${NS.rdf}rest`)) out.push(one(node, `${NS.rdf}first`)!);
    return out;
  };
  const manifest = quads.find((q: Quad) => q.predicate.value === `${NS.mf}entries`)!;
  return collection(manifest.object).map((entry) => {
    const action = one(entry, `${NS.mf}action`)!;
    return {
      id: entry.value.split('#').pop()!,
      name: one(entry, `${NS.mf}name`)?.value ?? '',
      graphs: objects(entry, `${NS.ut}graphData`).map((g) => ({ file: one(g, `${NS.ut}graph`)!.value, name: one(g, `${NS.rdfs}label`)!.value })),
      requests: collection(one(action, `${NS.ht}requests`)).map((r) => {
        const body = one(r, `${NS.ht}body`);
        const encoding = body ? one(body, `${NS.cnt}characterEncoding`)?.value ?? 'UTF-8' : 'UTF-8';
        const chars = body ? one(body, `${NS.cnt}chars`)!.value : null;
        const resp = one(r, `${NS.ht}resp`)!;
        const expectedBoolean = one(resp, `${NS.mf}expectedBoolean`)?.value;
        return {
          method: one(r, `${NS.ht}methodName`)!.value,
          path: one(r, `${NS.ht}absolutePath`)!.value,
          headers: Object.fromEntries(collection(one(r, `${NS.ht}headers`)).map((h) => [one(h, `${NS.ht}fieldName`)!.value, one(h, `${NS.ht}fieldValue`)!.value])),
          body: chars === null ? null : Buffer.from(chars, encoding.toUpperCase() === 'UTF-16' ? 'utf16le' : 'utf8'),
          expect: {
            statuses: objects(resp, `${NS.mf}expectedStatus`).map((s) => s.value.replace(NS.hts, '')),
            format: one(resp, `${NS.mf}expectedFormat`)?.value ?? null,
            boolean: expectedBoolean === undefined ? null : expectedBoolean === 'true',
          },
        };
      }),
    };
  });
}

const FORMATS: Record<string, RegExp> = {
  boolean: /^application\/sparql-results\+(json|xml)/,
  tabular: /^(application\/sparql-results\+(json|xml)|text\/csv|text\/tab-separated-values)/,
  RDF: /^(text\/turtle|application\/n-triples|application\/rdf\+xml|application\/ld\+json|application\/n-quads)/,
};

let dir: string;
let runtime: Runtime;
let app: FastifyInstance;
let base: string;
let tests: ProtocolTest[];

beforeAll(async () => {
  tests = await readManifest();
  dir = await mkdtemp(join(tmpdir(), 'fedcat-sparql-protocol-'));
  runtime = openRuntime(loadConfig({ FEDCAT_DATA_DIR: dir }));
  const fixtures = new Map(tests.flatMap((t) => t.graphs).map((g) => [g.name, g.file]));
  for (const [name, file] of fixtures) {
    await runtime.store.replaceGraph(name, await parseRdf(await readFile(new URL(file), 'utf8'), 'n-triples', file, 'fixture'));
  }
  await runtime.store.ready();
  app = await buildApp({ ...runtime });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app?.close();
  await runtime?.close();
  await rm(dir, { recursive: true, force: true });
});

const READ_ONLY_SKIPS = /^update_/;

describe('the W3C SPARQL 1.1 Protocol tests (query side, and every bad request)', () => {
  it('reads the whole manifest', () => {
    expect(tests.length).toBe(34);
    expect(tests.filter((t) => !READ_ONLY_SKIPS.test(t.id)).length).toBe(27);
  });

  it.each(['query_post_form', 'query_dataset_default_graphs_get', 'query_dataset_default_graphs_post', 'query_dataset_named_graphs_post',
    'query_dataset_named_graphs_get', 'query_dataset_full', 'query_multiple_dataset', 'query_get', 'query_content_type_select',
    'query_content_type_ask', 'query_content_type_describe', 'query_content_type_construct', 'query_post_direct', 'bad_query_method',
    'bad_multiple_queries', 'bad_query_wrong_media_type', 'bad_query_missing_form_type', 'bad_query_missing_direct_type', 'bad_query_non_utf8',
    'bad_query_syntax', 'bad_update_get', 'bad_multiple_updates', 'bad_update_wrong_media_type', 'bad_update_missing_form_type',
    'bad_update_non_utf8', 'bad_update_syntax', 'bad_update_dataset_conflict'])('%s', async (id) => {
    const test = tests.find((t) => t.id === id)!;
    for (const req of test.requests) {
      const res = await fetch(`${base}${req.path}`, { method: req.method, headers: req.headers, body: req.body ?? undefined });
      const text = await res.text();
      const status = `StatusCode${String(res.status)[0]}xx`;
      expect(req.expect.statuses, `${test.name}: HTTP ${res.status} ${text.slice(0, 200)}`).toContain(status);
      if (req.expect.format) expect(res.headers.get('content-type'), test.name).toMatch(FORMATS[req.expect.format]!);
      if (req.expect.boolean !== null) expect(JSON.parse(text).boolean, test.name).toBe(req.expect.boolean);
    }
  });
});

describe('a query naming remote data', () => {
  it('never fetches what FROM or SERVICE names (a listener counts the hits)', async () => {
    const { createServer } = await import('node:http');
    let hits = 0;
    const listener = createServer((_req, res) => { hits++; res.writeHead(200, { 'content-type': 'text/turtle' }).end('<urn:a> <urn:b> <urn:c> .'); });
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    const remote = `http://127.0.0.1:${(listener.address() as { port: number }).port}/data.ttl`;
    try {
      const from = await fetch(`${base}/sparql?query=${encodeURIComponent(`ASK FROM <${remote}> { ?s ?p ?o }`)}`, { headers: { accept: 'application/sparql-results+json' } });
      expect(from.status).toBe(200);
      expect((await from.json() as { boolean: boolean }).boolean).toBe(false);
      const service = await fetch(`${base}/sparql?query=${encodeURIComponent(`SELECT * { SERVICE <${remote}> { ?s ?p ?o } }`)}`);
      expect(service.status).toBe(400);
      expect(await service.text()).toMatch(/SERVICE is not available/);
      expect(service.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(hits).toBe(0);
    } finally {
      listener.close();
    }
  });
});
