import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { afterAll, describe, expect, it } from 'vitest';
import { OxigraphStore } from '../src/index.js';
import { quadStoreContract } from '@fedcat/catalogue/testing';
import { QuerySyntax } from '@fedcat/catalogue';

const dirs: string[] = [];
afterAll(async () => { for (const d of dirs) await rm(d, { recursive: true, force: true }); });
const tempDir = async () => { const d = await mkdtemp(join(tmpdir(), 'fedcat-store-')); dirs.push(d); return d; };
const ttl = (s: string) => new Parser().parse(`@prefix dct: <http://purl.org/dc/terms/>. ${s}`);
const FORMATS = { solutions: 'application/sparql-results+json', graph: 'application/n-triples' };
const titles = async (store: OxigraphStore) => {
  const a = await store.query('SELECT ?t WHERE { ?s <http://purl.org/dc/terms/title> ?t } ORDER BY ?t', FORMATS);
  return (JSON.parse(a.body) as { results: { bindings: { t: { value: string } }[] } }).results.bindings.map((b) => b.t.value);
};

quadStoreContract('embedded oxigraph', async () => {
  const dir = await tempDir();
  return { connect: ({ pollMs }) => new OxigraphStore({ dataDir: dir, pollMs }), dispose: () => rm(dir, { recursive: true, force: true }) };
});

describe('OxigraphStore', () => {
  it('replaces one graph without touching the others and queries their union', async () => {
    const store = new OxigraphStore({ dataDir: await tempDir(), pollMs: 0 });
    await store.ready();
    await store.replaceGraph('urn:fedcat:source:a', ttl('<https://x/1> dct:title "one".'));
    await store.replaceGraph('urn:fedcat:source:b', ttl('<https://x/2> dct:title "two".'));
    await store.replaceGraph('urn:fedcat:source:a', ttl('<https://x/3> dct:title "three".'));
    expect(await titles(store)).toEqual(['three', 'two']);
    expect(await store.listGraphs()).toEqual([{ graph: 'urn:fedcat:source:a', quads: 1 }, { graph: 'urn:fedcat:source:b', quads: 1 }]);
    await store.close();
  });

  it('lists a lazy store\'s graphs from its files, without loading the store (as migrate reads it)', async () => {
    const dir = await tempDir();
    const first = new OxigraphStore({ dataDir: dir, pollMs: 0 });
    // A statement written twice (records sharing a node's description) is one quad in the store.
    await first.replaceGraph('urn:fedcat:source:b', ttl('<https://x/1> dct:title "one". <https://x/2> dct:title "two". <https://x/1> dct:title "one".'));
    await first.replaceGraph('urn:fedcat:source:a', ttl('<https://x/3> dct:title "three".'));
    const listed = await first.listGraphs();
    await first.close();
    const lazy = new OxigraphStore({ dataDir: dir, pollMs: 0, lazy: true });
    expect(await lazy.listGraphs()).toEqual(listed);
    expect(listed).toEqual([{ graph: 'urn:fedcat:source:a', quads: 1 }, { graph: 'urn:fedcat:source:b', quads: 2 }]);
    expect(lazy.state().status).toBe('loading');
    expect((await lazy.readGraph('urn:fedcat:source:b')).length).toBe(3); // as written: the target store keeps one
    await lazy.close();
  });

  it('survives a restart: the data directory is loaded again', async () => {
    const dir = await tempDir();
    const first = new OxigraphStore({ dataDir: dir, pollMs: 0 });
    await first.replaceGraph('urn:fedcat:source:a', ttl('<https://x/1> dct:title "kept".'));
    await first.close();
    const second = new OxigraphStore({ dataDir: dir, pollMs: 0 });
    await second.ready();
    expect(second.state()).toMatchObject({ status: 'ready', graphsTotal: 1 });
    expect(await titles(second)).toEqual(['kept']);
    await second.close();
  });

  it('picks up graphs written by another process (a CLI harvest) while running', async () => {
    const dir = await tempDir();
    const server = new OxigraphStore({ dataDir: dir, pollMs: 50 });
    await server.ready();
    const cli = new OxigraphStore({ dataDir: dir, lazy: true });
    await cli.replaceGraph('urn:fedcat:source:cli', ttl('<https://x/9> dct:title "from the cli".'));
    await expect.poll(() => titles(server), { timeout: 5000 }).toEqual(['from the cli']);
    await server.close();
  });

  it('shows a graph it wrote at once and keeps it, even while its poll of the disk runs', async () => {
    // The poll lists the directory, then reads; a graph written in between must not be taken for a removed one.
    const store = new OxigraphStore({ dataDir: await tempDir(), pollMs: 1 });
    await store.ready();
    const ask = async (graph: string) => JSON.parse((await store.query(`ASK { GRAPH <${graph}> { ?s ?p ?o } }`, FORMATS)).body).boolean as boolean;
    const missing: string[] = [];
    for (let i = 0; i < 150; i++) {
      const graph = `urn:fedcat:source:g${i}`;
      await store.replaceGraph(graph, ttl(`<https://x/${i}> dct:title "${'t'.repeat(2000)}${i}".`));
      if (!(await ask(graph))) missing.push(graph);
      await new Promise((r) => setTimeout(r, i % 7));
      if (!(await ask(graph))) missing.push(`${graph} (later)`);
    }
    expect(missing).toEqual([]);
    await store.close();
  }, 30_000);

  it('answers a malformed query with a syntax error', async () => {
    const store = new OxigraphStore({ dataDir: await tempDir(), pollMs: 0 });
    await expect(store.query('SELECT WHERE {', FORMATS)).rejects.toBeInstanceOf(QuerySyntax);
    await store.close();
  });
});
