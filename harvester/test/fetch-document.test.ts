import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFetchPolicy, fetchConditional, fetchDocument, isNonPublicAddress, parsePrivateAccess, SourceForbidden, SourceLimitExceeded, SourceUnreachable } from '../src/index.js';
import { localServer } from '../src/testing.js';

let server: Awaited<ReturnType<typeof localServer>>;
let busy = 0;
beforeAll(async () => {
  server = await localServer((req, res) => {
    if (req.url === '/ok') res.writeHead(200, { 'content-type': 'text/turtle' }).end('<a:b> <c:d> "e" .');
    else if (req.url === '/redirect') res.writeHead(302, { location: '/ok' }).end();
    else if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
    else if (req.url === '/busy') {
      busy++;
      if (busy === 1) res.writeHead(503, { 'retry-after': '1' }).end();
      else res.writeHead(200, { 'content-type': 'text/turtle' }).end('<a:b> <c:d> "e" .');
    } else if (req.url === '/always-busy') res.writeHead(429, { 'retry-after': '3600' }).end();
    else if (req.url === '/bomb') res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(5_000_000)));
    else res.writeHead(500).end('oops');
  });
});
afterAll(() => server.close());

const allowing = (hostPort: string) => ({ ...defaultFetchPolicy, privateAccess: parsePrivateAccess(hostPort) });

describe('fetchDocument', () => {
  it('refuses loopback addresses by default', async () => {
    await expect(fetchDocument('s', `${server.origin}/ok`)).rejects.toBeInstanceOf(SourceForbidden);
  });
  it('refuses names that resolve to loopback, checked at connection time', async () => {
    await expect(fetchDocument('s', `${server.origin.replace('127.0.0.1', 'localhost')}/ok`)).rejects.toBeInstanceOf(SourceForbidden);
  });
  it('reaches an origin opened by FEDCAT_HARVEST_ALLOW_PRIVATE, following redirects', async () => {
    const doc = await fetchDocument('s', `${server.origin}/redirect`, allowing(server.hostPort));
    expect(doc.url).toBe(`${server.origin}/ok`);
    expect(doc.contentType).toBe('text/turtle');
  });
  it('sends a request again, once, when a kept-alive connection is closed under it', async () => {
    // A server that closes every connection on its second request, unanswered, as one whose idle timeout ends a
    // kept-alive connection just as the client reuses it.
    const served = new WeakMap<object, number>();
    const closing = await localServer((req, res) => {
      const n = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, n);
      if (n === 2) return void req.socket.destroy();
      res.writeHead(200, { 'content-type': 'text/turtle' }).end('<a:b> <c:d> "e" .');
    });
    try {
      const policy = allowing(closing.hostPort);
      for (let i = 0; i < 3; i++) {
        const doc = await fetchDocument('s', `${closing.origin}/ok`, policy);
        expect(doc.body).toContain('<a:b>');
      }
    } finally {
      await closing.close();
    }
  });
  it('refuses other schemes', async () => {
    await expect(fetchDocument('s', 'file:///etc/passwd', allowing('true'))).rejects.toBeInstanceOf(SourceForbidden);
  });
  it('stops redirect loops', async () => {
    await expect(fetchDocument('s', `${server.origin}/loop`, allowing(server.hostPort))).rejects.toBeInstanceOf(SourceLimitExceeded);
  });
  it('caps the decompressed size, so a gzip bomb fails cleanly', async () => {
    await expect(fetchDocument('s', `${server.origin}/bomb`, { ...allowing(server.hostPort), maxBytes: 1_000_000 })).rejects.toBeInstanceOf(SourceLimitExceeded);
  });
  it('waits once for a short Retry-After on 503, then fetches', async () => {
    const t = Date.now();
    const doc = await fetchDocument('s', `${server.origin}/busy`, allowing(server.hostPort));
    expect(doc.body).toContain('<a:b>');
    expect(Date.now() - t).toBeGreaterThanOrEqual(900);
  });
  it('does not wait for a Retry-After longer than the policy allows', async () => {
    const err = await fetchDocument('s', `${server.origin}/always-busy`, allowing(server.hostPort)).catch((e: unknown) => e);
    expect((err as SourceUnreachable).statusCode).toBe(429);
  });
  it('reports an HTTP error status as unreachable with the status code', async () => {
    const err = await fetchDocument('s', `${server.origin}/fail`, allowing(server.hostPort)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceUnreachable);
    expect((err as SourceUnreachable).statusCode).toBe(500);
  });
});

describe('isNonPublicAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fe80::1', '::ffff:127.0.0.1', 'fd00::1'])('treats %s as non-public', (a) => {
    expect(isNonPublicAddress(a)).toBe(true);
  });
  it.each(['145.12.1.1', '2a00:1450::1'])('treats %s as public', (a) => expect(isNonPublicAddress(a)).toBe(false));
});

describe('fetchConditional', () => {
  it('treats a 304 to a request without validators as an error, not as "not modified"', async () => {
    const srv = await localServer((_req, res) => res.writeHead(304).end());
    const policy = { ...defaultFetchPolicy, privateAccess: parsePrivateAccess(srv.hostPort) };
    const err = await fetchConditional('s', `${srv.origin}/`, policy, { etag: null, lastModified: null }).catch((e: unknown) => e);
    expect((err as SourceUnreachable).statusCode).toBe(304);
    expect(await fetchConditional('s', `${srv.origin}/`, policy, { etag: '"x"', lastModified: null })).toBe('not-modified');
    await srv.close();
  });
});
