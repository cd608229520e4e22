import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUiFixture, type UiFixture } from '../support/ui-fixture.js';

let ui: UiFixture;
let pages: { name: string; path: string; ready: (p: Page) => Promise<unknown> }[] = [];

const heading = (p: Page) => p.getByRole('heading', { level: 1 }).waitFor();

beforeAll(async () => {
  ui = await startUiFixture();
  const search = async (q: string) => ((await (await fetch(`${ui.fedcat.base}/v1/search?q=${q}`)).json()) as { hits: { document: { id: string; type: string } }[] }).hits;
  const dataset = (await search('bomenregister')).find((h) => h.document.type === 'Dataset')!.document.id;
  const service = (await search('Parkeer-API')).find((h) => h.document.type === 'DataService')!.document.id;
  const runs = (await ui.call('GET', '/v1/sources/gemeente-dijkstad/runs')).body as { runs: { id: string; status: string }[] };
  const run = runs.runs.find((r) => r.status === 'succeeded')!.id;
  const results = (p: Page) => p.locator('fedcat-result-list li').first().waitFor();
  pages = [
    { name: 'search', path: '/?q=parkern', ready: results },
    { name: 'dataset', path: `/datasets/${dataset}`, ready: (p) => p.getByRole('heading', { level: 2 }).last().waitFor() },
    { name: 'API', path: `/dataservices/${service}`, ready: (p) => p.locator('#access').waitFor() },
    { name: 'organisations', path: '/organisations', ready: heading },
    { name: 'organisation', path: `/organisations?iri=${encodeURIComponent('https://identifier.overheid.nl/tooi/id/gemeente/gm9991')}`, ready: results },
    { name: 'owner sources', path: '/owner', ready: (p) => p.getByRole('table').waitFor() },
    { name: 'source', path: '/owner/sources/gemeente-dijkstad', ready: (p) => p.getByRole('table').waitFor() },
    { name: 'run report', path: `/owner/sources/gemeente-dijkstad/runs/${encodeURIComponent(run)}`, ready: (p) => p.getByRole('heading', { level: 2 }).first().waitFor() },
    { name: 'validator', path: '/validator', ready: heading },
    { name: 'SPARQL', path: '/query', ready: (p) => p.locator('fedcat-sparql-editor[ready]').waitFor() },
  ];
}, 120_000);
afterAll(async () => {
  await ui?.close();
});

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  if (result.passes.length < 10) throw new Error(`axe checked almost nothing (${result.passes.length} rules passed): is the page empty?`);
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}

