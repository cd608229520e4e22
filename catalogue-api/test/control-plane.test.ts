import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrlChange } from '../src/control/minted-base.js';
import { InvalidSource, InvalidTokenRequest, openControlPlane, SourceExists, UnknownSource, type Actor, type ControlPlane } from '../src/index.js';

const ops: Actor = { kind: 'cli', user: 'ops' };
const DIJKSTAD = 'https://identifier.overheid.nl/tooi/id/gemeente/gm9999';
const WATERSCHAP = 'https://identifier.overheid.nl/tooi/id/waterschap/ws9999';

let dir: string;
let control: ControlPlane;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fedcat-control-'));
  control = openControlPlane(dir);
});
afterEach(async () => {
  control.close();
  await rm(dir, { recursive: true, force: true });
});

/** Every byte of the data directory (database, WAL, shared memory), as one string. */
async function everyByte(): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = names.filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
  return (await Promise.all(files.map((f) => readFile(f, 'latin1')))).join('\n');
}

describe('API tokens', () => {
  it('are shown once and stored only as a hash: no byte of the data directory holds the secret', async () => {
    const { token, record } = control.tokens.create({ role: 'organisation', org: DIJKSTAD, name: 'Dijkstad data team' }, ops);
    expect(token).toMatch(/^fedcat_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(record).toMatchObject({ role: 'organisation', org: DIJKSTAD, name: 'Dijkstad data team', revokedAt: null });
    expect(control.tokens.verify(token)).toEqual({ kind: 'token', tokenId: record.id, name: 'Dijkstad data team', role: 'organisation', org: DIJKSTAD });
    const secret = token.split('_').slice(2).join('_');
    const bytes = await everyByte();
    expect(bytes).toContain(record.id);
    expect(bytes).not.toContain(secret);
    expect(JSON.stringify(control.tokens.list())).not.toContain(secret);
  });

  it('refuse a wrong secret, a malformed token and a revoked one', () => {
    const { token, record } = control.tokens.create({ role: 'admin', name: 'operators' }, ops);
    const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(control.tokens.verify(wrong)).toBeNull();
    expect(control.tokens.verify('Bearer nonsense')).toBeNull();
    expect(control.tokens.verify(token)?.role).toBe('admin');
    control.tokens.revoke(record.id, ops);
    expect(control.tokens.verify(token)).toBeNull();
  });

  it('need an organisation, or admin without one, and a name', () => {
    expect(() => control.tokens.create({ role: 'organisation', name: 'x' }, ops)).toThrow(InvalidTokenRequest);
    expect(() => control.tokens.create({ role: 'admin', org: DIJKSTAD, name: 'x' }, ops)).toThrow(/not both/);
    expect(() => control.tokens.create({ role: 'organisation', org: 'not an iri', name: 'x' }, ops)).toThrow(/IRI/);
    expect(() => control.tokens.create({ role: 'organisation', org: DIJKSTAD, name: ' ' }, ops)).toThrow(/name/);
  });
});

describe('the audit log', () => {
  it('records every change with who, what, when, before and after, newest first', async () => {
    const { sources, audit } = control;
    await sources.create({ url: 'https://dijkstad.nl/catalogus.ttl', id: 'dijkstad', org: DIJKSTAD }, ops, new Date('2026-11-22T10:00:00Z'));
    await sources.update('dijkstad', { interval: '6h', paused: true }, ops, undefined, new Date('2026-11-22T10:05:00Z'));
    await sources.update('dijkstad', { interval: '6h' }, ops); // no change: nothing recorded
    await sources.remove('dijkstad', ops, undefined, new Date('2026-11-22T10:10:00Z'));
    const entries = audit.list({ limit: 10 });
    expect(entries.map((e) => [e.action, e.target, e.at])).toEqual([
      ['source.deleted', 'source:dijkstad', '2026-11-22T10:10:00.000Z'],
      ['source.updated', 'source:dijkstad', '2026-11-22T10:05:00.000Z'],
      ['source.created', 'source:dijkstad', '2026-11-22T10:00:00.000Z'],
    ]);
    expect(entries[1]!.before).toMatchObject({ id: 'dijkstad', org: DIJKSTAD });
    expect(entries[1]!.before).not.toHaveProperty('paused');
    expect(entries[1]!.after).toMatchObject({ interval: '6h', paused: true });
    expect(entries[0]).toMatchObject({ actor: ops, after: null, orgs: [DIJKSTAD] });
  });

  it('writes nothing when the change is refused, and pages backwards by sequence number', async () => {
    const { sources, audit } = control;
    await sources.create({ url: 'https://dijkstad.nl/a.ttl', id: 'a', org: DIJKSTAD }, ops);
    await expect(sources.create({ url: 'https://dijkstad.nl/a.ttl', id: 'a' }, ops)).rejects.toThrow(SourceExists);
    await expect(sources.update('a', { interval: '1m' }, ops)).rejects.toThrow(InvalidSource);
    await expect(sources.update('nope', { paused: true }, ops)).rejects.toThrow(UnknownSource);
    await expect(sources.update('a', { paused: true }, ops, () => { throw new Error('not yours'); })).rejects.toThrow('not yours');
    expect(audit.list({ limit: 10 })).toHaveLength(1);
    expect(await sources.get('a')).not.toHaveProperty('paused');
    await sources.create({ url: 'https://ws.nl/b.ttl', id: 'b', org: WATERSCHAP }, ops);
    await sources.create({ url: 'https://ws.nl/c.ttl', id: 'c', org: WATERSCHAP }, ops);
    const [newest] = audit.list({ limit: 1 });
    expect(audit.list({ limit: 10, before: newest!.seq }).map((e) => e.target)).toEqual(['source:b', 'source:a']);
    expect(audit.list({ limit: 10, org: DIJKSTAD }).map((e) => e.target)).toEqual(['source:a']);
  });

  it('lists a source moved between organisations for both', async () => {
    await control.sources.create({ url: 'https://dijkstad.nl/a.ttl', id: 'a', org: DIJKSTAD }, ops);
    await control.sources.update('a', { org: WATERSCHAP }, ops);
    expect(control.audit.list({ limit: 10, org: DIJKSTAD }).map((e) => e.action)).toEqual(['source.updated', 'source.created']);
    expect(control.audit.list({ limit: 10, org: WATERSCHAP }).map((e) => e.action)).toEqual(['source.updated']);
  });
});

describe('the control database', () => {
  it('is shared at once by another process\'s connection, and survives closing without shutdown', async () => {
    const other = openControlPlane(dir);
    await control.sources.create({ url: 'https://dijkstad.nl/a.ttl', id: 'a' }, ops);
    expect((await other.sources.get('a'))?.url).toBe('https://dijkstad.nl/a.ttl');
    await other.sources.update('a', { paused: true }, ops);
    expect((await control.sources.get('a'))?.paused).toBe(true);
    other.close();
    const reopened = openControlPlane(dir);
    expect((await reopened.sources.list()).map((s) => s.id)).toEqual(['a']);
    reopened.close();
  });

  it('takes over a data directory\'s sources.json once, with an audit entry per source', async () => {
    control.close();
    const legacy = await mkdtemp(join(tmpdir(), 'fedcat-legacy-'));
    const sources = [{ id: 'x', url: 'https://x.nl/c.ttl', org: null, addedAt: '2026-01-01T00:00:00.000Z', interval: '6h' }];
    await writeFile(join(legacy, 'sources.json'), JSON.stringify({ sources }));
    control = openControlPlane(legacy);
    expect(await control.sources.list()).toEqual(sources);
    expect(control.audit.list({ limit: 5 }).map((e) => [e.action, e.actor.kind])).toEqual([['source.imported', 'system']]);
    expect((await readdir(legacy)).sort()).toContain('sources.json.imported');
    control.close();
    control = openControlPlane(legacy);
    expect(control.audit.list({ limit: 5 })).toHaveLength(1);
    control.close();
    await rm(legacy, { recursive: true, force: true });
    control = openControlPlane(dir);
  });
});

describe('the base URL a data directory minted its IRIs under', () => {
  it('is the first harvest\'s, kept when a later one runs under another, and warned about then', () => {
    expect(control.mintedBase.first()).toBeNull();
    expect(baseUrlChange(control.mintedBase.first(), 'http://localhost:8080')).toBeNull();
    expect(control.mintedBase.record('http://localhost:20080')).toBe('http://localhost:20080');
    expect(control.mintedBase.record('https://data.example.nl')).toBe('http://localhost:20080');
    const reopened = openControlPlane(dir);
    expect(reopened.mintedBase.first()).toBe('http://localhost:20080');
    reopened.close();
    expect(baseUrlChange('http://localhost:20080', 'http://localhost:20080')).toBeNull();
    expect(baseUrlChange('http://localhost:20080', 'https://data.example.nl')).toMatch(/FEDCAT_BASE_URL is https:\/\/data\.example\.nl.*under http:\/\/localhost:20080.*Set FEDCAT_BASE_URL=http:\/\/localhost:20080/);
  });
});
