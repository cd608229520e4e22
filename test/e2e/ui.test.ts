import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUiFixture, watchForScripts, type UiFixture } from '../support/ui-fixture.js';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

let ui: UiFixture;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  ui = await startUiFixture();
  page = await ui.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  page.setDefaultTimeout(10_000);
  page.on('request', (r) => requested.push(r.url()));
}, 120_000);
afterAll(async () => {
  await ui?.close();
});

const h1 = () => page.getByRole('heading', { level: 1 }).textContent();
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });

/** The outer HTML of every element matching `selector` in the page, shadow roots included. */
function deepQuery(p: Page, selector: string): Promise<string[]> {
  return p.evaluate(`(() => {
    const found = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll(${JSON.stringify(selector)})) found.push(el.outerHTML);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return found;
  })()`);
}

describe('the web UI for data consumers (Playwright, Debian chromium)', () => {
  it('walks from a search with a typo through a facet, a dataset and its API to the access conditions and the organisation', async () => {
    await page.goto(ui.fedcat.base);
    const box = page.getByRole('searchbox');
    await box.fill('parkern');
    await expect.poll(() => page.locator('fedcat-result-list li').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => page.url()).toContain('q=parkern');
    expect(await page.getByText('ook gezocht op').count()).toBe(1);
    await shot('1-search-typo.png');

    await page.getByRole('checkbox', { name: /^Dataset/ }).check();
    await expect.poll(() => page.locator('fedcat-result-list li').count()).toBe(1);
    expect(page.url()).toContain('type=Dataset');
    await shot('2-search-facet.png');

    await page.getByRole('link', { name: 'Parkeerzones en tarieven' }).click();
    await expect.poll(h1).toBe('Parkeerzones en tarieven');
    expect(new URL(page.url()).pathname).toMatch(/^\/datasets\/[0-9a-f]{16}$/);
    // Distributions with where to get them, the licence by its EU label, quality and provenance.
    await expect.poll(() => page.getByRole('heading', { name: 'Distributies' }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: /toegang: http:\/\/127\.0\.0\.1:\d+\/dijkstad\/api\/parkeren\/v1\/zones/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Kwaliteit van de metadata' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('heading', { name: 'Herkomst' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'gemeente-dijkstad' }).count()).toBe(1);
    await shot('3-dataset-page.png');

    await page.getByRole('cell').getByRole('link', { name: 'Parkeer-API Dijkstad' }).click();
    await expect.poll(h1).toBe('Parkeer-API Dijkstad');
    expect(new URL(page.url()).pathname).toMatch(/^\/dataservices\/[0-9a-f]{16}$/);
    expect(await page.getByRole('heading', { name: 'De API', exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Hoe krijg ik toegang?' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Aansluiten via FSC' }).count()).toBe(1);
    await expect.poll(() => page.getByText(/Vraag een contract met een ServiceConnectionGrant aan voor dienst/).count()).toBe(1);
    await shot('4-api-page.png');

    await page.getByRole('link', { name: 'Gemeente Dijkstad' }).first().click();
    await expect.poll(h1).toBe('Gemeente Dijkstad');
    expect(new URL(page.url()).pathname).toBe('/organisations');
    await expect.poll(() => page.getByRole('link', { name: 'Parkeer-API Dijkstad' }).count()).toBe(1);
    await shot('5-organisation-page.png');

    // Back and forward walk the same pages again.
    await page.goBack();
    await expect.poll(h1).toBe('Parkeer-API Dijkstad');
    await page.goBack();
    await expect.poll(h1).toBe('Parkeerzones en tarieven');
    await page.goForward();
    await expect.poll(h1).toBe('Parkeer-API Dijkstad');
  });

  it('switches to English and back, labels included, and keeps the choice on the next page', async () => {
    await page.goto(`${ui.fedcat.base}/?q=afval`);
    await expect.poll(() => page.locator('fedcat-result-list li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Search', exact: true }).count()).toBe(1);
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await expect.poll(() => page.getByRole('group', { name: 'Access' }).getByText('public', { exact: true }).count()).toBe(1);
    await page.goto(`${ui.fedcat.base}/organisations`);
    await expect.poll(h1).toBe('Organisations');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(h1).toBe('Organisaties');
    await expect.poll(() => page.getByRole('link', { name: 'Gemeente Dijkstad' }).count()).toBe(1);
    await shot('12-organisations.png');
  });

  it('loads the SPARQL editor only on the SPARQL page and shows query results as a table', async () => {
    const editorChunk = (u: string) => /\/chunks\/sparql-editor-[^/]+\.js$/.test(u);
    expect(requested.filter(editorChunk)).toEqual([]);
    await page.goto(`${ui.fedcat.base}/query`);
    await expect.poll(() => requested.filter(editorChunk).length).toBe(1);
    await expect.poll(() => page.locator('fedcat-sparql-editor[ready]').count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('button', { name: 'Uitvoeren' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Parkeer-API Dijkstad' }).count(), { timeout: 10_000 }).toBe(1);
    await shot('10-sparql-page.png');
  });
});

describe('the web UI for data owners', () => {
  it('walks sources → a run → its validation report, then harvests a source now and follows its live progress', { timeout: 120_000 }, async () => {
    await page.goto(`${ui.fedcat.base}/owner`);
    await page.getByLabel('API-token van uw organisatie').fill(ui.adminToken);
    await page.getByRole('button', { name: 'Token gebruiken' }).click();
    await expect.poll(() => page.getByText('Uw token wordt in dit tabblad gebruikt.').count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'gemeente-dijkstad' }).count()).toBe(1);
    // The owning organisation by its name (not its code gm9991), and the schedule as words.
    const dijkstad = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'gemeente-dijkstad' }) });
    await expect.poll(() => dijkstad.getByRole('link', { name: 'Gemeente Dijkstad' }).count()).toBe(1);
    expect(await dijkstad.textContent()).not.toMatch(/gm9991|\b\d+[mhd]\b/);
    await shot('6-owner-sources.png');

    await page.getByRole('link', { name: 'gemeente-dijkstad' }).click();
    await expect.poll(h1).toBe('gemeente-dijkstad');
    expect(await page.getByRole('definition').filter({ hasText: /^dcat-ap-nl-3\.0$/ }).count()).toBe(1);
    expect(await page.getByRole('definition').filter({ hasText: /^DCAT-catalogus$/ }).count()).toBe(1);
    expect(await page.getByRole('definition').getByRole('link', { name: 'Gemeente Dijkstad' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Kwaliteit per oogst' }).count()).toBe(1);
    await page.getByRole('link', { name: /^Validatierapport van de oogst van/ }).first().click();
    await expect.poll(h1).toBe('Validatierapport');
    await expect.poll(() => page.getByRole('heading', { name: /^Waarschuwingen \(\d+\)$/ }).count()).toBe(1);
    // Grouped findings with what to fix in Dutch, as the run's report holds them.
    const url = new URL(page.url());
    const report = (await ui.call('GET', `/v1${url.pathname.replace('/owner', '')}/report`)).body as { groups: { messages: { nl: string } }[] };
    expect(report.groups.length).toBeGreaterThan(0);
    expect(await page.getByText(report.groups[0]!.messages.nl, { exact: true }).count()).toBeGreaterThan(0);
    await shot('7-run-report.png');

    await page.getByRole('link', { name: '← Bron gemeente-dijkstad' }).click();
    await page.getByRole('link', { name: '← Alle bronnen' }).click();
    await page.getByRole('link', { name: 'traag-bureau' }).click();
    await expect.poll(h1).toBe('traag-bureau');
    expect(await page.getByText('Nog niet geoogst.').count()).toBe(1);
    await page.getByRole('button', { name: 'Nu oogsten' }).click();
    // Live: the counts come from the running harvest (the slow server takes seconds to send its catalogue; the
    // harvest runs in a process of its own, which takes a while to start on a loaded machine). Read the live region
    // until the harvest has ended, keeping what it said on the way.
    const live = page.locator('fedcat-source [aria-live=polite]');
    const said: string[] = [];
    await expect.poll(async () => {
      const text = ((await live.textContent({ timeout: 1000 }).catch(() => '')) ?? '').replace(/\s+/g, ' ');
      if (/(Lezen|Opdelen in records|Valideren|Kwaliteit meten|Publiceren): [1-9]/.test(text) && !said.some((t) => /: [1-9]/.test(t))) await shot('8-harvest-progress.png');
      said.push(text);
      return text;
    }, { timeout: 90_000, interval: 250 }).toMatch(/De oogst is klaar/);
    expect(said.at(-1)).toContain('De oogst is klaar: geslaagd.');
    expect(said.filter((t) => /(Lezen|Opdelen in records|Valideren|Kwaliteit meten|Publiceren): [1-9]/.test(t)).length).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('cell', { name: '40 nieuw, 0 gewijzigd, 0 verwijderd' }).count(), { timeout: 10_000 }).toBe(1);
  });

  it('validates pasted metadata on the validator page and shows what to fix', async () => {
    await page.goto(`${ui.fedcat.base}/validator`);
    await page.getByLabel('RDF-tekst').fill('@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<https://voorbeeld.example/ds> a dcat:Dataset .');
    await page.getByRole('button', { name: 'Valideren' }).click();
    await expect.poll(() => page.getByText('Voldoet niet: er zijn fouten om te herstellen.').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: /^Fouten \(\d+\)$/ }).count()).toBe(1);
    await shot('9-validator.png');
  });
});

