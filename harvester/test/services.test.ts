import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Parser, Store } from 'n3';
import { fedcat } from '@fedcat/vocab';
import {
  checkDesignRules, checkPdpMetadata, defaultFetchPolicy, describeServices, emptyServiceCache, lifecycleStatus,
  parseOpenApi, parsePrivateAccess, serviceTargets, summariseOpenApi,
} from '../src/index.js';
import { localServer } from '../src/testing.js';

// Data services' OpenAPI descriptions and PDP metadata, fetched from loopback as another organisation serves them.

const FIXTURES = new URL('../../test/fixtures/service-directory/', import.meta.url);
const fixture = (name: string) => readFile(new URL(name, FIXTURES), 'utf8');

let site: Awaited<ReturnType<typeof localServer>>;
let elsewhere: Awaited<ReturnType<typeof localServer>>;
const hits: string[] = [];
let elsewhereHits = 0;
let pdpMetadata = '';

beforeAll(async () => {
  elsewhere = await localServer((_req, res) => { elsewhereHits++; res.writeHead(200, { 'content-type': 'application/json' }).end('{}'); });
  const files: Record<string, { file: string; type: string; cors?: boolean }> = {
    '/api/parkeren/v1/openapi.json': { file: 'parkeren-openapi.json', type: 'application/json', cors: true },
    '/docs/vergunningen.yaml': { file: 'vergunningen-openapi.yaml', type: 'application/yaml' },
  };
  site = await localServer(async (req, res) => {
    hits.push(req.url ?? '');
    const served = files[req.url ?? ''];
    if (served) {
      const body = (await fixture(served.file)).replaceAll('{{origin}}', site.origin);
      return void res.writeHead(200, { 'content-type': served.type, ...(served.cors ? { 'access-control-allow-origin': '*' } : {}) }).end(body);
    }
    if (req.url === '/pdp/.well-known/authzen-configuration') return void res.writeHead(200, { 'content-type': 'application/json' }).end(pdpMetadata);
    if (req.url === '/refs/openapi.json') {
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
        openapi: '3.0.3', info: { title: 'refs', version: '1.0.0' }, paths: { '/x': { get: { responses: { 200: { $ref: `${elsewhere.origin}/evil.json` } } } } },
      }));
    }
    if (req.url === '/laughs/openapi.json') {
      const lines = ['openapi: 3.0.3', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let i = 1; i < 20; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
      return void res.writeHead(200, { 'content-type': 'application/yaml' }).end(lines.join('\n'));
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  pdpMetadata = JSON.stringify({ policy_decision_point: `${site.origin}/pdp`, access_evaluation_endpoint: `${site.origin}/pdp/access/v1/evaluation` });
});
afterAll(async () => { await site.close(); await elsewhere.close(); });

const policy = () => ({ ...defaultFetchPolicy, privateAccess: parsePrivateAccess(site.hostPort) });

const catalogue = (origin: string) => new Parser().parse(`
@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix fedcat: <https://w3id.org/fedcat/ns#> .
<https://example.org/s/parkeren> a dcat:DataService ; dcat:endpointURL <${origin}/api/parkeren/v1> ;
  fedcat:policyDecisionPoint <https://example.org/pdp/1> .
<https://example.org/pdp/1> fedcat:authzenConfiguration <${origin}/pdp/.well-known/authzen-configuration> .
<https://example.org/s/vergunningen> a dcat:DataService ; dcat:endpointURL <${origin}/api/vergunningen> ;
  dcat:endpointDescription <${origin}/docs/vergunningen.yaml> .
<https://example.org/s/weg> a dcat:DataService ; dcat:endpointURL <${origin}/api/weg/v1> .`);

describe('where a data service is described', () => {
  it('takes dcat:endpointDescription, else the endpoint URL with /openapi.json, and the PDP metadata it names', () => {
    const targets = serviceTargets(catalogue('https://api.example.org'));
    expect(targets.map((t) => [t.iri, t.descriptionUrl, t.descriptionFrom, t.pdps.map((p) => p.configurationUrl)])).toEqual([
      ['https://example.org/s/parkeren', 'https://api.example.org/api/parkeren/v1/openapi.json', 'endpointURL', ['https://api.example.org/pdp/.well-known/authzen-configuration']],
      ['https://example.org/s/vergunningen', 'https://api.example.org/docs/vergunningen.yaml', 'endpointDescription', []],
      ['https://example.org/s/weg', 'https://api.example.org/api/weg/v1/openapi.json', 'endpointURL', []],
    ]);
  });
});

describe('an API lifecycle', () => {
  it('is active, deprecated once its date has come, sunset while a sunset date is announced, retired after it', () => {
    expect(lifecycleStatus(null, null, '2026-11-22')).toBe('active');
    expect(lifecycleStatus('2027-01-01', null, '2026-11-22')).toBe('active');
    expect(lifecycleStatus('2026-01-01', null, '2026-11-22')).toBe('deprecated');
    expect(lifecycleStatus('2026-01-01', '2027-06-30', '2026-11-22')).toBe('sunset');
    expect(lifecycleStatus('2026-01-01', '2026-06-30', '2026-11-22')).toBe('retired');
  });
});

describe('the API Design Rules check', () => {
  it('passes every checked rule for a description that follows them', async () => {
    const text = (await fixture('parkeren-openapi.json')).replaceAll('{{origin}}', 'https://api.example.org');
    const doc = await parseOpenApi(text);
    expect(doc.errors).toEqual([]);
    const summary = summariseOpenApi(doc.resolved, 'https://api.example.org/api/parkeren/v1/openapi.json');
    expect(summary).toMatchObject({ title: 'Parkeren API', version: '1.2.0', servers: [{ url: 'https://api.example.org/api/parkeren/v1', description: 'productie' }], authTypes: ['oauth2'], deprecatedOn: null });
    const report = checkDesignRules(doc.resolved, doc.errors, { url: 'https://api.example.org/api/parkeren/v1/openapi.json', corsAllowOrigin: '*' }, summary.servers.map((x) => x.url));
    expect(report.findings.filter((f) => !f.passed)).toEqual([]);
    expect(report.findings.map((f) => f.rule)).toEqual([
      '/core/doc-openapi', '/core/publish-openapi', '/core/uri-version', '/core/semver', '/core/version-header',
      '/core/error-handling/problem-details', '/core/no-trailing-slash', '/core/path-segments-kebab-case',
      '/core/query-keys-camel-case', '/core/http-methods', '/core/doc-openapi-contact',
    ]);
    expect(report.score).toBe(100);
  });

  it('names each broken rule with what breaks it, and scores as the API register does', async () => {
    const text = (await fixture('vergunningen-openapi.yaml')).replaceAll('{{origin}}', 'https://api.example.org');
    const doc = await parseOpenApi(text);
    const summary = summariseOpenApi(doc.resolved, 'https://api.example.org/docs/vergunningen.yaml');
    expect(summary).toMatchObject({ version: 'v2', authTypes: ['api_key', 'basic'], deprecatedOn: '2026-01-01', sunsetOn: '2099-12-31' });
    const report = checkDesignRules(doc.resolved, doc.errors, { url: 'https://api.example.org/docs/vergunningen.yaml', corsAllowOrigin: null }, summary.servers.map((x) => x.url));
    const failed = Object.fromEntries(report.findings.filter((f) => !f.passed).map((f) => [f.rule, f.detail]));
    expect(failed).toEqual({
      '/core/publish-openapi': 'served at https://api.example.org/docs/vergunningen.yaml, not at https://api.example.org/api/vergunningen/openapi.json; Access-Control-Allow-Origin is absent, not *',
      '/core/uri-version': 'no /v{major} in https://api.example.org/api/vergunningen',
      '/core/semver': 'info.version "v2" is not major.minor.patch',
      '/core/version-header': 'no API-Version header on GET /Vergunningen/ 200, OPTIONS /vergunningen/{id} 204',
      '/core/error-handling/problem-details': 'not problem+json: GET /Vergunningen/ 500',
      '/core/no-trailing-slash': 'trailing slash: /Vergunningen/',
      '/core/path-segments-kebab-case': 'not kebab-case: /Vergunningen/',
      '/core/query-keys-camel-case': 'not camelCase: aanvraag_datum',
      '/core/http-methods': 'other methods: OPTIONS /vergunningen/{id}',
      '/core/doc-openapi-contact': 'no info.contact',
    });
    // The same findings in Dutch, for the Dutch UI.
    const dutch = Object.fromEntries(report.findings.filter((f) => !f.passed).map((f) => [f.rule, f.text.nl]));
    expect(dutch).toMatchObject({
      '/core/publish-openapi': 'gepubliceerd op https://api.example.org/docs/vergunningen.yaml, niet op https://api.example.org/api/vergunningen/openapi.json; Access-Control-Allow-Origin ontbreekt (moet * zijn)',
      '/core/semver': 'info.version "v2" is geen major.minor.patch',
      '/core/version-header': 'geen API-Version-header bij GET /Vergunningen/ 200, OPTIONS /vergunningen/{id} 204',
      '/core/doc-openapi-contact': 'geen info.contact',
    });
    expect(report.findings.every((f) => f.text.en === f.detail)).toBe(true);
    // 11 rules measured, 10 failed: round((1 - 10/11) * 100) = 9.
    expect(report.findings).toHaveLength(11);
    expect(report.score).toBe(9);
  });
});

describe('AuthZEN PDP metadata', () => {
  it('is valid when policy_decision_point is the identifier its URL was built from and it names an evaluation endpoint', () => {
    const url = 'https://pdp.example.nl/tenant/.well-known/authzen-configuration';
    expect(checkPdpMetadata(JSON.stringify({ policy_decision_point: 'https://pdp.example.nl', access_evaluation_endpoint: 'https://pdp.example.nl/access/v1/evaluation' }), 'https://pdp.example.nl/.well-known/authzen-configuration'))
      .toMatchObject({ status: 'valid', problems: [] });
    expect(checkPdpMetadata(JSON.stringify({ policy_decision_point: 'https://other.example.nl', search_subject_endpoint: 'not a url' }), url)).toMatchObject({
      status: 'invalid',
      problems: [
        'policy_decision_point is https://other.example.nl, not https://pdp.example.nl/tenant (the identifier the metadata URL was built from)',
        'access_evaluation_endpoint is missing or not a URL',
        'search_subject_endpoint is not a URL',
      ],
    });
    expect(checkPdpMetadata('<html/>', url).problems).toEqual(['not JSON']);
  });
});

describe('describing a source’s data services', () => {
  it('fetches each description once, stores summary, design rules, ADR score and PDP check as RDF, and reuses fresh results', async () => {
    const now = () => new Date('2026-11-22T10:00:00Z');
    const before = hits.length;
    const first = await describeServices(catalogue(site.origin), emptyServiceCache, { policy: policy() }, { now, genid: 'https://fedcat.example/.well-known/genid/s/' });
    expect(hits.slice(before).sort()).toEqual(['/api/parkeren/v1/openapi.json', '/api/weg/v1/openapi.json', '/docs/vergunningen.yaml', '/pdp/.well-known/authzen-configuration']);
    expect(first.stats).toEqual({ services: 3, fetched: 4, valid: 2, invalid: 0, unreachable: 1, pdps: 1 });
    const parkeren = first.cache.descriptions[`${site.origin}/api/parkeren/v1/openapi.json`]!;
    expect(parkeren).toMatchObject({ status: 'valid', httpStatus: 200, corsAllowOrigin: '*', rules: { score: 100 } });
    expect(parkeren.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.cache.descriptions[`${site.origin}/api/weg/v1/openapi.json`]).toMatchObject({ status: 'unreachable', httpStatus: 404 });
    expect(first.cache.pdps[`${site.origin}/pdp/.well-known/authzen-configuration`]).toMatchObject({ status: 'valid', problems: [] });

    const store = new Store([...first.quads]);
    const [description] = store.getObjects('https://example.org/s/vergunningen', fedcat.apiDescription, null);
    expect(store.getObjects(description!, fedcat.descriptionStatus, null).map((o) => o.value)).toEqual(['valid']);
    expect(store.getObjects(description!, fedcat.authType, null).map((o) => o.value).sort()).toEqual(['api_key', 'basic']);
    expect(store.getObjects(description!, fedcat.sunsetOn, null).map((o) => o.value)).toEqual(['2099-12-31']);
    expect(store.getObjects(description!, fedcat.designRuleResult, null)).toHaveLength(11);
    expect(store.getObjects('https://example.org/pdp/1', fedcat.pdpCheck, null)).toHaveLength(1);

    const again = hits.length;
    const second = await describeServices(catalogue(site.origin), first.cache, { policy: policy() }, { now, genid: 'https://fedcat.example/.well-known/genid/s/' });
    expect(hits.length).toBe(again);
    expect(second.digest).toBe(first.digest);
    expect(second.quads.length).toBe(first.quads.length);
  });

  it('never fetches an external $ref, caps YAML aliases, and refuses addresses outside the harvest policy', async () => {
    const now = () => new Date('2026-11-22T10:00:00Z');
    const quads = new Parser().parse(`@prefix dcat: <http://www.w3.org/ns/dcat#> .
      <https://example.org/s/refs> a dcat:DataService ; dcat:endpointURL <${site.origin}/refs> .
      <https://example.org/s/laughs> a dcat:DataService ; dcat:endpointURL <${site.origin}/laughs> .
      <https://example.org/s/private> a dcat:DataService ; dcat:endpointURL <${elsewhere.origin}/api> .`);
    const t0 = performance.now();
    const result = await describeServices(quads, emptyServiceCache, { policy: policy() }, { now, genid: 'https://fedcat.example/.well-known/genid/s/' });
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(elsewhereHits).toBe(0);
    expect(result.cache.descriptions[`${site.origin}/laughs/openapi.json`]).toMatchObject({ status: 'invalid' });
    expect(result.cache.descriptions[`${site.origin}/laughs/openapi.json`]!.problem).toMatch(/neither JSON nor YAML|alias/i);
    expect(result.cache.descriptions[`${elsewhere.origin}/api/openapi.json`]).toMatchObject({ status: 'unreachable', httpStatus: 0 });
    expect(result.cache.descriptions[`${elsewhere.origin}/api/openapi.json`]!.problem).toMatch(/non-public/);
  });
});

describe('reading an FSC Directory', () => {
  it('follows the cursor of /peers and /services, keeps what FSC requires and skips a listing without a name', async () => {
    const { readFscDirectory } = await import('../src/index.js');
    const { HostLimiter } = await import('../src/index.js');
    const seen: string[] = [];
    const dir = await localServer(async (req, res) => {
      seen.push(req.url ?? '');
      const url = new URL(req.url ?? '/', 'http://x');
      const file = url.pathname === '/fsc/v1/peers' ? 'fsc-peers.json'
        : url.pathname === '/fsc/v1/services' ? (url.searchParams.get('cursor') === 'page-2' ? 'fsc-services-2.json' : 'fsc-services-1.json') : null;
      if (!file) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(await fixture(file));
    });
    try {
      const ctx = { policy: { ...defaultFetchPolicy, privateAccess: parsePrivateAccess(dir.hostPort) }, maxPages: 10, previous: { etag: null, lastModified: null }, limiter: new HostLimiter(2), onProgress: () => undefined };
      const read = await readFscDirectory('dir', `${dir.origin}/fsc/v1`, 'fsc-demo', ctx);
      expect(seen).toEqual(['/fsc/v1/peers?limit=100', '/fsc/v1/services?limit=100', '/fsc/v1/services?limit=100&cursor=page-2']);
      expect(read.pages).toBe(3);
      const store = new Store(read.quads);
      const listings = store.getSubjects(null, fedcat.FscServiceListing, null).map((s) => s.value).sort();
      expect(listings).toEqual([
        'urn:fedcat:fsc:fsc-demo:service:00000001001234567000:parkeren',
        'urn:fedcat:fsc:fsc-demo:service:00000001001234567000:vergunningen',
        'urn:fedcat:fsc:fsc-demo:service:00000001009876543000:adressen',
      ]);
      expect(store.getObjects('urn:fedcat:fsc:fsc-demo:service:00000001009876543000:adressen', fedcat.delegatorPeerId, null).map((o) => o.value)).toEqual(['00000001001234567000']);
      expect(store.getSubjects(null, fedcat.FscPeer, null)).toHaveLength(3);
      await expect(readFscDirectory('dir', `${dir.origin}/fsc/v1`, undefined, ctx)).rejects.toThrow(/FSC group id/);
      await expect(readFscDirectory('dir', `${dir.origin}/nothing`, 'fsc-demo', ctx)).rejects.toThrow(/404/);
    } finally {
      await dir.close();
    }
  });
});

describe('reading an FSC Directory over mutual TLS', () => {
  it('presents the configured client certificate, and a Directory that demands one refuses a harvest without it', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtemp, rm, readFile: read } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const https = await import('node:https');
    const { readFscDirectory, HostLimiter } = await import('../src/index.js');
    const dir = await mkdtemp(join(tmpdir(), 'fedcat-mtls-'));
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    // A group trust anchor, the Directory's server certificate and a peer's client certificate, both signed by it.
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=fsc-demo test anchor');
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
    await (await import('node:fs/promises')).writeFile(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
    ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'san.ext');
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'client.key', '-out', 'client.csr', '-subj', '/O=Gemeente Voorbeeldstad/serialNumber=00000001001234567000');
    ssl('x509', '-req', '-in', 'client.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.pem', '-days', '1');
    const pem = (f: string) => read(join(dir, f), 'utf8');
    const peers: string[] = [];
    const server = https.createServer({ key: await pem('server.key'), cert: await pem('server.pem'), ca: await pem('ca.pem'), requestCert: true, rejectUnauthorized: true }, async (req, res) => {
      const cert = (req.socket as import('node:tls').TLSSocket).getPeerCertificate();
      peers.push(String(cert.subject?.serialNumber));
      const url = new URL(req.url ?? '/', 'https://x');
      res.writeHead(200, { 'content-type': 'application/json' }).end(url.pathname.endsWith('/peers') ? await fixture('fsc-peers.json') : JSON.stringify({ services: [], pagination: { next_cursor: '' } }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as import('node:net').AddressInfo).port;
    try {
      const base = { ...defaultFetchPolicy, privateAccess: parsePrivateAccess(`127.0.0.1:${port}`) };
      const ctx = (policy: typeof base) => ({ policy, maxPages: 10, previous: { etag: null, lastModified: null }, limiter: new HostLimiter(2), onProgress: () => undefined });
      const withCert = { ...base, fscClientTls: { cert: await pem('client.pem'), key: await pem('client.key'), ca: await pem('ca.pem') } };
      const read1 = await readFscDirectory('dir', `https://127.0.0.1:${port}/v1`, 'fsc-demo', ctx(withCert));
      expect(new Store(read1.quads).getSubjects(null, fedcat.FscPeer, null)).toHaveLength(3);
      expect(peers).toEqual(['00000001001234567000', '00000001001234567000']);
      // With the group's anchor trusted but no client certificate, the Directory ends the handshake.
      await expect(readFscDirectory('dir', `https://127.0.0.1:${port}/v1`, 'fsc-demo', ctx({ ...base, fscClientTls: { cert: '', key: '', ca: await pem('ca.pem') } })))
        .rejects.toThrow(/certificate required|alert|socket hang up|ECONNRESET/i);
    } finally {
      server.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
