import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Parser } from 'n3';
import { defaultProfile, loadValidator } from '@fedcat/shapes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harvestedApp } from './support.js';

// A catalogue written for DCAT-AP, not for DCAT-AP-NL: no creator, identifier or contact point.
const plainDcatAp = (host: string) => `@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>.
<https://${host}/d1> a dcat:Dataset; dct:title "Air quality"@en; dct:description "Hourly measurements"@en;
  dcat:distribution [ a dcat:Distribution; dcat:accessURL <https://${host}/air.csv> ].`;
const server = createServer((req, res) => {
  const host = /^\/(\w+)\.ttl$/.exec(req.url ?? '')?.[1];
  if (!host) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/turtle' }).end(plainDcatAp(`${host}.example.eu`));
});
let env: Awaited<ReturnType<typeof harvestedApp>>;
const admin = () => ({ authorization: `Bearer ${env.runtime.tokens.create({ role: 'admin', name: 'operators' }, { kind: 'system', reason: 'test' }).token}` });

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  env = await harvestedApp([
    { id: 'nl', url: `http://${origin}/nl.ttl` },
    { id: 'eu', url: `http://${origin}/eu.ttl`, profile: 'dcat-ap-3.0.1' },
  ], { FEDCAT_HARVEST_ALLOW_PRIVATE: origin });
});
afterAll(async () => {
  await env?.close();
  server.close();
});

describe('validation profiles per source', () => {
  it('gates with DCAT-AP-NL 3.0 by default: a plain DCAT-AP record is quarantined, with what it lacks', async () => {
    const [run] = await env.runtime.runs.history('nl');
    expect(run?.stats?.validation.profile).toBe('dcat-ap-nl-3.0');
    expect(run?.stats?.records).toMatchObject({ added: 0, invalid: 1 });
    const lacking = run?.stats?.problems[0]?.results.map((r) => r.path);
    expect(lacking).toEqual(expect.arrayContaining(['http://purl.org/dc/terms/creator', 'http://purl.org/dc/terms/identifier', 'http://www.w3.org/ns/dcat#contactPoint']));
  });

  it('gates a source registered with its own profile by that profile: the same kind of record is accepted', async () => {
    const [run] = await env.runtime.runs.history('eu');
    expect(run?.stats?.validation.profile).toBe('dcat-ap-3.0.1');
    expect(run?.stats?.records).toMatchObject({ added: 1, invalid: 0 });
    expect((await env.runtime.search.search({})).hits.map((h) => h.document.iri)).toEqual(['https://eu.example.eu/d1']);
  });

  it('shows, changes and refuses profiles through the sources API', async () => {
    const eu = await env.app.inject({ method: 'GET', url: '/v1/sources/eu/settings', headers: admin() });
    expect(eu.json()).toMatchObject({ profile: 'dcat-ap-3.0.1' });
    const nl = await env.app.inject({ method: 'GET', url: '/v1/sources/nl/settings', headers: admin() });
    expect(nl.json()).toMatchObject({ profile: null });
    const changed = await env.app.inject({ method: 'PATCH', url: '/v1/sources/nl', headers: { ...admin(), 'content-type': 'application/merge-patch+json' }, payload: { profile: 'dcat-ap-3.0.1' } });
    expect(changed.json()).toMatchObject({ profile: 'dcat-ap-3.0.1' });
    const unknown = await env.app.inject({ method: 'PATCH', url: '/v1/sources/nl', headers: { ...admin(), 'content-type': 'application/merge-patch+json' }, payload: { profile: 'dcat-ap-9' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('the demo catalogues', () => {
  it('pass the default profile (DCAT-AP-NL 3.0 on DCAT-AP 3.0.1) without a violation', async () => {
    const dir = new URL('../demo/', import.meta.url);
    const validator = await loadValidator(defaultProfile);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.ttl'));
    expect(files.length).toBe(4);
    for (const f of files) {
      const summary = await validator.validate(new Parser().parse(await readFile(new URL(f, dir), 'utf8')));
      expect({ file: f, violations: summary.violations, results: summary.results.filter((r) => r.severity === 'violation') }).toEqual({ file: f, violations: 0, results: [] });
    }
  });
});
