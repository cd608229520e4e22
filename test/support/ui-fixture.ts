import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { fedcat, freePort, startFedcat, type RunningFedcat } from './processes.js';

const FIXTURES = new URL('../fixtures/ui/', import.meta.url);
const EXAMPLE = new URL('../../web/examples/embed.html', import.meta.url);

/**
 * Other organisations' servers for the UI tests, on loopback: a catalogue with hostile metadata, one of two pages
 * streamed slowly (a harvest of it takes about four seconds, so its live progress can be watched), and a third-party web
 * page embedding fedcat's elements (another origin).
 */
export async function otherOrganisations(fedcatBase: () => string, serviceId: () => string) {
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/hostile.ttl') return void res.writeHead(200, { 'content-type': 'text/turtle' }).end(await readFile(new URL('hostile.ttl', FIXTURES)));
    if (path === '/slow.ttl' || path === '/slow-2.ttl') {
      // Each of the two pages arrives in eight pieces over two seconds.
      const body = Buffer.from((await readFile(new URL(path.slice(1), FIXTURES), 'utf8')).replaceAll('{{origin}}', `http://${origin}`));
      res.writeHead(200, { 'content-type': 'text/turtle' });
      const pieces = 8;
      for (let i = 0; i < pieces; i++) {
        if (res.destroyed) return;
        res.write(body.subarray(Math.floor((i * body.length) / pieces), Math.floor(((i + 1) * body.length) / pieces)));
        await new Promise((r) => setTimeout(r, 250));
      }
      return void res.end();
    }
    if (path === '/embed.html') {
      const page = (await readFile(EXAMPLE, 'utf8')).replaceAll('https://fedcat.example.nl/', `${fedcatBase()}/`).replaceAll('SERVICE_ID', serviceId());
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    }
    res.writeHead(404).end();
  });
  let origin = '';
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, base: `http://${origin}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export interface UiFixture {
  readonly fedcat: RunningFedcat;
  readonly browser: Browser;
  readonly adminToken: string;
  readonly others: Awaited<ReturnType<typeof otherOrganisations>>;
  /** Calls the API with the admin token. */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** Harvests a source now and waits for its run to end. */
  harvest(source: string): Promise<void>;
  close(): Promise<void>;
}

/** The demo catalogue on a fedcat of its own, plus a hostile and a slow organisation registered (not yet harvested). */
export async function startUiFixture(): Promise<UiFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'fedcat-ui-'));
  let base = '';
  let serviceId = '';
  const others = await otherOrganisations(() => base, () => serviceId);
  const running = await startFedcat('demo', await freePort(), { FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: others.origin }, 'harvested');
  base = running.base;
  const created = await fedcat(['tokens', 'create', '--admin', '--name', 'ui-test'], { FEDCAT_DATA_DIR: dir });
  if (created.code !== 0) throw new Error(`tokens create failed: ${created.stderr}`);
  const adminToken = created.stdout.trim();
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method, headers: { authorization: `Bearer ${adminToken}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (res.status === 204 ? null : await res.json()) as unknown };
  };
  for (const id of ['vijandig-bureau', 'traag-bureau']) {
    // Their catalogues are plain DCAT-AP (not written for DCAT-AP-NL): registered with that profile.
    const res = await call('POST', '/v1/sources', { id, url: `${others.base}/${id === 'vijandig-bureau' ? 'hostile' : 'slow'}.ttl`, profile: 'dcat-ap-3.0.1' });
    if (res.status !== 201) throw new Error(`registering ${id}: ${JSON.stringify(res.body)}`);
  }
  const parking = (await (await fetch(`${base}/v1/search?q=Parkeer-API`)).json()) as { hits: { document: { id: string; type: string } }[] };
  serviceId = parking.hits.find((h) => h.document.type === 'DataService')!.document.id;
  const browser = await launchBrowser();
  const harvest = async (source: string) => {
    type Status = { running: unknown; lastRun: { id: string; status: string; error?: { message: string } } | null };
    const status = async () => (await call('GET', `/v1/sources/${source}`)).body as Status;
    const before = (await status()).lastRun?.id ?? null;
    const started = await call('POST', `/v1/sources/${source}/harvests`);
    if (started.status !== 202) throw new Error(`harvest ${source}: ${JSON.stringify(started.body)}`);
    for (let i = 0; i < 300; i++) {
      const s = await status();
      if (!s.running && s.lastRun && s.lastRun.id !== before) {
        if (s.lastRun.status === 'failed') throw new Error(`harvest of ${source} failed: ${s.lastRun.error?.message}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`harvest of ${source} did not end`);
  };
  return {
    fedcat: running, browser, adminToken, others, call, harvest,
    close: async () => {
      await browser.close();
      await running.stop();
      await others.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Collects the page's JavaScript dialogs and uncaught errors: a script a harvested string smuggled in would show here. */
export function watchForScripts(page: import('playwright-core').Page): { dialogs: string[]; errors: string[] } {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); void d.dismiss(); });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  return seen;
}
