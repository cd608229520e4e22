import type { FastifyInstance } from 'fastify';
import { parseFeed } from '@rowanmanning/feed-parser';
import { CloudEvent } from 'cloudevents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordId } from '@fedcat/catalogue';
import { localServer } from '@fedcat/harvester/testing';
import { ControlDb, EventLog } from '../src/index.js';
import { harvestedApp } from './support.js';

// Change events as NL GOV CloudEvents: a source's datasets are created, changed and retired between harvests; the
// pull feed says each once, in sequence, as CloudEvents the official SDK accepts in strict mode; Atom says it in Dutch.

const ORG = 'https://identifier.overheid.nl/tooi/id/gemeente/gm9999';
const BOMEN = 'https://data.proef.example.nl/id/dataset/bomen';
const AFVAL = 'https://data.proef.example.nl/id/dataset/afval';

const dataset = (iri: string, title: string) => `
<${iri}> a dcat:Dataset ; dct:title "${title}"@nl ; dct:description "Een dataset van de gemeente Proef."@nl ;
  dct:identifier "${iri}" ; dct:publisher <${ORG}> ; dct:creator <${ORG}> ; dcat:contactPoint <https://data.proef.example.nl/id/contact> ;
  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/ENVI> ;
  dct:accessRights <http://publications.europa.eu/resource/authority/access-right/PUBLIC> .`;
let titles: Record<string, string> = { [BOMEN]: 'Bomen', [AFVAL]: 'Afval' };
const catalogue = () => `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
<${ORG}> a foaf:Agent ; foaf:name "Gemeente Proef"@nl .
<https://data.proef.example.nl/id/contact> a vcard:Organization ; vcard:fn "Team Data"@nl ; vcard:hasEmail <mailto:data@proef.example.nl> .
${Object.entries(titles).map(([iri, title]) => dataset(iri, title)).join('\n')}`;

let org: Awaited<ReturnType<typeof localServer>>;
let harvested: Awaited<ReturnType<typeof harvestedApp>>;
let app: FastifyInstance;

interface Batch { status: number; link: string; events: Record<string, unknown>[] }
const pull = async (query: string): Promise<Batch> => {
  const res = await app.inject({ method: 'GET', url: `/v1/events?${query}` });
  return { status: res.statusCode, link: String(res.headers.link ?? ''), events: res.statusCode === 200 ? JSON.parse(res.body) as Record<string, unknown>[] : [] };
};

beforeAll(async () => {
  org = await localServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/turtle' }).end(catalogue()));
  harvested = await harvestedApp([{ id: 'proef', url: `${org.origin}/catalogue.ttl` }],
    { FEDCAT_HARVEST_ALLOW_PRIVATE: org.hostPort, FEDCAT_OPERATOR_OIN: '00000001001234567000' }, { baseUrl: 'https://catalogus.fedcat.test' });
  app = harvested.app;
}, 60_000);
afterAll(async () => {
  await harvested?.close();
  await org?.close();
});

/** Harvests the source again, in this process, and waits for its run. */
async function harvestAgain(): Promise<void> {
  const { harvestAll, runnerDeps, loadConfig } = await import('../src/index.js');
  const config = loadConfig({ FEDCAT_DATA_DIR: harvested.dataDir, FEDCAT_HARVEST_ALLOW_PRIVATE: org.hostPort, FEDCAT_LINK_CHECK: 'false', FEDCAT_SERVICE_CHECK: 'false' });
  await harvestAll(await harvested.runtime.sources.list(), await runnerDeps(harvested.runtime, config));
}

