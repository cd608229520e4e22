import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fedcat, freePort, startFedcat, type RunningFedcat } from '../support/processes.js';
import { samplePublisher } from '../support/publisher.js';

// Data owners manage their organisation's sources through the API with a token scoped to it; operators have admin
// tokens. A real `fedcat serve` over loopback, tokens made with the real CLI, harvests by real child processes.

const DIJKSTAD = 'https://identifier.overheid.nl/tooi/id/gemeente/gm9999';
const WATERSCHAP = 'https://identifier.overheid.nl/tooi/id/waterschap/ws9999';
const FILES = {
  '/dijkstad.ttl': { file: 'geonovum-dcat-ap-nl-example.ttl', type: 'text/turtle' },
  '/dijkstad-apis.ttl': { file: 'dcat2don-cbs-dataset-with-dataservice-dcat-ap-nl3.ttl', type: 'text/turtle' },
  '/waterschap.rdf': { file: 'ckanext-dcat-catalog-multi-dataset.rdf', type: 'application/rdf+xml' },
};

let publisher: Awaited<ReturnType<typeof samplePublisher>>;
let server: RunningFedcat;
let dir: string;
let env: NodeJS.ProcessEnv;
const tokens = { dijkstad: '', waterschap: '', admin: '' };

async function createToken(args: string[]): Promise<string> {
  const made = await fedcat(['tokens', 'create', ...args], env);
  expect(made.code, made.stderr).toBe(0);
  expect(made.stderr).toMatch(/shown only now/);
  return made.stdout.trim();
}

