import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUiFixture, type UiFixture } from '../support/ui-fixture.js';

// `npm start` as a new user sees it: every API of the demo organisations, on its page, in Dutch. Each one shows what
// fedcat does with an API: its OpenAPI summary and design-rule score, legal basis, purpose, policy decision point and
// the FSC steps to connect, and no English or raw codes.

let ui: UiFixture;
let apis: { id: string; title: string }[] = [];

/** English words (and raw codes) that must not appear in the Dutch UI; words that are Dutch too (of, in, is) are left out. */
const ENGLISH = [
  'the', 'and', 'not', 'with', 'from', 'which', 'this', 'error', 'failed', 'valid', 'invalid', 'unreachable',
  'unchecked', 'active', 'deprecated', 'retired', 'checked', 'legal', 'basis', 'purpose', 'policy', 'decision', 'point',
  'required', 'published', 'loading', 'access', 'rights', 'license', 'licence', 'score', 'rules', 'none',
  'PublicInterest', 'LegalObligation', 'OfficialAuthority', 'ServiceProvision', 'ResearchAndDevelopment',
  'FraudPreventionAndDetection', 'NON_PUBLIC', 'RESTRICTED', 'PUBLIC', 'BWBR0015703', 'ENOTFOUND',
];

/** The text a reader sees, shadow roots included (innerText of each element's light and shadow trees). */
function visibleText(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const parts = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
      }
      for (const node of root.childNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && !node.shadowRoot) {
          const style = getComputedStyle(node);
          if (style.display !== 'none' && style.visibility !== 'hidden' && node.tagName !== 'STYLE' && node.tagName !== 'SCRIPT') parts.push(node.innerText || '');
        } else if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent || '');
      }
    };
    walk(document);
    return parts.join('\\n');
  })()`) as Promise<string>;
}

/** The English words of `text` (whole words, any case for lower-case entries, exact for codes). */
function englishIn(text: string): string[] {
  return ENGLISH.filter((w) => new RegExp(`(^|[^\\p{L}\\d_-])${w}($|[^\\p{L}\\d_-])`, w === w.toLowerCase() ? 'iu' : 'u').test(text));
}

beforeAll(async () => {
  ui = await startUiFixture();
  const res = await fetch(`${ui.fedcat.base}/v1/search?filter=type:DataService&filter=source:gemeente-dijkstad&filter=source:dienst-uitkeringen&filter=source:registratiebureau-gebouwen&filter=source:waterschap-lage-landen&pageSize=50`);
  apis = ((await res.json()) as { hits: { document: { id: string; title: string } }[] }).hits.map((h) => ({ id: h.document.id, title: h.document.title }));
}, 120_000);
afterAll(async () => {
  await ui?.close();
});

describe('every demo API page in Dutch', () => {
  it('finds the English-word check able to fail', () => {
    expect(englishIn('De waarde is invalid: not checked')).toEqual(['not', 'invalid', 'checked']);
    expect(englishIn('Rechtsgrond: PublicInterest')).toEqual(['PublicInterest']);
    expect(englishIn('Openbaar, geactiveerd, beleidsbeslispunt')).toEqual([]);
  });

  it('shows the OpenAPI summary, design-rule score, legal basis, purpose, PDP and FSC steps, without English, and passes axe', async () => {
    expect(apis.length).toBe(6);
    const context = await ui.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const missing: Record<string, string[]> = {};
    const english: Record<string, string[]> = {};
    const axe: Record<string, string[]> = {};
    for (const api of apis) {
      await page.goto(`${ui.fedcat.base}/dataservices/${api.id}?lang=nl`);
      await page.locator('#access').waitFor();
      await page.locator('fedcat-api-description dl').first().waitFor();
      // What fedcat found per design rule is folded away: opened, it is Dutch too.
      await page.getByText('Per ontwerpregel: wat fedcat vond').click();
      const text = await visibleText(page);
      const expected: Record<string, RegExp> = {
        'OpenAPI summary': /OpenAPI 3\.\d/,
        'design-rule score': /API-ontwerpregels\s+\d+ van 100/,
        'legal basis': /Grondslag\s+(Wettelijke verplichting|Algemeen belang|Openbaar gezag)/,
        purpose: /Doel\s+(Dienstverlening|Onderzoek en ontwikkeling|Fraude voorkomen)/,
        PDP: /Beslispunt \(PDP\)\s+http/,
        'FSC steps': /Aansluiten via FSC[\s\S]*Sluit aan op FSC-groep fds-demo[\s\S]*Vraag een contract/,
        'design-rule findings': /Regel[\s\S]*\/core\/doc-openapi\s+(ja|nee)\s+OpenAPI 3\.\d+\.\d+, \d+ paden/,
        law: /Participatiewet|Gemeentewet|Waterwet|Wet basisregistratie adressen en gebouwen|Wet hergebruik van overheidsinformatie|Wet structuur uitvoeringsorganisatie/,
      };
      missing[api.title] = Object.entries(expected).filter(([, re]) => !re.test(text)).map(([what]) => what);
      english[api.title] = englishIn(text);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      axe[api.title] = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
    }
    await context.close();
    const none = Object.fromEntries(apis.map((a) => [a.title, []]));
    expect(missing).toEqual(none);
    expect(english).toEqual(none);
    expect(axe).toEqual(none);
  }, 180_000);

  it('answers a dead link with a Dutch page and status 404, and an API miss with problem+json', async () => {
    const page = await ui.browser.newPage();
    const res = await page.goto(`${ui.fedcat.base}/bestaat/niet?lang=nl`);
    expect(res?.status()).toBe(404);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Deze pagina bestaat niet');
    expect(await page.title()).not.toBe('');
    await page.close();
    const api = await fetch(`${ui.fedcat.base}/v1/bestaat-niet`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('links the datasets an API serves, offers its metadata as Turtle, JSON-LD and RDF/XML, and mails its contact', async () => {
    const page = await ui.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const parking = apis.find((a) => a.title === 'Parkeer-API Dijkstad')!;
    await page.goto(`${ui.fedcat.base}/dataservices/${parking.id}?lang=nl`);
    await page.locator('#access').waitFor();
    const served = page.locator('#serves + ul a');
    expect(await served.allTextContents()).toEqual(['Parkeerzones en tarieven']);
    const downloads = page.getByRole('link', { name: /^(Turtle|JSON-LD|RDF\/XML)$/ });
    expect(await downloads.allTextContents()).toEqual(['Turtle', 'JSON-LD', 'RDF/XML']);
    const turtle = await fetch(new URL((await downloads.first().getAttribute('href'))!, ui.fedcat.base));
    expect(turtle.headers.get('content-type')).toMatch(/^text\/turtle/);
    expect(turtle.headers.get('content-disposition')).toBe(`attachment; filename="${parking.id}.ttl"`);
    expect(await turtle.text()).toContain('<https://data.dijkstad.example.nl/id/api/parkeren>');
    expect(await page.getByRole('link', { name: 'opendata@dijkstad.example.nl' }).getAttribute('href')).toBe('mailto:opendata@dijkstad.example.nl');
    expect(await page.getByRole('link', { name: 'API-documentatie (OpenAPI)' }).getAttribute('href')).toBe('/v1/docs');
    await served.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Parkeerzones en tarieven');
    await page.close();
  });
});

describe('the SPARQL page', () => {
  it('runs every example (SELECT, CONSTRUCT, DESCRIBE, ASK), offers the answer as downloads, and can stop a slow query', async () => {
    const page = await ui.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    await page.goto(`${ui.fedcat.base}/query?lang=nl`);
    await page.locator('fedcat-sparql-editor[ready]').waitFor();
    const examples = page.getByLabel('Voorbeeld');
    const status = page.locator('fedcat-sparql p[role=status]');
    // CONSTRUCT: a graph, shown as Turtle, with Turtle/JSON-LD/RDF-XML downloads.
    await examples.selectOption({ label: "API's als graaf (CONSTRUCT)" });
    await page.getByRole('button', { name: 'Uitvoeren' }).click();
    await expect.poll(() => status.textContent()).toBe('Het antwoord is een graaf (Turtle):');
    expect(await page.locator('pre.graph').textContent()).toContain('<https://data.dijkstad.example.nl/id/api/parkeren>');
    const turtle = await fetch(new URL((await page.getByRole('link', { name: 'Turtle' }).getAttribute('href'))!, ui.fedcat.base));
    expect(turtle.headers.get('content-type')).toMatch(/^text\/turtle/);
    // DESCRIBE: a graph too.
    await examples.selectOption({ label: 'Alles over één API (DESCRIBE)' });
    await page.getByRole('button', { name: 'Uitvoeren' }).click();
    await expect.poll(async () => (await page.locator('pre.graph').textContent()) ?? '').toContain('Parkeer-API Dijkstad');
    // SELECT: a table, with CSV and JSON downloads.
    await examples.selectOption({ label: 'Datasets per thema (SELECT met COUNT)' });
    await page.getByRole('button', { name: 'Uitvoeren' }).click();
    await expect.poll(async () => (await status.textContent()) ?? '').toMatch(/^\d+ (rij|rijen)$/);
    const csv = await fetch(new URL((await page.getByRole('link', { name: 'CSV' }).getAttribute('href'))!, ui.fedcat.base));
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\r\n')[0]).toBe('theme,datasets');
    // ASK: yes or no.
    await examples.selectOption({ label: 'Is er een niet-openbare API? (ASK)' });
    await page.getByRole('button', { name: 'Uitvoeren' }).click();
    await expect.poll(() => status.textContent()).toBe('ja');
    // A query that runs for seconds (a join of every triple with every other): stopped from the page.
    await page.evaluate(`(() => {
      const sparql = document.querySelector('fedcat-app').shadowRoot.querySelector('fedcat-sparql');
      sparql.shadowRoot.querySelector('fedcat-sparql-editor').value = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER (STR(?c) < STR(?f)) }';
    })()`);
    await page.getByRole('button', { name: 'Uitvoeren' }).click();
    await page.getByRole('button', { name: 'Stoppen' }).click();
    await expect.poll(() => page.locator('fedcat-sparql p[role=alert]').textContent()).toBe('De query is gestopt.');
    expect(await page.getByRole('button', { name: 'Uitvoeren' }).isEnabled()).toBe(true);
    await page.close();
  }, 60_000);
});

describe('pages rendered on the server', () => {
  /** The schema.org description a page embeds, as a crawler reads it. */
  const jsonLd = async (page: Page) => JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? 'null') as Record<string, unknown>;

  it('show the search, a dataset, an API and an organisation with JavaScript off', async () => {
    const context = await ui.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const base = ui.fedcat.base;
    await page.goto(`${base}/?q=waterstanden`);
    const hit = page.locator('fedcat-result-list li').getByRole('link', { name: 'Actuele waterstanden en peilen' });
    expect(await hit.count()).toBe(1);
    expect(await page.locator('fedcat-search p[role=status]').textContent()).toMatch(/^\d+ resulta(at|ten)/);
    expect(await page.locator('fedcat-facets legend').allTextContents()).toContain('Organisatie');
    expect(await page.title()).toBe('waterstanden – fedcat');
    // The result's link leads to the dataset page, which reads without JavaScript too.
    await hit.click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Actuele waterstanden en peilen');
    for (const heading of ['Distributies', 'Hoe krijg ik toegang?', 'Kwaliteit van de metadata', 'Herkomst']) {
      expect(await page.getByRole('heading', { level: 2, name: heading }).count()).toBe(1);
    }
    expect(await page.title()).toBe('Actuele waterstanden en peilen – fedcat');
    const dataset = await jsonLd(page);
    expect(dataset['@type']).toBe('Dataset');
    for (const property of ['name', 'description', 'license', 'creator', 'distribution', 'spatialCoverage', 'temporalCoverage', 'identifier']) expect(dataset).toHaveProperty(property);
    expect((dataset.distribution as { encodingFormat?: string; contentUrl?: string }[]).some((d) => d.encodingFormat && d.contentUrl)).toBe(true);
    // An API: its OpenAPI summary, legal basis and FSC steps.
    const parking = apis.find((a) => a.title === 'Parkeer-API Dijkstad')!;
    await page.goto(`${base}/dataservices/${parking.id}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Parkeer-API Dijkstad');
    expect(await page.locator('#access').count()).toBe(1);
    expect(await page.getByText('Grondslag', { exact: true }).count()).toBeGreaterThan(0);
    expect((await jsonLd(page))['@type']).toBe('WebAPI');
    // An organisation, with its records.
    await page.goto(`${base}/organisations`);
    await page.getByRole('link', { name: 'Gemeente Dijkstad' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Gemeente Dijkstad');
    expect(await page.locator('fedcat-result-list li').getByRole('link', { name: 'Parkeer-API Dijkstad' }).count()).toBe(1);
    // An unknown record: the Dutch page, status 404.
    const missing = await page.goto(`${base}/datasets/0000000000000000`);
    expect(missing?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Deze pagina bestaat niet');
    await context.close();
  }, 60_000);

  it('are taken over by the browser from the data they carry: shown once, without asking the API again', async () => {
    const page = await ui.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const parking = apis.find((a) => a.title === 'Parkeer-API Dijkstad')!;
    const asked: string[] = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/v1/')) asked.push(new URL(r.url()).pathname); });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${ui.fedcat.base}/dataservices/${parking.id}`);
    await expect.poll(() => page.evaluate("customElements.get('fedcat-app') !== undefined")).toBe(true);
    await page.getByRole('heading', { level: 1, name: 'Parkeer-API Dijkstad' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.locator('#access').count()).toBe(1);
    expect(asked.filter((p) => p.startsWith(`/v1/dataservices/${parking.id}`))).toEqual([]);
    // The page is the app's now: a link navigates without loading a page (what the page set survives).
    await page.evaluate('window.fedcatSamePage = true');
    await page.locator('#serves + ul a').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Parkeerzones en tarieven');
    expect(asked.some((p) => p.startsWith('/v1/datasets/'))).toBe(true);
    // The window's title follows the page the app now shows.
    await expect.poll(() => page.title()).toBe('Parkeerzones en tarieven – fedcat');
    expect(await page.evaluate("'fedcatSamePage' in window")).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('the search on a phone', () => {
  it('folds the facets behind a "Filters" button, which a wide screen does not show', async () => {
    const phone = await ui.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${ui.fedcat.base}/?q=parkeren`);
    const facet = phone.locator('fedcat-facets legend', { hasText: 'Organisatie' });
    const button = phone.locator('details.filters > summary');
    await expect.poll(() => button.isVisible()).toBe(true);
    expect(await button.textContent()).toBe('Filters');
    expect(await facet.isVisible()).toBe(false);
    await button.click();
    await expect.poll(() => facet.isVisible()).toBe(true);
    // A filter on: the button says how many.
    await phone.locator('fedcat-facets input[name=type]').first().check();
    await expect.poll(() => button.textContent()).toBe('Filters (1)');
    await phone.close();
    const wide = await ui.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await wide.goto(`${ui.fedcat.base}/?q=parkeren`);
    await expect.poll(() => wide.locator('fedcat-facets legend', { hasText: 'Organisatie' }).isVisible()).toBe(true);
    expect(await wide.locator('details.filters > summary').isVisible()).toBe(false);
    await wide.close();
  }, 60_000);
});

describe('trying an API from its page', () => {
  it('sends a request from a public API\'s page and shows the answer; a restricted API shows how to get access instead', async () => {
    const context = await ui.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const parking = apis.find((a) => a.title === 'Parkeer-API Dijkstad')!;
    await page.goto(`${ui.fedcat.base}/dataservices/${parking.id}?lang=nl`);
    // Its OpenAPI document and a Postman collection as downloads.
    for (const [name, type] of [['OpenAPI (JSON)', /^application\/json/], ['OpenAPI (YAML)', /^application\/yaml/], ['Postman-collectie (ook voor Bruno)', /^application\/json/]] as const) {
      const download = await fetch(new URL((await page.getByRole('link', { name }).getAttribute('href'))!, ui.fedcat.base));
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toMatch(type);
    }
    await page.getByRole('button', { name: 'Console openen' }).click();
    const operation = page.locator('fedcat-api-console details.op', { hasText: '/zones' }).first();
    await operation.locator('summary').click();
    await operation.getByLabel(/^naam/).fill('Centrum');
    await operation.getByRole('button', { name: 'Probeer' }).click();
    await expect.poll(() => operation.locator('p[role=status]').textContent()).toMatch(/^Status 200, in \d+ ms$/);
    const body = JSON.parse((await operation.locator('pre[aria-label=Antwoord]').textContent()) ?? 'null') as { naam: string }[];
    expect(body.map((z) => z.naam)).toContain('Centrum');
    await operation.getByText('Dit verzoek als curl-opdracht').click();
    expect(await operation.locator('pre', { hasText: /^curl / }).textContent()).toMatch(/^curl -H 'accept: application\/json' 'http:\/\/127\.0\.0\.1:\d+\/dijkstad\/api\/parkeren\/v1\/zones\?naam=Centrum'$/);
    await operation.scrollIntoViewIfNeeded();
    await page.locator('section[aria-labelledby=try]').screenshot({ path: fileURLToPath(new URL('../../docs/screenshots/12-try-console.png', import.meta.url)) });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // A restricted API: no console to press, the way to access it instead.
    const restricted = apis.find((a) => a.title === 'Adressen bevragen API')!;
    await page.goto(`${ui.fedcat.base}/dataservices/${restricted.id}?lang=nl`);
    await page.locator('#access').waitFor();
    expect(await page.getByRole('button', { name: 'Console openen' }).count()).toBe(0);
    expect(await page.getByText(/^Proberen vanaf deze pagina kan alleen bij openbare API's/).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Hoe krijg ik toegang?' }).count()).toBe(1);
    await context.close();
  }, 60_000);
});
