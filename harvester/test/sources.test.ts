import { appendFile, cp, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadValidator, profileById, type Validator } from '@fedcat/shapes';
import { defaultFetchPolicy, emptyState, harvestSource, HostLimiter, parsePrivateAccess, recordPageQuery, type FetchPolicy, type HarvestOutcome, type HarvestProgress, type HarvestState } from '../src/index.js';
import { type SourceChange, type Source } from '@fedcat/catalogue';
import { localServer } from '../src/testing.js';

const SAMPLES = new URL('../../../shared/reference/samples/', import.meta.url);
const DCAT_NL = 'geonovum-dcat-ap-nl-example.ttl';
const CBS = 'dcat2don-cbs-dataset-with-dataservice-dcat-ap-nl3.ttl';

let validator: Validator;
let dir: string;
let outside: string;

beforeAll(async () => {
  validator = await loadValidator(profileById('dcat-ap-3.0.1'));
  dir = await mkdtemp(join(tmpdir(), 'fedcat-files-'));
  outside = await mkdtemp(join(tmpdir(), 'fedcat-outside-'));
  await cp(new URL(DCAT_NL, SAMPLES), join(dir, 'catalogue', DCAT_NL), { recursive: true });
  await cp(new URL(CBS, SAMPLES), join(dir, 'catalogue', 'nested', CBS), { recursive: true });
  await writeFile(join(dir, 'catalogue', 'README.txt'), 'not RDF, not read');
  await cp(new URL(DCAT_NL, SAMPLES), join(outside, DCAT_NL));
  await symlink(outside, join(dir, 'catalogue-link'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

async function harvest(source: Source, policy: Partial<FetchPolicy>, previous?: HarvestState, onProgress?: (p: HarvestProgress) => void) {
  const changes: SourceChange[] = [];
  const outcome = await harvestSource(source, {
    fetchPolicy: { ...defaultFetchPolicy, ...policy }, validator, previous, genidBase: 'https://fedcat.test/.well-known/genid/',
    sink: { publish: async (_s, change) => void changes.push(change) }, onProgress,
  });
  return { outcome, change: changes[0] };
}

const harvested = (o: HarvestOutcome) => {
  if (o.kind !== 'harvested') throw new Error(`expected a harvest, got ${o.kind}${o.kind === 'failed' ? `: ${o.error.message}` : ''}`);
  return o;
};

describe('a local file or directory source', () => {
  const source = (path: string): Source => ({ id: 'files', url: pathToFileURL(path).href, org: null, addedAt: '2026-01-01T00:00:00Z' });

  it('reads every RDF file under a directory, each in its own syntax, and nothing else', async () => {
    const { outcome, change } = await harvest(source(join(dir, 'catalogue')), { fileRoots: [dir] });
    const o = harvested(outcome);
    expect(o.stats.pages).toBe(2);
    expect(o.stats.datasets).toBeGreaterThan(0);
    expect(change!.upsert.map((d) => d.type).sort()).toEqual(expect.arrayContaining(['DataService', 'Dataset']));
  });

  it('reads nothing again while no file changed, and re-reads after one did', async () => {
    const first = harvested((await harvest(source(join(dir, 'catalogue')), { fileRoots: [dir] })).outcome);
    const again = await harvest(source(join(dir, 'catalogue')), { fileRoots: [dir] }, first.state);
    expect(again.outcome.kind === 'not-modified' && again.outcome.by).toBe('conditional-request');
    const file = join(dir, 'catalogue', DCAT_NL);
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    const touched = await harvest(source(join(dir, 'catalogue')), { fileRoots: [dir] }, first.state);
    expect(touched.outcome.kind === 'not-modified' && touched.outcome.by).toBe('content');
    await appendFile(file, '\n# saved again\n');
    const after = harvested((await harvest(source(join(dir, 'catalogue')), { fileRoots: [dir] }, first.state)).outcome);
    expect(after.stats.records.unchanged).toBe(first.stats.records.added);
  });

  it('harvests the same bytes again when what decides the records changed (invalid-record handling, profile)', async () => {
    const first = harvested((await harvest(source(join(dir, 'catalogue')), { fileRoots: [dir] })).outcome);
    const reread = { ...first.state, etag: null };
    const skipping = await harvest({ ...source(join(dir, 'catalogue')), invalidRecords: 'skip' }, { fileRoots: [dir] }, reread);
    expect(skipping.outcome.kind).toBe('harvested');
    const otherProfile: Validator = { ...validator, profile: { ...validator.profile, id: 'another-profile' } };
    const changes: SourceChange[] = [];
    const outcome = await harvestSource(source(join(dir, 'catalogue')), {
      fetchPolicy: { ...defaultFetchPolicy, fileRoots: [dir] }, validator: otherProfile, previous: reread,
      genidBase: 'https://fedcat.test/.well-known/genid/', sink: { publish: async (_s, change) => void changes.push(change) },
    });
    expect(outcome.kind).toBe('harvested');
  });

  it('refuses files when no directory is allowed, outside the allowed ones, and through a symbolic link out', async () => {
    for (const [path, roots] of [[join(dir, 'catalogue'), []], [outside, [dir]], [join(dir, 'catalogue-link'), [dir]]] as const) {
      const { outcome } = await harvest(source(path), { fileRoots: roots });
      expect(outcome.kind).toBe('failed');
      if (outcome.kind === 'failed') expect(outcome.error.code, path).toBe('SOURCE_FORBIDDEN');
    }
  });

  it('stops at the file count and byte caps before parsing', async () => {
    const many = await harvest({ ...source(join(dir, 'catalogue')), limits: { maxPages: 1 } }, { fileRoots: [dir] });
    expect(many.outcome.kind === 'failed' && many.outcome.error.message).toMatch(/2 files; at most 1/);
    const big = await harvest({ ...source(join(dir, 'catalogue')), limits: { maxBytes: 1000 } }, { fileRoots: [dir] });
    expect(big.outcome.kind === 'failed' && big.outcome.error.code).toBe('SOURCE_LIMIT_EXCEEDED');
  });
});

describe('a SPARQL endpoint source', () => {
  const DATASETS = 1_203;
  let endpoint: Awaited<ReturnType<typeof localServer>>;
  let queries = 0;

  beforeAll(async () => {
    // Another organisation's triple store: a real SPARQL engine over a real sample plus generated datasets.
    const store = new oxigraph.Store();
    const { readFile } = await import('node:fs/promises');
    store.load(await readFile(new URL(DCAT_NL, SAMPLES), 'utf8'), { format: 'text/turtle', base_iri: 'https://example.org/' });
    const generated = Array.from({ length: DATASETS }, (_, i) => `<https://data.example.org/d/${i}> a dcat:Dataset;
  dct:title "Dataset ${i}"@nl; dct:description "Beschrijving ${i}"@nl;
  dcat:contactPoint [ a vcard:Kind; vcard:fn "Loket ${i % 7}"; vcard:hasEmail <mailto:loket${i % 7}@example.org> ];
  dcat:distribution <https://data.example.org/d/${i}/csv>.
<https://data.example.org/d/${i}/csv> a dcat:Distribution; dcat:accessURL <https://data.example.org/files/${i}.csv>.`).join('\n');
    store.load(`@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>. @prefix vcard: <http://www.w3.org/2006/vcard/ns#>.\n${generated}`, { format: 'text/turtle' });
    endpoint = await localServer((req, res) => {
      const query = new URL(req.url ?? '/', 'http://x').searchParams.get('query');
      if (!query) return void res.writeHead(400).end('query missing');
      queries++;
      res.writeHead(200, { 'content-type': 'application/n-triples' }).end(store.query(query, { results_format: 'application/n-triples' }) as string);
    });
  });
  afterAll(async () => endpoint.close());

  const source: () => Source = () => ({ id: 'sparql', url: `${endpoint.origin}/sparql`, org: null, addedAt: '2026-01-01T00:00:00Z', kind: 'sparql' });

  it('pages through every record with CONSTRUCT queries until a short page, bringing each record\'s closure', async () => {
    queries = 0;
    const { outcome, change } = await harvest(source(), { privateAccess: parsePrivateAccess(endpoint.hostPort) });
    const o = harvested(outcome);
    const expected = DATASETS + o.stats.records.invalid;
    expect(o.stats.pages).toBe(Math.ceil((expected + 1) / 500));
    expect(queries).toBe(o.stats.pages);
    expect(change!.upsert.filter((d) => d.iri.startsWith('https://data.example.org/d/'))).toHaveLength(DATASETS);
    const d7 = change!.quads.filter((q) => q.subject.value === 'https://data.example.org/d/7/csv');
    expect(d7.map((q) => q.predicate.value)).toContain('http://www.w3.org/ns/dcat#accessURL');
    const contact = change!.quads.find((q) => q.subject.value === 'https://data.example.org/d/7' && q.predicate.value.endsWith('contactPoint'));
    expect(contact?.object.termType).toBe('NamedNode');
    expect(change!.quads.some((q) => q.subject.equals(contact!.object) && q.predicate.value.endsWith('fn'))).toBe(true);
  });

  it('gives the same records as reading the same catalogue as a document', async () => {
    const viaSparql = harvested((await harvest(source(), { privateAccess: parsePrivateAccess(endpoint.hostPort) })).outcome);
    const file = await mkdtemp(join(tmpdir(), 'fedcat-one-'));
    await cp(new URL(DCAT_NL, SAMPLES), join(file, DCAT_NL));
    const viaFile = harvested((await harvest({ id: 'sparql', url: pathToFileURL(join(file, DCAT_NL)).href, org: null, addedAt: '' }, { fileRoots: [file] })).outcome);
    await rm(file, { recursive: true });
    for (const [iri, record] of Object.entries(viaFile.state.records)) expect(viaSparql.state.records[iri]?.hash, iri).toBe(record.hash);
  });

  it('is refused on a private address like any other source, before any query', async () => {
    queries = 0;
    const { outcome } = await harvest(source(), {});
    expect(outcome.kind === 'failed' && outcome.error.code).toBe('SOURCE_FORBIDDEN');
    expect(queries).toBe(0);
  });

  it('splices only integers into its query', () => {
    expect(recordPageQuery(1000)).toContain('OFFSET 1000');
    expect(() => recordPageQuery(-1)).toThrow(RangeError);
    expect(() => recordPageQuery(1.5)).toThrow(RangeError);
  });
});

describe('progress and the per-host limit', () => {
  it('reports progress through reading, validating and publishing', async () => {
    const phases: string[] = [];
    const root = await mkdtemp(join(tmpdir(), 'fedcat-progress-'));
    await cp(new URL(CBS, SAMPLES), join(root, CBS));
    const { outcome } = await harvest({ id: 'p', url: pathToFileURL(join(root, CBS)).href, org: null, addedAt: '' }, { fileRoots: [root] }, emptyState,
      (p) => { if (phases.at(-1) !== p.phase) phases.push(p.phase); });
    await rm(root, { recursive: true });
    harvested(outcome);
    expect(phases).toEqual(['reading', 'splitting', 'validating', 'publishing']);
  });

  it('lets at most perHost tasks run against one host, in order, and other hosts freely', async () => {
    const limiter = new HostLimiter(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (i: number) => limiter.run('a:80', async () => {
      running++; peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 10));
      running--; order.push(i);
    });
    const other = limiter.run('b:80', async () => limiter.inFlight('a:80'));
    await Promise.all([...Array.from({ length: 6 }, (_, i) => task(i)), other]);
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await other).toBe(2);
    expect(limiter.inFlight('a:80')).toBe(0);
  });
});
