import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../bin/fedcat.js', import.meta.url));
const SAMPLES = new URL('../../../shared/reference/samples/', import.meta.url);

let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/catalogue.ttl') {
      return void res.writeHead(200, { 'content-type': 'text/turtle' }).end(`@prefix dcat: <http://www.w3.org/ns/dcat#>. @prefix dct: <http://purl.org/dc/terms/>.
<https://x.nl/d> a dcat:Dataset; dct:title "d"; dct:description "d"; dcat:distribution <https://x.nl/d/1>.
<https://x.nl/d/1> a dcat:Distribution; dcat:accessURL <${origin}/data>; dcat:downloadURL <${origin}/missing>.`);
    }
    res.writeHead(req.url === '/data' ? 200 : 404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
  execFile(process.execPath, [CLI, 'quality', ...args], { env: { ...process.env, ...env } }, (err, stdout, stderr) => {
    resolve({ code: err ? (err as { code?: number }).code ?? 1 : 0, stdout, stderr });
  });
});

describe('fedcat quality', () => {
  it('explains the Geonovum example’s score per indicator, in Dutch by default', async () => {
    const out = await run([fileURLToPath(new URL('geonovum-dcat-ap-nl-example.ttl', SAMPLES)), '--offline']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('MQA 255/405 (Goed)');
    expect(out.stdout).toMatch(/30\/30\s+Trefwoorden\s+voldaan \(4 × dcat:keyword\)/);
    expect(out.stdout).toMatch(/0\/50\s+Toegangs-URL bereikbaar\s+niet gemeten/);
  });

  it('checks links under the harvest’s address policy and prints JSON', async () => {
    const url = `${origin}/catalogue.ttl`;
    const refused = await run([url, '--format', 'json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/non-public address/);
    const out = await run([url, '--format', 'json'], { FEDCAT_HARVEST_ALLOW_PRIVATE: origin.slice('http://'.length) });
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    const points = Object.fromEntries(json.datasets[0].indicators.map((i: { id: string; points: number }) => [i.id, i.points]));
    expect(points).toMatchObject({ accessUrlStatusCode: 50, downloadUrlAvailability: 20, downloadUrlStatusCode: 0 });
    expect(json).toMatchObject({ records: 1, profile: 'dcat-ap-nl-3.0', score: json.datasets[0].score });
  });
});
