import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SparqlStore } from '@fedcat/catalogue-api';
import { Parser } from 'n3';
import { expect, it } from 'vitest';
import { quadStoreContract } from '@fedcat/catalogue/testing';
import { QuerySyntax, StoreUnavailable } from '@fedcat/catalogue';
import { freePort } from '../support/processes.js';
import { describeWithVirtuoso, emptyStore, storeOptions } from '../support/virtuoso.js';


describeWithVirtuoso('SparqlStore on Virtuoso', (v) => {
  // Small load pieces, so replacing a graph of a few thousand triples takes several requests.
  quadStoreContract('SPARQL 1.1 store (Virtuoso), Graph Store Protocol loads', async () => {
    await emptyStore(v);
    return { connect: ({ pollMs }) => new SparqlStore(storeOptions(v, { pollMs, chunkTriples: 1000 })), dispose: () => emptyStore(v) };
  });
  quadStoreContract('SPARQL 1.1 store (Virtuoso), Update-only loads (no Graph Store endpoint)', async () => {
    await emptyStore(v);
    const { graphStoreUrl: _none, ...withoutGsp } = storeOptions(v, { chunkTriples: 1000 });
    return { connect: ({ pollMs }) => new SparqlStore({ ...withoutGsp, pollMs }), dispose: () => emptyStore(v) };
  });

  it('signs in with Digest where the store asks for it, and says so when the password is wrong', async () => {
    const wrong = new SparqlStore(storeOptions(v, { pollMs: 0, auth: { kind: 'user', user: v.user, password: 'not-it', scheme: 'auto' } }));
    await wrong.ready();
    await expect(wrong.replaceGraph('urn:fedcat:source:x', [])).rejects.toMatchObject({ code: 'CAT_STORE_FAILURE', message: expect.stringContaining('HTTP 401') });
    await wrong.close();
  });

  it('sends a load or swap the store rolled back over a deadlock again, and the graph arrives whole', async () => {
    await emptyStore(v);
    // Virtuoso itself, behind a loopback proxy that answers the first load and the first swap as Virtuoso answers
    // a deadlocked transaction (seen with two harvests loading at once, at 1M datasets).
    const upstream = new URL(v.queryUrl).origin;
    const deadlocked: string[] = [];
    const proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c)).on('end', async () => {
        const body = Buffer.concat(chunks);
        const kind = req.url?.includes('graph-crud') && req.method === 'POST' ? 'load' : /MOVE/.test(decodeURIComponent(body.toString())) ? 'swap' : null;
        if (kind && req.headers.authorization && !deadlocked.includes(kind)) {
          deadlocked.push(kind);
          return void res.writeHead(500, { 'content-type': 'text/plain' }).end('Virtuoso 40001 Error SR172: Transaction deadlocked\n');
        }
        const pass = (from: Iterable<[string, string | string[] | undefined]>, names: readonly string[]) =>
          Object.fromEntries([...from].filter(([k]) => names.includes(k.toLowerCase())).map(([k, val]) => [k, String(val)]));
        const answer = await fetch(`${upstream}${req.url}`, {
          method: req.method, headers: pass(Object.entries(req.headers), ['authorization', 'content-type', 'accept']), ...(body.length ? { body } : {}),
        });
        res.writeHead(answer.status, pass(answer.headers, ['content-type', 'www-authenticate', 'x-sql-state'])).end(Buffer.from(await answer.arrayBuffer()));
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const via = (url: string) => url.replace(upstream, `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
    const options = storeOptions(v, { pollMs: 0, backoffMs: 10 });
    const store = new SparqlStore({ ...options, queryUrl: via(options.queryUrl), updateUrl: via(options.updateUrl), graphStoreUrl: via(options.graphStoreUrl!) });
    await store.ready();
    const quads = new Parser().parse(Array.from({ length: 50 }, (_, i) => `<https://x/${i}> <http://purl.org/dc/terms/title> "t${i}" .`).join('\n'));
    await store.replaceGraph('urn:fedcat:source:deadlocked', quads);
    expect(deadlocked).toEqual(['load', 'swap']);
    expect(await store.listGraphs()).toEqual([{ graph: 'urn:fedcat:source:deadlocked', quads: 50 }]);
    expect((await store.readGraph('urn:fedcat:source:deadlocked')).length).toBe(50);
    await store.close();
    proxy.close();
    await emptyStore(v);
  });

  it('answers over many source graphs, though Virtuoso echoes each one as a response header', async () => {
    await emptyStore(v);
    const store = new SparqlStore(storeOptions(v, { pollMs: 0 }));
    await store.ready();
    // 60 graphs with long names: their X-SPARQL-default-graph and -named-graph headers pass 16 KB.
    const graphs = Array.from({ length: 60 }, (_, i) => `urn:fedcat:source:${'long-source-name-'.repeat(20)}${i}`);
    for (const [i, g] of graphs.entries()) await store.replaceGraph(g, new Parser().parse(`<https://x/${i}> <http://purl.org/dc/terms/title> "t${i}" .`));
    const answer = await store.query('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', { solutions: 'application/sparql-results+json', graph: 'application/n-triples' });
    expect(JSON.parse(answer.body).results.bindings[0].n.value).toBe('60');
    await store.close();
    await emptyStore(v);
  });

  it('runs a sorted query whose cap is above what Virtuoso sorts (MaxSortedTopRows) without the LIMIT, and cuts it itself', async () => {
    await emptyStore(v);
    const store = new SparqlStore(storeOptions(v, { pollMs: 0 }));
    await store.ready();
    await store.replaceGraph('urn:fedcat:source:sorted', new Parser().parse(Array.from({ length: 5 }, (_, i) => `<https://x/${i}> <http://purl.org/dc/terms/title> "t${i}" .`).join('\n')));
    const formats = { solutions: 'application/sparql-results+json', graph: 'application/n-triples' };
    // .ci/virtuoso sorts up to 1,000,000 rows: a cap of 2,000,000 asks LIMIT 2,000,001, which Virtuoso refuses (SR353).
    const answer = await store.query('SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s', formats, { resultCap: 2_000_000 });
    expect(JSON.parse(answer.body).results.bindings).toHaveLength(5);
    expect((await store.query('SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s', formats, { resultCap: 3 })).truncated).toBe(true);
    await store.close();
    await emptyStore(v);
  });

  it('refuses store-specific extensions before they reach the store', async () => {
    const store = new SparqlStore(storeOptions(v, { pollMs: 0 }));
    await store.ready();
    const formats = { solutions: 'application/sparql-results+json', graph: 'application/n-triples' };
    await expect(store.query('SELECT (<http://www.openlinksw.com/schemas/bif#file_to_string>("/etc/passwd") AS ?x) WHERE {}', formats)).rejects.toBeInstanceOf(QuerySyntax);
    await expect(store.query('DEFINE get:soft "soft" SELECT * FROM <http://example.org/> WHERE { ?s ?p ?o }', formats)).rejects.toBeInstanceOf(QuerySyntax);
    await store.close();
  });
});

it('reports a store it cannot reach as unavailable (503), quickly', async () => {
  const port = await freePort();
  const store = new SparqlStore({ queryUrl: `http://127.0.0.1:${port}/sparql`, updateUrl: `http://127.0.0.1:${port}/update`, auth: { kind: 'none' }, timeoutMs: 2000, retries: 1, backoffMs: 10, pollMs: 0 });
  await expect.poll(() => store.state().status).toBe('failed');
  expect(store.state().error).toMatch(/ECONNREFUSED/);
  await expect(store.query('ASK {}', { solutions: 'application/sparql-results+json', graph: 'application/n-triples' })).rejects.toBeInstanceOf(StoreUnavailable);
  await expect(store.replaceGraph('urn:fedcat:source:a', [])).rejects.toMatchObject({ code: 'CAT_STORE_UNAVAILABLE' });
  await store.close();
});