describe('accessibility (axe-core, WCAG 2.1 AA) on every page in both languages', () => {
  it('reports what it should inside shadow roots (the check can fail)', async () => {
    const context = await ui.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${ui.fedcat.base}/?lang=nl`);
    await page.locator('fedcat-result-list li').first().waitFor();
    // Break the page on purpose: a form field without a name and text without contrast, inside the search element.
    await page.evaluate(`(() => {
      const search = document.querySelector('fedcat-app').shadowRoot.querySelector('fedcat-search').shadowRoot;
      search.querySelector('label[for=q]').remove();
      search.querySelector('#q').removeAttribute('placeholder');
      search.querySelector('p[role=status]').style.color = '#f4f4f4';
    })()`);
    const found = (await seriousViolations(page)).map((v) => v.split(' ')[0]);
    expect(found).toEqual(expect.arrayContaining(['label', 'color-contrast']));
    await context.close();
  });

  for (const lang of ['nl', 'en'] as const) {
    it(`finds no serious or critical violations on any page in ${lang === 'nl' ? 'Dutch' : 'English'}`, async () => {
      const context = await ui.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const found: Record<string, string[]> = {};
      for (const p of pages) {
        await page.goto(`${ui.fedcat.base}${p.path}${p.path.includes('?') ? '&' : '?'}lang=${lang}`);
        await p.ready(page);
        expect(await page.evaluate('document.documentElement.lang')).toBe(lang);
        found[p.name] = await seriousViolations(page);
      }
      // A page with results: the validator's report and the SPARQL table.
      await page.goto(`${ui.fedcat.base}/validator?lang=${lang}`);
      await page.locator('textarea').fill('@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<https://voorbeeld.example/ds> a dcat:Dataset .');
      await page.locator('button[type=submit]').click();
      await page.locator('fedcat-report ol').first().waitFor();
      found['validator report'] = await seriousViolations(page);
      // Someone else's page embedding fedcat's elements.
      await page.goto(`${ui.others.base}/embed.html?lang=${lang}`);
      await page.locator('fedcat-api-card article').waitFor();
      found['embedded'] = await seriousViolations(page);
      await context.close();
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    }, 120_000);
  }
});

describe('dark mode and zoom', () => {
  it('keeps contrast in dark mode and reflows at 400% zoom (320 CSS px) without scrolling sideways', async () => {
    const dark = await ui.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    const zoomed = await ui.browser.newContext({ viewport: { width: 320, height: 640 } });
    const darkPage = await dark.newPage();
    const narrow = await zoomed.newPage();
    const found: Record<string, string[]> = {};
    const overflow: Record<string, number> = {};
    for (const p of pages) {
      await darkPage.goto(`${ui.fedcat.base}${p.path}`);
      await p.ready(darkPage);
      found[p.name] = await seriousViolations(darkPage);
      await narrow.goto(`${ui.fedcat.base}${p.path}`);
      await p.ready(narrow);
      overflow[p.name] = (await narrow.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    }
    expect(await darkPage.evaluate(`getComputedStyle(document.documentElement).backgroundColor`)).toBe('rgb(14, 22, 33)');
    await dark.close();
    await zoomed.close();
    expect(found).toEqual(Object.fromEntries(pages.map((p) => [p.name, []])));
    expect(overflow).toEqual(Object.fromEntries(pages.map((p) => [p.name, 0])));
  }, 120_000);
});

/** What has keyboard focus, through shadow roots: tag, role-ish attributes and text. */
function focused(page: Page): Promise<{ tag: string; type: string; name: string; text: string; href: string }> {
  return page.evaluate(`(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return { tag: '', type: '', name: '', text: '', href: '' };
    return { tag: el.tagName.toLowerCase(), type: el.getAttribute('type') || '', name: el.getAttribute('aria-label') || el.getAttribute('name') || '',
      text: (el.textContent || '').trim(), href: el.getAttribute('href') || '' };
  })()`);
}

/** Presses Tab until the focused element matches (at most 80 times): the reader's way through the page. */
async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('every action by keyboard alone', () => {
  it('searches, filters, opens a result, reads how to get access and goes to the organisation', async () => {
    const page = await ui.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${ui.fedcat.base}/?lang=nl`);
    await tabTo(page, (f) => f.tag === 'input' && f.type === 'search', 'the search box');
    await page.keyboard.type('parkern');
    await expect.poll(() => page.locator('fedcat-result-list li').count(), { timeout: 10_000 }).toBe(2);
    await tabTo(page, (f) => f.tag === 'input' && f.type === 'checkbox' && f.name === 'type', 'a type facet');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('fedcat-result-list li').count()).toBe(1);
    await tabTo(page, (f) => f.tag === 'a' && /^\/(datasets|dataservices)\/[0-9a-f]{16}$/.test(f.href), 'the result');
    const path = (await focused(page)).href;
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe(path);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Parke/);
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Gemeente Dijkstad', 'the publisher');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Gemeente Dijkstad');
    // Language switch and the skip link work from the keyboard too.
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'English', 'the language switch');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe('en');
    await page.close();
  });

  it('enters a token, harvests a source now and follows it; validates pasted text; runs a SPARQL query', async () => {
    const page = await ui.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${ui.fedcat.base}/owner?lang=nl`);
    await tabTo(page, (f) => f.tag === 'input' && f.type === 'password', 'the token field');
    await page.keyboard.type(ui.adminToken);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Uw token wordt in dit tabblad gebruikt.').count()).toBe(1);
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'traag-bureau', 'the slow source');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('traag-bureau');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Nu oogsten', 'harvest now');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(/^De oogst is klaar: /).count(), { timeout: 30_000 }).toBe(1);

    await page.goto(`${ui.fedcat.base}/validator?lang=nl`);
    await tabTo(page, (f) => f.tag === 'textarea', 'the text area');
    await page.keyboard.type('@prefix dcat: <http://www.w3.org/ns/dcat#> . <https://voorbeeld.example/ds> a dcat:Dataset .');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Valideren', 'validate');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Voldoet niet: er zijn fouten om te herstellen.').count(), { timeout: 20_000 }).toBe(1);

    await page.goto(`${ui.fedcat.base}/query?lang=nl`);
    await page.locator('fedcat-sparql-editor[ready]').waitFor();
    await tabTo(page, (f) => f.tag === 'textarea', 'the editor');
    // Tab leaves the editor (no keyboard trap) and reaches the run button.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Uitvoeren' });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('cell', { name: 'Parkeer-API Dijkstad' }).count(), { timeout: 10_000 }).toBe(1);
    await page.close();
  });
});