beforeAll(async () => {
  publisher = await samplePublisher(FILES);
  dir = await mkdtemp(join(tmpdir(), 'fedcat-owners-'));
  env = { FEDCAT_DATA_DIR: dir, FEDCAT_HARVEST_ALLOW_PRIVATE: publisher.hostPort };
  expect((await fedcat(['sources', 'add', `${publisher.origin}/dijkstad.ttl`, '--id', 'dijkstad', '--org', DIJKSTAD, '--max-pages', '3'], env)).code).toBe(0);
  expect((await fedcat(['sources', 'add', `${publisher.origin}/waterschap.rdf`, '--id', 'waterschap', '--org', WATERSCHAP, '--invalid', 'skip'], env)).code).toBe(0);
  tokens.dijkstad = await createToken(['--org', DIJKSTAD, '--name', 'Dijkstad data team']);
  tokens.waterschap = await createToken(['--org', WATERSCHAP, '--name', 'Waterschap beheer']);
  tokens.admin = await createToken(['--admin', '--name', 'operators']);
  // Debug logging: everything the server would ever log about requests is in its output.
  server = await startFedcat('serve', await freePort(), { ...env, FEDCAT_LOG_LEVEL: 'trace' });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await publisher?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Who = keyof typeof tokens | 'nobody';
async function call(who: Who, method: string, path: string, body?: unknown, type = 'application/json') {
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: { ...(who === 'nobody' ? {} : { authorization: `Bearer ${tokens[who]}` }), ...(body === undefined ? {} : { 'content-type': type }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) as any : null };
}
const auditOf = async (who: Who, source?: string) => (await call(who, 'GET', `/v1/audit-log${source ? `?source=${source}` : ''}`)).body.entries as any[];

describe('an organisation token', () => {
  it('reads its own source\'s settings, not another organisation\'s (403 problem+json), and nothing without a token (401)', async () => {
    const own = await call('dijkstad', 'GET', '/v1/sources/dijkstad/settings');
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: 'dijkstad', org: DIJKSTAD, limits: { maxPages: 3 }, invalidRecords: 'quarantine', paused: false });
    expect(own.headers.get('cache-control')).toBe('private, no-store');

    const other = await call('dijkstad', 'GET', '/v1/sources/waterschap/settings');
    expect(other.status).toBe(403);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(other.body).toMatchObject({ status: 403, code: 'CAT_FORBIDDEN' });
    expect(other.body.detail).toContain(WATERSCHAP);
    expect(JSON.stringify(other.body)).not.toContain('skip');

    const anonymous = await call('nobody', 'GET', '/v1/sources/waterschap/settings');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="fedcat"');
    const forged = await fetch(`${server.base}/v1/sources/waterschap/settings`, { headers: { authorization: `Bearer ${tokens.waterschap.slice(0, -2)}xx` } });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toContain('error="invalid_token"');

    // The public view of a source leaves the settings out.
    const open = await call('nobody', 'GET', '/v1/sources/waterschap');
    expect(open.status).toBe(200);
    expect(open.body).not.toHaveProperty('limits');
    expect(open.body).not.toHaveProperty('invalidRecords');
    expect((await call('admin', 'GET', '/v1/sources/waterschap/settings')).body).toMatchObject({ invalidRecords: 'skip' });
  });

  it('cannot change, pause, harvest, delete or take over another organisation\'s source, and a refusal changes nothing', async () => {
    const before = (await call('admin', 'GET', '/v1/sources/waterschap/settings')).body;
    const auditBefore = (await auditOf('admin')).length;
    const attempts = [
      await call('dijkstad', 'PATCH', '/v1/sources/waterschap', { url: `${publisher.origin}/dijkstad.ttl` }, 'application/merge-patch+json'),
      await call('dijkstad', 'PATCH', '/v1/sources/waterschap', { paused: true }),
      await call('dijkstad', 'POST', '/v1/sources/waterschap/harvests'),
      await call('dijkstad', 'DELETE', '/v1/sources/waterschap'),
      await call('dijkstad', 'PATCH', '/v1/sources/dijkstad', { org: WATERSCHAP }),
      await call('dijkstad', 'POST', '/v1/sources', { url: `${publisher.origin}/waterschap.rdf`, id: 'stolen', org: WATERSCHAP }),
    ];
    for (const a of attempts) {
      expect(a.status).toBe(403);
      expect(a.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(a.body.code).toBe('CAT_FORBIDDEN');
    }
    expect((await call('admin', 'GET', '/v1/sources/waterschap/settings')).body).toEqual(before);
    expect((await call('nobody', 'GET', '/v1/sources/stolen')).status).toBe(404);
    expect((await call('admin', 'GET', '/v1/sources/dijkstad/settings')).body.org).toBe(DIJKSTAD);
    expect(await auditOf('admin')).toHaveLength(auditBefore);
    // Without a token, no change is possible at all.
    expect((await call('nobody', 'DELETE', '/v1/sources/waterschap')).status).toBe(401);
  });

  it('registers, pauses, resumes, harvests and deletes its own source, each change in the audit log', async () => {
    const created = await call('dijkstad', 'POST', '/v1/sources', { url: `${publisher.origin}/dijkstad-apis.ttl`, id: 'dijkstad-apis' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/v1/sources/dijkstad-apis');
    expect(created.body).toMatchObject({ id: 'dijkstad-apis', org: DIJKSTAD, paused: false, interval: null });
    expect((await call('dijkstad', 'POST', '/v1/sources', { url: `${publisher.origin}/dijkstad-apis.ttl`, id: 'dijkstad-apis' })).status).toBe(409);
    const invalid = await call('dijkstad', 'POST', '/v1/sources', { url: 'ftp://dijkstad.nl/x', id: 'x' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('CAT_INVALID_SOURCE');
    expect((await call('dijkstad', 'POST', '/v1/sources', { url: `${publisher.origin}/x.ttl`, colour: 'red' })).status).toBe(400);

    const paused = await call('dijkstad', 'PATCH', '/v1/sources/dijkstad-apis', { paused: true, interval: '6h', limits: { maxRecords: 100 } }, 'application/merge-patch+json');
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ paused: true, interval: '6h', limits: { maxRecords: 100 } });
    expect((await call('nobody', 'GET', '/v1/sources/dijkstad-apis')).body).toMatchObject({ paused: true, nextHarvestAt: null });
    const refused = await call('dijkstad', 'POST', '/v1/sources/dijkstad-apis/harvests');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/paused/);
    expect((await call('dijkstad', 'PATCH', '/v1/sources/dijkstad-apis', { paused: false, interval: null, limits: { maxRecords: null } })).body)
      .toMatchObject({ paused: false, interval: null, limits: {} });

    const harvest = await call('dijkstad', 'POST', '/v1/sources/dijkstad-apis/harvests');
    expect(harvest.status).toBe(202);
    expect(harvest.headers.get('location')).toBe('/v1/sources/dijkstad-apis');
    await expect.poll(async () => (await call('nobody', 'GET', '/v1/sources/dijkstad-apis')).body.lastRun?.status, { timeout: 30_000 }).toBe('succeeded');
    await expect.poll(async () => (await call('nobody', 'GET', '/v1/search?filter=source:dijkstad-apis')).body.total, { timeout: 10_000 }).toBeGreaterThan(0);

    expect((await call('dijkstad', 'DELETE', '/v1/sources/dijkstad-apis')).status).toBe(204);
    expect((await call('nobody', 'GET', '/v1/sources/dijkstad-apis')).status).toBe(404);
    expect((await call('nobody', 'GET', '/v1/search?filter=source:dijkstad-apis')).body.total).toBe(0);
    const ask = encodeURIComponent('ASK { GRAPH <urn:fedcat:source:dijkstad-apis> { ?s ?p ?o } }');
    await expect.poll(async () => (await call('nobody', 'GET', `/sparql?query=${ask}`)).body.boolean, { timeout: 5_000 }).toBe(false);

    const entries = await auditOf('dijkstad', 'dijkstad-apis');
    expect(entries.map((e) => e.action)).toEqual(['source.deleted', 'harvest.requested', 'source.updated', 'source.updated', 'source.created']);
    for (const e of entries) {
      expect(e.actor).toMatchObject({ kind: 'token', name: 'Dijkstad data team', role: 'organisation', org: DIJKSTAD });
      expect(Date.parse(e.at)).toBeGreaterThan(Date.now() - 120_000);
    }
    expect(entries[3].before).toMatchObject({ id: 'dijkstad-apis' });
    expect(entries[3].before).not.toHaveProperty('paused');
    expect(entries[3].after).toMatchObject({ paused: true, interval: '6h', limits: { maxRecords: 100 } });
    expect(entries[0]).toMatchObject({ before: { id: 'dijkstad-apis', org: DIJKSTAD }, after: null });
  });
});

describe('the audit log', () => {
  it('shows an organisation only its own sources\' changes and an operator everything, also on the command line', async () => {
    const targets = (entries: any[]) => new Set(entries.map((e) => e.target));
    const dijkstad = targets(await auditOf('dijkstad'));
    const waterschap = targets(await auditOf('waterschap'));
    expect(dijkstad.has('source:dijkstad-apis')).toBe(true);
    expect(dijkstad.has('source:waterschap')).toBe(false);
    expect(waterschap.has('source:dijkstad-apis')).toBe(false);
    expect(waterschap.has('source:waterschap')).toBe(true);
    const all = await auditOf('admin');
    expect(targets(all)).toEqual(new Set([...dijkstad, ...waterschap, ...targets(all.filter((e) => e.actor.kind !== 'token' && e.target.startsWith('token:')))]));
    // Registrations and tokens made on the command line are there too, by the OS user.
    expect(all.filter((e) => e.actor.kind === 'cli').map((e) => e.action).sort()).toEqual(['source.created', 'source.created', 'token.created', 'token.created', 'token.created']);
    const paged = await call('admin', 'GET', '/v1/audit-log?limit=2');
    expect(paged.body.entries).toHaveLength(2);
    expect(paged.headers.get('link')).toBe(`<${paged.body.next}>; rel="next"`);
    expect((await call('admin', 'GET', paged.body.next)).body.entries[0].seq).toBeLessThan(paged.body.entries[1].seq);
    expect((await call('nobody', 'GET', '/v1/audit-log')).status).toBe(401);

    const cli = await fedcat(['audit', '--source', 'dijkstad-apis'], env);
    expect(cli.code).toBe(0);
    expect(cli.stdout.trim().split('\n').map((l) => l.split('\t')[1])).toEqual(['source.deleted', 'harvest.requested', 'source.updated', 'source.updated', 'source.created']);
    expect(cli.stdout).toContain("'Dijkstad data team'");
    expect(cli.stdout).toMatch(/paused: – → true/);
  });
});

describe('sources that read files', () => {
  it('cannot register a source that reads files on the server, nor turn its own into one; an admin can', async () => {
    for (const url of ['file:///etc/', '/etc/passwd']) {
      const refused = await call('dijkstad', 'POST', '/v1/sources', { url, id: 'reads-the-disk' });
      expect(refused.status, url).toBe(403);
      expect(refused.body).toMatchObject({ code: 'CAT_FORBIDDEN', detail: expect.stringContaining('only an admin token') });
    }
    const turned = await call('dijkstad', 'PATCH', '/v1/sources/dijkstad', { url: 'file:///etc/' });
    expect(turned.status).toBe(403);
    expect((await call('dijkstad', 'GET', '/v1/sources/dijkstad/settings')).body.url).toBe(`${publisher.origin}/dijkstad.ttl`);
    expect((await call('nobody', 'GET', '/v1/sources/reads-the-disk')).status).toBe(404);
    const byAdmin = await call('admin', 'POST', '/v1/sources', { url: 'file:///srv/catalogues/', id: 'operators-files' });
    expect(byAdmin.status).toBe(201);
    expect((await call('admin', 'DELETE', '/v1/sources/operators-files')).status).toBe(204);
  });
});

describe('tokens', () => {
  it('stop working the moment they are revoked', async () => {
    const list = JSON.parse((await fedcat(['tokens', 'list', '--json'], env)).stdout) as { id: string; name: string; lastUsedAt: string | null }[];
    const waterschap = list.find((t) => t.name === 'Waterschap beheer')!;
    expect(waterschap.lastUsedAt).not.toBeNull();
    expect((await fedcat(['tokens', 'revoke', waterschap.id], env)).code).toBe(0);
    const after = await call('waterschap', 'GET', '/v1/sources/waterschap/settings');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('CAT_INVALID_TOKEN');
  });

  it('are never stored or logged in clear: not in any file of the data directory, not in the server\'s log', async () => {
    const secrets = Object.values(tokens).flatMap((t) => [t, t.split('_').slice(2).join('_')]);
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    expect(files.some((f) => f.endsWith('control.sqlite'))).toBe(true);
    for (const file of files) {
      const bytes = await readFile(file, 'latin1');
      for (const secret of secrets) expect(bytes.includes(secret), `${file} holds a token`).toBe(false);
    }
    const log = server.output();
    expect(log).toMatch(/"msg":"request"/); // every request was logged (trace level)
    for (const secret of secrets) expect(log.includes(secret)).toBe(false);
    // Nor does the CLI print a secret after creating it.
    const listed = (await fedcat(['tokens', 'list'], env)).stdout + (await fedcat(['audit', '--limit', '100'], env)).stdout;
    for (const secret of secrets) expect(listed.includes(secret)).toBe(false);
  });
});
