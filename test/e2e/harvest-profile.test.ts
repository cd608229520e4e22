import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { fedcat, freePort, startFedcat, type RunningFedcat } from '../support/processes.js';

// A dataset with a title and a description only (in a catalogue with a publisher): enough for DCAT-AP 3.0.1, far
// from what DCAT-AP-NL 3.0 asks.
const CATALOGUE = `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
<https://profiel.example/catalogus> a dcat:Catalog ; dct:title "Catalogus"@nl ; dct:description "Een catalogus"@nl ;
  dct:publisher <https://profiel.example/bureau> ; dcat:dataset <https://profiel.example/ds> .
<https://profiel.example/bureau> a foaf:Agent ; foaf:name "Profielbureau"@nl .
<https://profiel.example/ds> a dcat:Dataset ; dct:title "Grondwaterstanden"@nl ; dct:description "Metingen van grondwaterstanden"@nl .
`;

let dir: string;
let file: string;
let server: RunningFedcat | undefined;
let browser: Browser | undefined;
const env = () => ({ FEDCAT_DATA_DIR: join(dir, 'data'), FEDCAT_HARVEST_FILES: dir, FEDCAT_LINK_CHECK: 'false', FEDCAT_SERVICE_CHECK: 'false' });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fedcat-profile-'));
  file = join(dir, 'catalogus.ttl');
  await writeFile(file, CATALOGUE);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

const validateJson = async (extra: NodeJS.ProcessEnv) => {
  const run = await fedcat(['validate', file, '--format', 'json'], { ...env(), ...extra });
  return { code: run.code, profile: (JSON.parse(run.stdout) as { profile: string }).profile };
};

describe('FEDCAT_HARVEST_PROFILE', () => {
  it('changes what fedcat validate, POST /v1/validate, the UI validator and harvests check', async () => {
    // Unset, the default profile (DCAT-AP-NL 3.0) rejects the document: the baseline the setting changes.
    expect(await validateJson({})).toEqual({ code: 1, profile: 'dcat-ap-nl-3.0' });
    const profile = { FEDCAT_HARVEST_PROFILE: 'dcat-ap-3.0.1' };

    // fedcat validate
    expect(await validateJson(profile)).toEqual({ code: 0, profile: 'dcat-ap-3.0.1' });

    // POST /v1/validate, naming no profile
    server = await startFedcat('serve', await freePort(), { ...env(), ...profile });
    const dryRun = await fetch(`${server.base}/v1/validate`, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: CATALOGUE });
    expect(dryRun.status).toBe(200);
    expect(await dryRun.json()).toMatchObject({ profile: 'dcat-ap-3.0.1', conforms: true, violations: 0 });
    expect(await (await fetch(`${server.base}/v1/validate/profiles`)).json()).toMatchObject({ default: 'dcat-ap-3.0.1' });

    // The UI's validator preselects it and validates with it.
    browser = await launchBrowser();
    const page = await browser.newPage({ locale: 'nl-NL' });
    await page.goto(`${server.base}/validator`);
    await expect.poll(() => page.getByLabel('Profiel').inputValue(), { timeout: 10_000 }).toBe('dcat-ap-3.0.1');
    await page.getByLabel('RDF-tekst').fill(CATALOGUE);
    await page.getByRole('button', { name: 'Valideren' }).click();
    await expect.poll(() => page.getByText('Voldoet: geen fouten die records laten afwijzen.').count(), { timeout: 20_000 }).toBe(1);

    // A harvest of a source without a profile of its own gates with it: the dataset is accepted, not quarantined.
    expect((await fedcat(['sources', 'add', pathToFileURL(file).href, '--id', 'profiel'], { ...env(), ...profile })).code).toBe(0);
    const harvest = await fedcat(['harvest', '--source', 'profiel'], { ...env(), ...profile });
    expect(harvest.code, harvest.stderr).toBe(0);
    const { runs } = await (await fetch(`${server.base}/v1/sources/profiel/runs`)).json() as { runs: { stats?: { validation: { profile: string }; records: { added: number; invalid: number } } }[] };
    expect(runs[0]?.stats).toMatchObject({ validation: { profile: 'dcat-ap-3.0.1' }, records: { added: 1, invalid: 0 } });
  });
});
