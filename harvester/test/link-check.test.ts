import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadValidator, profileById } from '@fedcat/shapes';
import { qualityVocabularies } from '@fedcat/shapes/quality';
import { checkLinks, defaultFetchPolicy, harvestSource, HostLimiter, parsePrivateAccess, probeLink, type HarvestOutcome } from '../src/index.js';
import { type HarvestSink, type SourceChange } from '@fedcat/catalogue';
import { localServer } from '../src/testing.js';

let site: Awaited<ReturnType<typeof localServer>>;
let forbidden: Awaited<ReturnType<typeof localServer>>;
const requests: { method: string; url: string }[] = [];
let inFlight = 0;
let maxInFlight = 0;
let catalogue = '';

beforeAll(async () => {
  forbidden = await localServer((_req, res) => res.writeHead(200).end('secret'));
  site = await localServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '' });
    // Concurrency is measured on the /n/ links only, which answer after 30 ms.
    const counted = req.url?.startsWith('/n/') ?? false;
    if (counted) maxInFlight = Math.max(maxInFlight, ++inFlight);
    const done = (status: number, headers: Record<string, string> = {}) => setTimeout(() => { if (counted) inFlight--; res.writeHead(status, headers).end(); }, 30);
    switch (req.url) {
      case '/ok': return done(200);
      case '/gone': return done(404);
      case '/no-head': return done(req.method === 'HEAD' ? 405 : 200);
      case '/moved': return done(301, { location: '/ok' });
      case '/to-loopback': return done(302, { location: `${forbidden.origin}/` });
      case '/slow': return void setTimeout(() => res.writeHead(200).end(), 3000);
      case '/catalogue.ttl': return void res.writeHead(200, { 'content-type': 'text/turtle' }).end(catalogue);
      default: return done(req.url?.startsWith('/n/') ? 200 : 404);
    }
  });
});
afterAll(async () => { await site.close(); await forbidden.close(); });

const policy = () => ({ ...defaultFetchPolicy, privateAccess: parsePrivateAccess(site.hostPort) });

