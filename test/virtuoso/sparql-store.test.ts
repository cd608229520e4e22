import { SparqlStore } from '@fedcat/catalogue-api';
import { expect, it } from 'vitest';
import { quadStoreContract } from '../../catalogue-api/test/store-contract.js';
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
    await expect(wrong.replaceGraph('urn:fedcat:source:x', [])).rejects.toMatchObject({ statusCode: 500, message: expect.stringContaining('HTTP 401') });
    await wrong.close();
  });

  it('refuses store-specific extensions before they reach the store', async () => {
    const store = new SparqlStore(storeOptions(v, { pollMs: 0 }));
    await store.ready();
    const formats = { solutions: 'application/sparql-results+json', graph: 'application/n-triples' };
    await expect(store.query('SELECT (<http://www.openlinksw.com/schemas/bif#file_to_string>("/etc/passwd") AS ?x) WHERE {}', formats)).rejects.toMatchObject({ statusCode: 400 });
    await expect(store.query('DEFINE get:soft "soft" SELECT * FROM <http://example.org/> WHERE { ?s ?p ?o }', formats)).rejects.toMatchObject({ statusCode: 400 });
    await store.close();
  });
});

it('reports a store it cannot reach as unavailable (503), quickly', async () => {
  const port = await freePort();
  const store = new SparqlStore({ queryUrl: `http://127.0.0.1:${port}/sparql`, updateUrl: `http://127.0.0.1:${port}/update`, auth: { kind: 'none' }, timeoutMs: 2000, retries: 1, backoffMs: 10, pollMs: 0 });
  await expect.poll(() => store.state().status).toBe('failed');
  expect(store.state().error).toMatch(/ECONNREFUSED/);
  await expect(store.query('ASK {}', { solutions: 'application/sparql-results+json', graph: 'application/n-triples' })).rejects.toMatchObject({ statusCode: 503, code: 'CAT_STORE_UNAVAILABLE' });
  await expect(store.replaceGraph('urn:fedcat:source:a', [])).rejects.toMatchObject({ statusCode: 503 });
  await store.close();
});