describe('harvested content in the browser', () => {
  it('renders a title of markup and a javascript: landing page as text: no script runs, no javascript: link exists', async () => {
    await ui.harvest('vijandig-bureau');
    const hits = (await (await fetch(`${ui.fedcat.base}/v1/search?q=opmaak`)).json()) as { hits: { document: { id: string; title: string } }[] };
    const hostile = hits.hits.find((h) => h.document.title === '<img src=x onerror=alert(1)>');
    expect(hostile).toBeDefined();
    // The server reads graphs another fedcat process (the harvest) wrote within a second or so.
    await expect.poll(async () => (await fetch(`${ui.fedcat.base}/v1/datasets/${hostile!.document.id}/access-conditions`)).status, { timeout: 10_000 }).toBe(200);
    const seen = watchForScripts(page);

    await page.goto(`${ui.fedcat.base}/?q=opmaak`);
    await expect.poll(() => page.getByRole('link', { name: '<img src=x onerror=alert(1)>' }).count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('link', { name: '<img src=x onerror=alert(1)>' }).click();
    await expect.poll(h1).toBe('<img src=x onerror=alert(1)>');
    await expect.poll(() => page.getByText('javascript:alert(1)', { exact: true }).count()).toBe(1);
    expect(await page.getByText(/^<script>alert\(2\)<\/script> Een dataset/).count()).toBe(1);
    expect(await page.getByText('<svg onload=alert(3)>').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Vijandig Bureau <b>vet</b>' }).count()).toBe(1);
    await page.waitForTimeout(500);

    expect(seen).toEqual({ dialogs: [], errors: [] });
    // Script elements without src are data blocks only (a page's JSON data, schema.org JSON-LD): never run.
    expect(await deepQuery(page, 'img, script:not([src]):not([type="application/json"]):not([type="application/ld+json"]), svg[onload]')).toEqual([]);
    expect(await deepQuery(page, 'a[href^="javascript:" i], [onerror], [onload]')).toEqual([]);
    // The pages as the server renders them (read without JavaScript) carry the markup as text too, in their data as well.
    for (const path of [`/datasets/${hostile!.document.id}`, '/?q=opmaak']) {
      const html = await (await fetch(`${ui.fedcat.base}${path}`)).text();
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      for (const markup of ['<img src=x', '<script>alert', '<svg onload', '<b>vet']) expect(html).not.toContain(markup);
    }
    // The API sets a content security policy that would stop an inline script anyway.
    const csp = (await fetch(`${ui.fedcat.base}/datasets/${hostile!.document.id}`)).headers.get('content-security-policy');
    expect(csp).toContain("script-src 'self'");
  });
});

describe('embedding fedcat in another site', () => {
  it('shows search results and an API card on a static page of another origin that loads the published module', async () => {
    const embedded = await ui.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const seen = watchForScripts(embedded);
    await embedded.goto(`${ui.others.base}/embed.html`);
    await expect.poll(() => embedded.getByRole('heading', { name: 'Parkeer-API Dijkstad' }).count(), { timeout: 10_000 }).toBe(1);
    await embedded.getByRole('searchbox').fill('parkern');
    await expect.poll(() => embedded.locator('fedcat-search fedcat-result-list li').count(), { timeout: 10_000 }).toBe(2);
    // Links lead to the fedcat the page embeds, not to the embedding site.
    const href = await embedded.getByRole('link', { name: 'Parkeerzones en tarieven' }).getAttribute('href');
    expect(href).toMatch(new RegExp(`^${ui.fedcat.base}/datasets/[0-9a-f]{16}$`));
    await embedded.getByRole('checkbox', { name: /^API/ }).check();
    await expect.poll(() => embedded.locator('fedcat-search fedcat-result-list li').count()).toBe(1);
    await embedded.screenshot({ path: join(SCREENSHOTS, '11-embedded.png'), fullPage: true });
    expect(seen.errors).toEqual([]);
    await embedded.close();
  });
});