describe('change events', () => {
  it('says what a first harvest created, as CloudEvents the SDK accepts in strict mode, following the NL GOV profile', async () => {
    const batch = await pull('after=0');
    expect(batch.status).toBe(200);
    expect(batch.events.map((e) => [e.type, e.subject])).toEqual(expect.arrayContaining([
      ['nl.fds.catalogus.dataset.aangemaakt.v1', BOMEN], ['nl.fds.catalogus.dataset.aangemaakt.v1', AFVAL]]));
    expect(batch.events).toHaveLength(2);
    for (const [i, raw] of batch.events.entries()) {
      const event = new CloudEvent(raw, true);
      expect(event.validate()).toBe(true);
      expect(event.source).toMatch(/^urn:nld:oin:\d{20}:systeem:/);
      expect(event.source).toBe('urn:nld:oin:00000001001234567000:systeem:fedcat');
      expect(event.type).toMatch(/^([a-z]+\.)+[a-z]+\.v\d+$/);
      expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(raw).toMatchObject({ specversion: '1.0', sequence: String(i + 1), sequencetype: 'Integer', datacontenttype: 'application/json' });
      expect(raw.dataref).toBe(`https://catalogus.fedcat.test/v1/datasets/${recordId(String(raw.subject))}`);
      expect(JSON.stringify(raw).length).toBeLessThan(64 * 1024);
    }
    expect(batch.link).toBe('<https://catalogus.fedcat.test/v1/events?after=2&limit=100>; rel="next"');
  });

  it('says a change and a retirement once each, in sequence, and nothing for a harvest that found nothing new', async () => {
    titles = { [BOMEN]: 'Bomen en boomsoorten' };
    await harvestAgain();
    await harvestAgain();
    const batch = await pull('after=2');
    expect(batch.events.map((e) => [e.type, e.subject, e.sequence])).toEqual([
      ['nl.fds.catalogus.dataset.gewijzigd.v1', BOMEN, '3'], ['nl.fds.catalogus.dataset.ingetrokken.v1', AFVAL, '4']]);
    expect((batch.events[0]!.data as { title: string }).title).toBe('Bomen en boomsoorten');
    expect((await pull('after=4')).events).toEqual([]);
    const afvalCreated = (await pull('after=0')).events.find((e) => e.subject === AFVAL)!.sequence;
    expect((await pull(`after=0&subject=${encodeURIComponent(AFVAL)}`)).events.map((e) => e.sequence)).toEqual([afvalCreated, '4']);
    expect((await pull('after=0&type=nl.fds.catalogus.dataset.ingetrokken.v1')).events.map((e) => e.subject)).toEqual([AFVAL]);
    const bad = await app.inject({ method: 'GET', url: '/v1/events?type=dataset.gewijzigd' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ detail: string }>().detail).toContain('must be one of nl.fds.catalogus.dataset.aangemaakt.v1');
  });

  it('offers the last changes as an Atom 1.0 feed in Dutch that a feed parser reads', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/events.atom' });
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const feed = parseFeed(res.body);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Wijzigingen in de catalogus');
    expect(feed.items.map((i) => i.title)).toEqual(['Dataset ingetrokken: Afval', 'Dataset gewijzigd: Bomen en boomsoorten', expect.stringMatching(/^Dataset nieuw: /), expect.stringMatching(/^Dataset nieuw: /)]);
    expect(feed.items[1]!.url).toBe(`https://catalogus.fedcat.test/datasets/${recordId(BOMEN)}`);
    expect(feed.items.every((i) => i.id?.startsWith('urn:uuid:') && i.updated instanceof Date)).toBe(true);
  });

  it('answers 410 with the oldest it still has when asked after events it no longer keeps', async () => {
    harvested.runtime.events.prune(0);
    const gone = await app.inject({ method: 'GET', url: '/v1/events?after=1' });
    expect(gone.statusCode).toBe(410);
    expect(gone.json<{ detail: string }>().detail).toMatch(/after=3\b/);
    expect((await pull('after=3')).events.map((e) => e.sequence)).toEqual(['4']);
  });
});

describe('the outbox', () => {
  it('publishes a run\'s events only once its change is in the store, without gaps; a run that never reached the store leaves none', () => {
    const log = new EventLog(new ControlDb(':memory:'));
    const event = (n: number) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, time: '2026-12-07T00:00:00.000Z', recordType: 'Dataset' as const, change: 'created' as const, iri: `https://x.nl/${n}`, recordId: String(n).padStart(16, '0'), title: `d${n}`, source: 's', etag: null, previousEtag: null });
    log.addPending('run-1', [event(1), event(2)]);
    log.addPending('run-2', [event(3)]);
    expect(log.read({ after: 0, limit: 10 })).toEqual([]);
    // A crash: the store holds run-2's graph, not run-1's. run-2 happened, run-1 did not.
    log.recover('s', 'run-2');
    expect(log.read({ after: 0, limit: 10 }).map((e) => [e.sequence, e.iri])).toEqual([[1, 'https://x.nl/3']]);
    log.addPending('run-3', [event(4), event(5)]);
    log.addPending('run-3', [event(4)]);
    log.commit('run-3');
    expect(log.read({ after: 0, limit: 10 }).map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(log.pendingSources()).toEqual([]);
  });

  it('answers 410 with the oldest available when asked for events no longer kept', () => {
    let now = Date.parse('2026-12-07T00:00:00Z');
    const log = new EventLog(new ControlDb(':memory:'), () => now);
    const at = (n: number, time: string) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, time, recordType: 'Dataset' as const, change: 'created' as const, iri: `https://x.nl/${n}`, recordId: String(n).padStart(16, '0'), title: '', source: 's', etag: null, previousEtag: null });
    log.addPending('r', [at(1, '2026-10-01T00:00:00.000Z'), at(2, '2026-10-02T00:00:00.000Z'), at(3, '2026-12-06T00:00:00.000Z')]);
    log.commit('r');
    now = Date.parse('2026-12-07T00:00:00Z');
    expect(log.prune(30 * 86_400_000)).toBe(2);
    expect(log.bounds()).toEqual({ oldest: 3, newest: 3 });
  });
});