describe('probing a link', () => {
  it('reports the status of a HEAD, following redirects', async () => {
    expect(await probeLink(`${site.origin}/ok`, policy(), 2000)).toEqual({ status: 200 });
    expect(await probeLink(`${site.origin}/gone`, policy(), 2000)).toEqual({ status: 404 });
    expect(await probeLink(`${site.origin}/moved`, policy(), 2000)).toEqual({ status: 200 });
  });

  it('asks again with GET when a server refuses HEAD', async () => {
    const before = requests.length;
    expect(await probeLink(`${site.origin}/no-head`, policy(), 2000)).toEqual({ status: 200 });
    expect(requests.slice(before).map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('gives up at the time limit with status 0 and the reason', async () => {
    const t = Date.now();
    expect(await probeLink(`${site.origin}/slow`, policy(), 500)).toEqual({ status: 0, reason: 'no answer within 500 ms' });
    expect(Date.now() - t).toBeLessThan(15_000);
  });

  it('never reaches a private address, directly or by redirect, unless the policy allows that origin', async () => {
    expect(await probeLink(`${forbidden.origin}/`, defaultFetchPolicy, 2000)).toEqual({ status: 0, reason: 'refused: non-public address' });
    expect(await probeLink(`${site.origin}/to-loopback`, policy(), 2000)).toEqual({ status: 0, reason: 'refused: non-public address' });
    expect(await probeLink('ftp://example.org/x', policy(), 2000)).toEqual({ status: 0, reason: 'not http(s): ftp:' });
  });
});

describe('checking a source’s links', () => {
  const at = (iso: string) => () => new Date(iso);

  it('reuses fresh checks, checks never-checked links first and stale ones next, within the per-run and per-host bounds', async () => {
    const urls = Array.from({ length: 12 }, (_, i) => `${site.origin}/n/${i}`);
    const cache = {
      [urls[0]!]: { status: 200, checkedAt: '2026-11-20T00:00:00.000Z' },   // fresh: reused
      [urls[1]!]: { status: 500, checkedAt: '2026-10-01T00:00:00.000Z' },   // stale: re-checked, after the new ones
    };
    const opts = { policy: policy(), limiter: new HostLimiter(2), maxChecks: 10, concurrency: 8, now: at('2026-11-22T00:00:00.000Z') };
    let before = requests.length;
    maxInFlight = 0;
    const first = await checkLinks(urls, cache, opts);
    const asked = requests.slice(before).map((r) => r.url).sort();
    expect(asked).toEqual(urls.slice(2).map((u) => u.slice(site.origin.length)).sort());
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect([first.checked, first.deferred]).toEqual([10, 1]);
    expect(first.links[urls[0]!]).toEqual(cache[urls[0]!]);
    expect(first.links[urls[1]!]).toEqual(cache[urls[1]!]);
    before = requests.length;
    const second = await checkLinks(urls, first.links, opts);
    expect(requests.slice(before).map((r) => r.url)).toEqual(['/n/1']);
    expect(second.links[urls[1]!]).toEqual({ status: 200, checkedAt: '2026-11-22T00:00:00.000Z' });
    expect([second.checked, second.deferred]).toEqual([1, 0]);
    expect(Object.keys(second.links)).toHaveLength(12);
  });

  it('checks at most maxPerHost links of one host per run', async () => {
    const result = await checkLinks(Array.from({ length: 5 }, (_, i) => `${site.origin}/n/h${i}`), {}, {
      policy: policy(), limiter: new HostLimiter(2), maxPerHost: 3, now: at('2026-11-22T00:00:00.000Z'),
    });
    expect([result.checked, result.deferred]).toEqual([3, 2]);
  });
});

describe('harvesting with quality assessment', () => {
  const published: SourceChange[] = [];
  const sink: HarvestSink = { publish: async (_s, change) => void published.push(change) };
  const run = async (previous?: Extract<HarvestOutcome, { kind: 'harvested' }>['state'], now = '2026-11-22T00:00:00.000Z') => harvestSource(
    { id: 'q', url: `${site.origin}/catalogue.ttl`, org: null, addedAt: '' },
    {
      fetchPolicy: policy(), validator: await loadValidator(profileById('dcat-ap-3.0.1')!), sink, genidBase: 'https://fedcat.test/.well-known/genid/',
      previous, now: () => new Date(now),
      quality: { vocabularies: await qualityVocabularies(), links: { policy: policy(), limiter: new HostLimiter(2), timeoutMs: 2000 } },
    },
  );

  it('stores the score and measurements as DQV in the source graph, checks each link once, and rewrites nothing when nothing changed', async () => {
    catalogue = `@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>.
<https://x.nl/d> a dcat:Dataset; dct:title "d"; dct:description "d"; dcat:keyword "k";
  dcat:distribution <https://x.nl/d/csv>.
<https://x.nl/d/csv> a dcat:Distribution; dcat:accessURL <${site.origin}/ok>; dcat:downloadURL <${site.origin}/gone>.`;
    const first = await run();
    if (first.kind !== 'harvested') throw new Error(first.kind);
    expect(first.stats.quality).toMatchObject({ datasets: 1, score: 30 + 50 + 20 + 30, linksChecked: 2, linksDeferred: 0 });
    expect(first.state.links).toMatchObject({ [`${site.origin}/ok`]: { status: 200 }, [`${site.origin}/gone`]: { status: 404 } });
    const graph = published.at(-1)!.quads;
    const scores = graph.filter((q) => q.predicate.value === 'http://www.w3.org/ns/dqv#isMeasurementOf' && q.object.value === 'https://piveau.eu/ns/voc#score');
    // One score for the dataset, one average for the source.
    expect(scores).toHaveLength(2);
    const before = requests.length;
    published.length = 0;
    const second = await run(first.state, '2026-11-23T00:00:00.000Z');
    expect(second.kind).toBe('not-modified');
    expect(requests.length - before).toBe(1);
    expect(published).toHaveLength(0);
  });

  it('re-checks links when their checks grow old, even when the catalogue is unchanged', async () => {
    const first = await run(undefined, '2026-11-22T00:00:00.000Z');
    if (first.kind !== 'harvested') throw new Error(first.kind);
    const before = requests.length;
    const later = await run(first.state, '2026-12-10T00:00:00.000Z');
    expect(later.kind).toBe('harvested');
    expect(requests.slice(before).filter((r) => r.method === 'HEAD')).toHaveLength(2);
  });
});
