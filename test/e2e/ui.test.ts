import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { freePort, startFedcat, type RunningFedcat } from '../support/processes.js';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

let dir: string;
let fedcat: RunningFedcat;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fedcat-ui-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  fedcat = await startFedcat('demo', await freePort(), { FEDCAT_DATA_DIR: dir }, 'harvested');
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
});
afterAll(async () => {
  await browser?.close();
  await fedcat?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the web UI on the demo catalogue (Playwright, Debian chromium)', () => {
  it('searches with a typo, applies a facet, opens a data service page and goes back', async () => {
    await page.goto(fedcat.base);
    const box = page.getByRole('searchbox');
    await box.fill('parkern');
    await expect.poll(() => page.locator('fedcat-result-list li').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => page.url()).toContain('q=parkern');
    await page.screenshot({ path: join(SCREENSHOTS, '1-search-typo.png'), fullPage: true });

    await page.getByRole('checkbox', { name: /^API/ }).check();
    await expect.poll(() => page.locator('fedcat-result-list li').count()).toBe(1);
    expect(page.url()).toContain('type=DataService');
    await page.screenshot({ path: join(SCREENSHOTS, '2-search-facet.png'), fullPage: true });

    await page.getByRole('link', { name: 'Parkeer-API Dijkstad' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Parkeer-API Dijkstad');
    expect(new URL(page.url()).pathname).toMatch(/^\/dataservices\/[0-9a-f]{16}$/);
    expect(await page.getByText('https://api.dijkstad.example.nl/parkeren/v1', { exact: true }).count()).toBe(1);
    // How to get access, from the access conditions the API assembles.
    await expect.poll(() => page.getByRole('heading', { name: 'Hoe krijg ik toegang?' }).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, '3-dataservice-page.png'), fullPage: true });

    await page.goBack();
    await expect.poll(() => page.locator('fedcat-result-list li').count()).toBe(1);
    expect(await box.inputValue()).toBe('parkern');
  });

  it('opens a dataset page from a deep link', async () => {
    const hit = ((await (await fetch(`${fedcat.base}/v1/search?q=bomenregister`)).json()) as any).hits[0].document;
    await page.goto(`${fedcat.base}/datasets/${hit.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Bomenregister');
    await expect.poll(() => page.getByText('Gemeente Dijkstad').count()).toBeGreaterThan(0);
    // The quality panel shows the score the API computed from the stored DQV.
    const quality = ((await (await fetch(`${fedcat.base}/v1/datasets/${hit.id}/quality`)).json()) as any);
    await expect.poll(() => page.getByText(`${quality.score} van 405 punten: ${quality.ratingLabel.nl}`).count(), { timeout: 10_000 }).toBe(1);
    await page.getByText('Per indicator: wat telt en waarom').click();
    await expect.poll(() => page.getByRole('cell', { name: 'Trefwoorden' }).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, '4-dataset-page.png'), fullPage: true });
  });
});
