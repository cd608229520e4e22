import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadValidator, profileById, type Validator } from '@fedcat/shapes';
import { defaultFetchPolicy, harvestSource, parsePrivateAccess, type HarvestOutcome } from '../src/index.js';
import { type HarvestSink, type Source } from '@fedcat/catalogue';
import { localServer } from '../src/testing.js';

const TTL = '@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>.\n';
const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">
<rdf:Description rdf:about="https://x.nl/d"><dct:title>&lol9;</dct:title></rdf:Description></rdf:RDF>`;

let hits = 0;
let forbidden: Awaited<ReturnType<typeof localServer>>;
let publisher: Awaited<ReturnType<typeof localServer>>;
let validator: Validator;
const published: unknown[] = [];
const sink: HarvestSink = { publish: async (_s, change) => void published.push(change) };

beforeAll(async () => {
  validator = await loadValidator(profileById('dcat-ap-3.0.1'));
  forbidden = await localServer((_req, res) => { hits++; res.end('secret'); });
  publisher = await localServer((req, res) => {
    const page = (n: number, next: string) => `${TTL}@prefix hydra: <http://www.w3.org/ns/hydra/core#>.
<https://x.nl/d${n}> a dcat:Dataset; dct:title "D${n}"; dct:description "d".
<${req.url}> hydra:view [ hydra:next <${next}> ].`;
    switch (req.url) {
      case '/hydra/1': return void res.writeHead(200, { 'content-type': 'text/turtle' }).end(page(1, '/hydra/2'));
      case '/hydra/2': return void res.writeHead(200, { 'content-type': 'text/turtle' }).end(page(2, '/hydra/1'));
      case '/endless': {
        res.writeHead(200, { 'content-type': 'text/turtle' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => { while (res.write(chunk)) { /* fill the socket buffer */ } };
        res.on('drain', pump);
        pump();
        return;
      }
      case '/slow': {
        res.writeHead(200, { 'content-type': 'text/turtle' });
        const t = setInterval(() => res.write('#'), 1000);
        res.on('close', () => clearInterval(t));
        return;
      }
      case '/to-loopback': return void res.writeHead(302, { location: `${forbidden.origin}/` }).end();
      case '/to-metadata': return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      case '/to-localhost-name': return void res.writeHead(302, { location: `http://localhost:${forbidden.hostPort.split(':')[1]}/` }).end();
      case '/huge-record': {
        const kw = Array.from({ length: 300 }, (_, i) => `"k${i}"`).join(', ');
        return void res.writeHead(200, { 'content-type': 'text/turtle' }).end(`${TTL}<https://x.nl/big> a dcat:Dataset; dct:title "big"; dct:description "d"; dcat:keyword ${kw}.
<https://x.nl/long> a dcat:Dataset; dct:title "${'x'.repeat(5000)}"; dct:description "d".
<https://x.nl/ok> a dcat:Dataset; dct:title "ok"; dct:description "d".`);
      }
      case '/laughs': return void res.writeHead(200, { 'content-type': 'application/rdf+xml' }).end(LAUGHS);
      default: return void res.writeHead(404).end();
    }
  });
});
afterAll(async () => { await publisher.close(); await forbidden.close(); });

const harvest = (path: string, policy: Partial<typeof defaultFetchPolicy> = {}, limits = {}): Promise<HarvestOutcome> => {
  const source: Source = { id: 's', url: `${publisher.origin}${path}`, org: null, addedAt: '' };
  return harvestSource(source, {
    fetchPolicy: { ...defaultFetchPolicy, privateAccess: parsePrivateAccess(publisher.hostPort), ...policy },
    validator, sink, genidBase: 'https://fedcat.test/.well-known/genid/', maxPages: 10, limits,
  });
};
const failure = (o: HarvestOutcome) => (o.kind === 'failed' ? { code: o.error.code, message: o.error.message } : { code: o.kind, message: '' });

// Bounded time here means: far inside the test's own limit (60 s), where an uncapped read would run until it. How
// fast a cap stops a read is not a unit test's business (a loaded machine is slower).
describe('harvesting hostile sources', () => {
  it('stops a Hydra catalogue whose next link loops back', async () => {
    expect(failure(await harvest('/hydra/1'))).toMatchObject({ code: 'SOURCE_LIMIT_EXCEEDED', message: expect.stringContaining('loops') });
  });

  it('stops an endless response at the byte cap, in bounded time', async () => {
    const t = Date.now();
    expect(failure(await harvest('/endless', { maxBytes: 5_000_000 }))).toMatchObject({ code: 'SOURCE_LIMIT_EXCEEDED', message: expect.stringContaining('5000000 bytes') });
    expect(Date.now() - t).toBeLessThan(20_000);
  });

  it('stops a one-byte-per-second response at the time cap', async () => {
    const t = Date.now();
    expect(failure(await harvest('/slow', { timeoutMs: 1500 }))).toMatchObject({ code: 'SOURCE_LIMIT_EXCEEDED', message: expect.stringContaining('1500 ms') });
    expect(Date.now() - t).toBeLessThan(20_000);
  });

  it.each(['/to-loopback', '/to-localhost-name', '/to-metadata'])('refuses a redirect %s into a non-public address, and nothing reaches it', async (path) => {
    const before = hits;
    expect(failure(await harvest(path))).toMatchObject({ code: 'SOURCE_FORBIDDEN' });
    expect(hits).toBe(before);
  });

  it('does not expand a billion-laughs entity bomb in RDF/XML', async () => {
    const t = Date.now();
    const outcome = await harvest('/laughs');
    expect(Date.now() - t).toBeLessThan(20_000);
    if (outcome.kind === 'failed') expect(outcome.error.code).toBe('SOURCE_UNPARSABLE');
    const titles = published.flatMap((c) => (c as { upsert: { title: string }[] }).upsert.map((d) => d.title));
    expect(titles.join('').length).toBeLessThan(100);
  });

  it('rejects records over the triple and literal caps, keeps the others, and fails a source over the record cap', async () => {
    published.length = 0;
    const o = await harvest('/huge-record', {}, { maxTriplesPerRecord: 100, maxLiteralLength: 1000 });
    const change = published[0] as { quarantined: { subject: { value: string } }[] };
    expect(new Set(change.quarantined.map((q) => q.subject.value))).toEqual(new Set(['https://x.nl/big', 'https://x.nl/long']));
    expect(o.kind === 'harvested' && o.stats.records).toMatchObject({ added: 1, invalid: 2 });
    expect(o.kind === 'harvested' && o.stats.problems.map((p) => p.results[0]!.message)).toEqual([
      expect.stringContaining('at most 100 per record'), expect.stringContaining('at most 1000'),
    ]);
    expect(failure(await harvest('/huge-record', {}, { maxRecords: 2 }))).toMatchObject({ code: 'SOURCE_LIMIT_EXCEEDED' });
  });

  it('never publishes anything for a refused or failed source', async () => {
    published.length = 0;
    for (const path of ['/hydra/1', '/endless', '/to-loopback']) await harvest(path, { maxBytes: 1_000_000 });
    expect(published).toEqual([]);
  });
});
