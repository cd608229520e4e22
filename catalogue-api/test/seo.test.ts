import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPublisher, webRoot } from '../src/index.js';
import type { DemoPublisher } from '../src/testing.js';
import { harvestedApp } from './support.js';

// What a search engine reads of fedcat: robots.txt, the sitemap (an index past its size) and, on each record page
// before any script runs, the record's title and its schema.org description.
const BASE = 'https://catalogus.fedcat.test';
let publisher: DemoPublisher;
let harvested: Awaited<ReturnType<typeof harvestedApp>>;

beforeAll(async () => {
  publisher = await startDemoPublisher();
  harvested = await harvestedApp(publisher.files.map((f) => ({ id: f.replace('.ttl', ''), url: `${publisher.origin}/${f}` })),
    { FEDCAT_HARVEST_ALLOW_PRIVATE: publisher.origin.slice('http://'.length), FEDCAT_BASE_URL: BASE }, { webRoot: webRoot(), sitemapSize: 5, baseUrl: BASE });
}, 60_000);
afterAll(async () => {
  await harvested?.close();
  await publisher?.close();
});

const get = (url: string) => harvested.app.inject({ method: 'GET', url });
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

/** The JSON-LD a page embeds (its first application/ld+json script). */
function jsonLd(html: string): Record<string, any> {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no JSON-LD in the page');
  return JSON.parse(m[1]!) as Record<string, any>;
}

describe('for search engines', () => {
  it('lists every record page once, split into sitemap files behind an index past the file size', async () => {
    const total = (JSON.parse((await get('/v1/search?filter=type:Dataset&filter=type:DataService&pageSize=1')).body) as { total: number }).total;
    expect(total).toBeGreaterThan(5);
    const index = await get('/sitemap.xml');
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/^application\/xml/);
    expect(index.body).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const files = locs(index.body);
    expect(files).toEqual(Array.from({ length: Math.ceil(total / 5) }, (_, i) => `${BASE}/sitemaps/${i + 1}.xml`));
    const pages: string[] = [];
    for (const file of files) {
      const part = await get(new URL(file).pathname);
      expect(part.statusCode).toBe(200);
      pages.push(...locs(part.body));
    }
    expect(pages).toHaveLength(total);
    expect(new Set(pages).size).toBe(total);
    expect(pages.every((p) => /^https:\/\/catalogus\.fedcat\.test\/(datasets|dataservices)\/[0-9a-f]{16}$/.test(p))).toBe(true);
    expect((await get(`/sitemaps/${files.length + 1}.xml`)).statusCode).toBe(404);
  });

  it('say in robots.txt where the sitemap is and what not to crawl', async () => {
    const robots = await get('/robots.txt');
    expect(robots.body).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    expect(robots.body).toMatch(/^Disallow: \/owner$/m);
  });

  it('embed a dataset page\'s schema.org Dataset with what Google Dataset Search reads', async () => {
    const hit = (JSON.parse((await get('/v1/search?q=bomenregister&filter=type:Dataset')).body) as { hits: { document: { id: string } }[] }).hits[0]!;
    const page = await get(`/datasets/${hit.document.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<title>Bomenregister[^<]*– fedcat<\/title>/);
    const ld = jsonLd(page.body);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org/', '@type': 'Dataset', name: expect.stringMatching(/^Bomenregister/), description: expect.any(String),
      url: `${BASE}/datasets/${hit.document.id}`, license: expect.stringMatching(/^https?:\/\//),
      creator: { '@type': 'Organization', name: 'Gemeente Dijkstad' },
    });
    expect(ld.identifier).toContain(ld['@id']);
    expect(ld.distribution).toEqual(expect.arrayContaining([expect.objectContaining({
      '@type': 'DataDownload', encodingFormat: expect.any(String), contentUrl: expect.stringMatching(/\/dijkstad\/data\/bomen\/bomen\.csv$/) })]));
  });

  it('describe spatial and temporal coverage where the record has them', async () => {
    const { hits } = JSON.parse((await get('/v1/search?filter=type:Dataset&pageSize=50')).body) as { hits: { document: { id: string } }[] };
    const described = await Promise.all(hits.map(async (h) => jsonLd((await get(`/datasets/${h.document.id}`)).body)));
    expect(described.some((d) => d.spatialCoverage)).toBe(true);
    expect(described.some((d) => typeof d.temporalCoverage === 'string' && /^[\d.-]+\/[\d.-]+$/.test(d.temporalCoverage))).toBe(true);
  });

  it('embed an API page\'s schema.org WebAPI with its documentation and provider', async () => {
    const hit = (JSON.parse((await get('/v1/search?q=Parkeer-API&filter=type:DataService')).body) as { hits: { document: { id: string } }[] }).hits[0]!;
    const ld = jsonLd((await get(`/dataservices/${hit.document.id}`)).body);
    expect(ld).toMatchObject({ '@type': 'WebAPI', name: 'Parkeer-API Dijkstad', documentation: expect.stringMatching(/openapi\.json$/), provider: { name: 'Gemeente Dijkstad' } });
  });

  it('never let a harvested title end the JSON-LD script element', async () => {
    const { jsonLdScript } = await import('../src/web/schema-org.js');
    const script = jsonLdScript({ name: '</script><script>alert(1)</script>' });
    expect(script.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(script.replace(/^<script[^>]*>|<\/script>$/g, ''))).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});
