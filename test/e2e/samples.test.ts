import { readdir } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerDeps, genidBase, harvestAll, loadConfig, openRuntime, type RunnerResult, type Runtime } from '@fedcat/catalogue-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES, samplePublisher } from '../support/publisher.js';

const TYPES: Record<string, string> = { ttl: 'text/turtle', rdf: 'application/rdf+xml', jsonld: 'application/ld+json', json: 'application/json' };

const DCAT_AP_NL = /^(geonovum-dcat-ap-nl|dcat2don-.*dcat-ap-nl3)/;
let dir: string;
let runtime: Runtime;
let publisher: Awaited<ReturnType<typeof samplePublisher>>;
let files: string[];
let outcomes: RunnerResult[];

beforeAll(async () => {
  const root = fileURLToPath(SAMPLES);
  files = [...(await readdir(root)).filter((f) => f.includes('.')), ...(await readdir(join(root, 'invalid'))).map((f) => `invalid/${f}`)].sort();
  publisher = await samplePublisher(Object.fromEntries(files.map((f) => [`/${f}`, { file: f, type: TYPES[f.split('.').pop()!] ?? 'text/plain' }])));
  dir = await mkdtemp(join(tmpdir(), 'fedcat-samples-'));
  const config = loadConfig({ FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: publisher.hostPort });
  runtime = openRuntime(config);
  // Catalogues written for DCAT-AP-NL are gated by the default profile; the others (German, Czech, Italian, CKAN, SEMIC
  // and older Dutch exports) are registered with DCAT-AP 3.0.1, as an operator would register them.
  for (const f of files) {
    await runtime.sources.upsert({ id: f.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60), url: `${publisher.origin}/${f}`, ...(DCAT_AP_NL.test(f) ? {} : { profile: 'dcat-ap-3.0.1' }) });
  }
  outcomes = await harvestAll(await runtime.sources.list(), await runnerDeps(runtime, config, { enrich: false }));
  console.table(outcomes.map((o) => o.kind === 'harvested'
    ? { source: o.source, outcome: 'harvested', accepted: o.stats.datasets + o.stats.dataServices, rejected: o.stats.records.invalid,
        violations: o.stats.validation.violations, normalised: o.stats.normalisations.count }
    : { source: o.source, outcome: o.kind, error: o.kind === 'failed' ? `${o.error.code}: ${o.error.message.slice(0, 80)}` : '' }));
}, 180_000);
afterAll(async () => {
  await runtime?.close();
  await publisher?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('harvesting every real sample, the broken ones too', () => {
  it('reports an outcome for every file and crashes on none', () => {
    expect(outcomes).toHaveLength(files.length);
  });

  it('harvests the well-formed catalogues and finds records in each', () => {
    for (const o of outcomes.filter((x) => !x.source.startsWith('invalid') && !x.source.includes('remote-context') && !x.source.includes('ogcapi'))) {
      expect(o.kind, o.source).toBe('harvested');
      if (o.kind === 'harvested') expect(o.stats.records.added + o.stats.records.invalid, o.source).toBeGreaterThan(0);
    }
  });

  it('validates each source with its own profile: DCAT-AP-NL 3.0 by default, DCAT-AP 3.0.1 where registered so', () => {
    const profiles = Object.fromEntries(outcomes.flatMap((o) => (o.kind === 'harvested' ? [[o.source, o.stats.validation.profile]] : [])));
    expect(profiles['geonovum-dcat-ap-nl-example-ttl']).toBe('dcat-ap-nl-3.0');
    expect(profiles['govdata-bremen-portal-dump-rdf']).toBe('dcat-ap-3.0.1');
    const geonovum = outcomes.find((o) => o.source === 'geonovum-dcat-ap-nl-example-ttl');
    expect(geonovum?.kind === 'harvested' && geonovum.stats.records).toMatchObject({ invalid: 0 });
  });

  it('fails the syntactically broken files with a parse error naming the line', () => {
    for (const o of outcomes.filter((x) => x.source.startsWith('invalid') && x.source.endsWith('-ttl'))) {
      expect(o.kind, o.source).toBe('failed');
      if (o.kind === 'failed') expect(o.error.message).toMatch(/line \d+/);
    }
  });

  it('refuses the JSON-LD document that needs a remote context, saying so', () => {
    const o = outcomes.find((x) => x.source.includes('remote-context'))!;
    expect(o.kind === 'failed' && o.error.message).toMatch(/remote context/);
  });

  it('reports rejected records of the big Bremen dump with what to fix, and keeps the rest searchable', async () => {
    const o = outcomes.find((x) => x.source.includes('bremen'))!;
    expect(o.kind).toBe('harvested');
    if (o.kind !== 'harvested') return;
    expect(o.stats.datasets).toBeGreaterThan(0);
    for (const p of o.stats.problems) expect(p.results[0]?.path ?? p.results[0]?.message).toBeTruthy();
    const hits = await runtime.search.search({ filters: { source: [o.source] } });
    expect(hits.total).toBe(o.stats.datasets + o.stats.dataServices);
  });
});
