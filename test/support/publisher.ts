import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The real catalogues written by others that the end-to-end tests harvest. */
export const SAMPLES = new URL('../../../shared/reference/samples/', import.meta.url);

export type Behaviour = 'serve' | 'fail-500' | 'syntax-error' | 'hang' | 'slow';

/**
 * Plays other organisations' web servers: serves sample files with their real media types, and can be
 * switched per path to answer 500, a broken document, slowly, or never.
 */
export async function samplePublisher(files: Record<string, { file: string; type: string }>) {
  const behaviour = new Map<string, Behaviour>();
  let inFlight = 0;
  let peak = 0;
  const server = createServer(async (req, res) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    res.on('close', () => inFlight--);
    const path = (req.url ?? '/').split('?')[0]!;
    const entry = files[path];
    if (!entry) return void res.writeHead(404).end();
    const mode = behaviour.get(path) ?? 'serve';
    if (mode === 'fail-500') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
    if (mode === 'hang') {
      // Sends half the document, then nothing: a harvest stays busy with this source until it is killed.
      const full = await readFile(new URL(entry.file, SAMPLES));
      res.writeHead(200, { 'content-type': entry.type });
      res.write(full.subarray(0, full.length >> 1));
      return;
    }
    // Answers after a second and a half: long enough for other harvests to overlap.
    if (mode === 'slow') await new Promise((r) => setTimeout(r, 1500));
    if (mode === 'syntax-error') return void res.writeHead(200, { 'content-type': entry.type }).end('@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<x> a dcat:Dataset ;; ] .');
    res.writeHead(200, { 'content-type': entry.type }).end(await readFile(new URL(entry.file, SAMPLES)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    set: (path: string, b: Behaviour) => behaviour.set(path, b),
    /** The most requests this server had open at once since the last reset. */
    peakInFlight: () => peak,
    resetPeak: () => { peak = inFlight; },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
