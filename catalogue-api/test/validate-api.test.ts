import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPublisher } from '../src/demo/publisher.js';
import { harvestedApp, harvestedDemo } from './support.js';

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const SAMPLES = new URL('../../../shared/reference/samples/', import.meta.url);

/** A catalogue of about 5 MB: datasets that pass DCAT-AP-NL 3.0, every tenth one with a literal access URL. */
function bigCatalogue(): string {
  const head = `@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>. @prefix vcard: <http://www.w3.org/2006/vcard/ns#>.
@prefix ex: <https://data.example.nl/id/>.\n`;
  const parts = [head];
  let length = head.length;
  for (let i = 0; length < 5_000_000 && i < 100_000;) {
    const chunk: string[] = [];
    for (let j = 0; j < 100; j++, i++) {
      const access = i % 10 === 0 ? `"https://data.example.nl/api/${i}"` : `<https://data.example.nl/api/${i}>`;
      chunk.push(`ex:d${i} a dcat:Dataset; dct:title "Dataset ${i}"@nl; dct:description "Beschrijving van dataset ${i} met wat tekst."@nl;
  dct:identifier "urn:example:${i}"; dct:publisher ex:org; dct:creator ex:org; dcat:theme <http://publications.europa.eu/resource/authority/data-theme/GOVE>; dct:accessRights <http://publications.europa.eu/resource/authority/access-right/PUBLIC>;
  dcat:contactPoint [ a vcard:Organization; vcard:fn "Loket"; vcard:hasEmail <mailto:loket@example.nl> ];
  dcat:distribution ex:d${i}-csv.
ex:d${i}-csv a dcat:Distribution; dcat:accessURL ${access}; dct:format <http://publications.europa.eu/resource/authority/file-type/CSV>; dct:license <http://data.europa.eu/eli/dec_impl/2021/1357/oj>.\n`);
    }
    parts.push(chunk.join(''));
    length += parts[parts.length - 1]!.length;
  }
  return parts.join('');
}

let harvested: Awaited<ReturnType<typeof harvestedApp>>;
let publisher: Awaited<ReturnType<typeof startDemoPublisher>>;
let catalogue: string;
let dir: string;

beforeAll(async () => {
  publisher = await startDemoPublisher();
  harvested = await harvestedDemo(publisher);
  catalogue = bigCatalogue();
  dir = await mkdtemp(join(tmpdir(), 'fedcat-validate-'));
  await writeFile(join(dir, 'big.ttl'), catalogue);
}, 120_000);
afterAll(async () => {
  await harvested?.close();
  await publisher?.close();
  await rm(dir, { recursive: true, force: true });
});

async function catalogueState() {
  const { runtime } = harvested;
  const [row] = await runtime.store.select('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }');
  return { quads: Number(row?.n?.value), graphs: (await runtime.store.listGraphs()).length, records: (await runtime.search.search({ q: '', offset: 0, limit: 1 })).total };
}

