import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demo catalogues shipped with fedcat. */
export const DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));

/**
 * The origin the demo's files are written with (a name that never resolves: RFC 6761's `.invalid`); the publisher
 * serves them with its own loopback origin in its place, so every link in the demo leads somewhere.
 */
export const DEMO_ORIGIN = 'http://publisher.fedcat-demo.invalid';

/** One source of the demo, as `fedcat demo` registers it. */
export interface DemoSource {
  readonly id: string;
  readonly url: string;
  /** The organisation (TOOI IRI) that owns the source: its tokens may manage it. */
  readonly org?: string;
  readonly kind?: 'fsc-directory';
  readonly fscGroup?: string;
}

/** A running demo publisher: an HTTP server on loopback playing the demo organisations' own web servers. */
export interface DemoPublisher {
  readonly origin: string;
  /** The organisations' catalogues (file names, served at `/<file>`). */
  readonly files: readonly string[];
  /** Every source of the demo: the catalogues, owned by their organisations, and the demo FSC Directory. */
  readonly sources: readonly DemoSource[];
  close(): Promise<void>;
}

interface Manifest { readonly sources: readonly (Omit<DemoSource, 'url'> & { readonly path: string })[] }

const TYPES: Readonly<Record<string, string>> = {
  '.ttl': 'text/turtle', '.json': 'application/json', '.geojson': 'application/geo+json', '.yaml': 'application/yaml',
  '.csv': 'text/csv', '.gml': 'application/gml+xml', '': 'application/json',
};

/** Where a request path lies in the demo folder, or null for a path that would leave it. */
function fileOf(dir: string, path: string): string | null {
  const relative = normalize(decodeURIComponent(path)).replace(/^[/\\]+/, '');
  if (relative.startsWith('..') || relative.includes(`${sep}..`)) return null;
  return join(dir, relative);
}

const isFile = (path: string) => stat(path).then((s) => s.isFile(), () => false);

/** A small landing page for a folder of an organisation's site (what a distribution's access URL opens). */
async function landingPage(dir: string, path: string): Promise<string | null> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
  const items = (entries ?? []).filter((e) => e.isFile()).map((e) => `<li><a href="${encodeURI(e.name)}">${e.name}</a></li>`);
  return `<!doctype html><html lang="nl"><meta charset="utf-8"><title>${path}</title><h1>${path}</h1>`
    + `<p>Demo-publicatie voor fedcat.</p>${items.length ? `<ul>${items.join('')}</ul>` : '<p>Nog geen bestanden.</p>'}</html>`;
}

/**
 * Serves the demo folder as the organisations' servers would: each catalogue at `/<file>.ttl`; under
 * `/<organisation>/` their OpenAPI documents, downloads and PDP metadata (`demo/files/`); the demo FSC Directory at
 * `/fsc/v1/peers` and `/fsc/v1/services`. Every text is served with the publisher's own origin in place of
 * {@link DEMO_ORIGIN}, from any origin (CORS), as the NL API Design Rules ask of an OpenAPI document.
 */
export async function startDemoPublisher(dir = DEMO_DIR): Promise<DemoPublisher> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ttl')).sort();
  const manifest = JSON.parse(await readFile(join(dir, 'sources.json'), 'utf8')) as Manifest;
  const filesDir = join(dir, 'files');
  let origin = '';
  const send = (res: ServerResponse, status: number, type: string, body: string) =>
    void res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'access-control-allow-origin': '*' }).end(body);

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const name = path.slice(1);
    if (files.includes(name)) return send(res, 200, TYPES['.ttl']!, (await readFile(join(dir, name), 'utf8')).replaceAll(DEMO_ORIGIN, origin));
    const fsc = /^\/fsc\/v1\/(peers|services)$/.exec(path);
    const file = fsc ? join(filesDir, 'fsc', `${fsc[1]}.json`) : fileOf(filesDir, path);
    if (!file) return send(res, 404, 'text/plain', 'not found');
    for (const candidate of [file, `${file}.json`]) {
      if (await isFile(candidate)) {
        return send(res, 200, TYPES[extname(candidate)] ?? 'application/octet-stream', (await readFile(candidate, 'utf8')).replaceAll(DEMO_ORIGIN, origin));
      }
    }
    if (path.endsWith('/') && path.split('/').length > 2) return send(res, 200, 'text/html', (await landingPage(file, path))!);
    send(res, 404, 'text/plain', 'not found');
  }

  const server: Server = createServer((req, res) => {
    answer(req, res).catch(() => send(res, 500, 'text/plain', 'demo publisher error'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    files,
    sources: manifest.sources.map(({ path, ...s }) => ({ ...s, url: `${origin}${path}` })),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
