import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demo catalogues shipped with fedcat. */
export const DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));

/** A running demo publisher: an HTTP server on loopback serving the demo catalogues as Turtle. */
export interface DemoPublisher {
  readonly origin: string;
  readonly files: readonly string[];
  close(): Promise<void>;
}

/** Serves every `*.ttl` of the demo folder, playing the organisations' own web servers. */
export async function startDemoPublisher(dir = DEMO_DIR): Promise<DemoPublisher> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ttl')).sort();
  const server: Server = createServer(async (req, res) => {
    const name = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0] ?? '');
    if (!files.includes(name)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/turtle; charset=utf-8' }).end(await readFile(join(dir, name)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    files,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