describe('POST /v1/validate', () => {
  it('answers a 5 MB catalogue with a grouped report and stores nothing', async () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(5_000_000);
    const before = await catalogueState();
    const res = await harvested.app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'text/turtle' }, payload: catalogue });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    const datasets = Number(/ex:d(\d+) a dcat:Dataset[^]*$/.exec(catalogue.slice(-2000))?.[1]) + 1;
    const access = report.groups.find((g: { path: string; severity: string }) => g.path === 'http://www.w3.org/ns/dcat#accessURL' && g.severity === 'violation');
    expect(access).toMatchObject({ count: Math.ceil(datasets / 10), gating: true, messages: { nl: expect.stringMatching(/toegangs|access/i) } });
    expect(report).toMatchObject({ profile: 'dcat-ap-nl-3.0', conforms: false, violations: Math.ceil(datasets / 10) });
    expect(report.warnings).toBeGreaterThan(0);
    expect(await catalogueState()).toEqual(before);
  });

  it('answers the same findings as an sh:ValidationReport in Turtle', async () => {
    const body = await import('node:fs/promises').then((fs) => fs.readFile(new URL('govdata-bremen-portal-dump.rdf', SAMPLES)));
    const json = (await harvested.app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'application/rdf+xml' }, payload: body })).json();
    const res = await harvested.app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'application/rdf+xml', accept: 'text/turtle' }, payload: body });
    expect(res.headers['content-type']).toMatch(/^text\/turtle/);
    const results = new Parser().parse(res.body).filter((q) => q.predicate.value === 'http://www.w3.org/ns/shacl#result');
    // Every SHACL result, also those of a second shape saying the same (the JSON lists such a finding once).
    expect(results).toHaveLength(json.shaclResults);
    expect(json.shaclResults).toBeGreaterThan(json.violations + json.warnings + json.infos);
  });

  it('validates a document fetched from {"url"} under the harvester’s address rules', async () => {
    const ok = await harvested.app.inject({ method: 'POST', url: '/v1/validate?profile=dcat-ap-3.0.1', payload: { url: `${publisher.origin}/${publisher.files[0]}` } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ profile: 'dcat-ap-3.0.1', conforms: true });
    const refused = await harvested.app.inject({ method: 'POST', url: '/v1/validate', payload: { url: 'http://127.0.0.1:9/catalogue.ttl' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json().code).toBe('CAT_VALIDATION_URL_REFUSED');
  });

  it('rejects a body that is not RDF with problem+json naming the line', async () => {
    const res = await harvested.app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'text/turtle' }, payload: '@prefix dcat: <http://www.w3.org/ns/dcat#>.\n<x> a dcat:Dataset ;; ] .' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'CAT_VALIDATION_UNREADABLE', detail: expect.stringMatching(/line 2/) });
    const html = await harvested.app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'text/html' }, payload: '<html></html>' });
    expect(html.statusCode).toBe(415);
    expect(html.headers['content-type']).toMatch(/^application\/problem\+json/);
    const unknown = await harvested.app.inject({ method: 'POST', url: '/v1/validate?profile=nope', headers: { 'content-type': 'text/turtle' }, payload: '<a> <b> <c>.' });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('fedcat validate', () => {
  const run = (args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [CLI, 'validate', ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FEDCAT_DATA_DIR: dir } }, (err, stdout, stderr) => {
      resolve({ code: err ? (err as { code?: number }).code ?? 1 : 0, stdout, stderr });
    });
  });

  // Two validations of a 5 MB catalogue (the CLI's and the API's), each tens of seconds on a busy 2-core machine.
  it('prints the same report as the API and exits 1 on violations', async () => {
    const cli = await run([join(dir, 'big.ttl'), '--format', 'json']);
    expect(cli.code).toBe(1);
    const api = (await harvested.app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'text/turtle' }, payload: catalogue })).json();
    // Blank nodes get new labels in every parse: an example that is a blank node is compared as one.
    const blanks = (report: { groups: { example: Record<string, unknown> }[] }) => ({ ...report, groups: report.groups.map((g) => ({ ...g, example: {
      ...g.example,
      focusNode: g.example.focusKind === 'blank' ? '_' : g.example.focusNode,
      value: g.example.valueKind === 'blank' ? '_' : g.example.value,
    } })) });
    expect(blanks(JSON.parse(cli.stdout))).toEqual(blanks(api));
    const text = await run([fileURLToPath(new URL('govdata-bremen-portal-dump.rdf', SAMPLES)), '--lang', 'en']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^Validation \(dcat-ap-nl-3\.0\): does not conform/);
    expect(text.stdout).toMatch(/VIOLATION .* dcat:accessURL: The value of access URL \(dcat:accessURL\) must be a resource/);
  }, 240_000);

  it('exits 0 for a conforming catalogue, 2 for an unreadable one, and validates with the caller’s shapes', async () => {
    const geonovum = fileURLToPath(new URL('geonovum-dcat-ap-nl-example.ttl', SAMPLES));
    expect((await run([geonovum])).code).toBe(0);
    const broken = await run([fileURLToPath(new URL('invalid/piveau-hub-example-dataset-missing-dot.ttl', SAMPLES))]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/line 17/);
    const shapes = join(dir, 'title.ttl');
    await writeFile(shapes, `@prefix sh: <http://www.w3.org/ns/shacl#>. <urn:s> a sh:NodeShape; sh:targetClass <http://www.w3.org/ns/dcat#Dataset>;
      sh:property [ sh:path <http://purl.org/dc/terms/title>; sh:minLength 500 ].`);
    const own = await run([geonovum, '--shapes', shapes, '--format', 'turtle']);
    expect(own.code).toBe(1);
    expect(own.stdout).toMatch(/MinLengthConstraintComponent/);
  });
});
