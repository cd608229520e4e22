import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CATALOGUE_HEADER, generateDocuments, toCatalogueNTriples } from './generate.js';

// Usage: node bench/dist/serve-catalogue.js --docs 100000
// Serves a generated DCAT catalogue (Turtle) on a loopback port and prints the URL on its first line, so a
// benchmark can harvest it without the catalogue's bytes counting in the benchmark's own memory.

const args = process.argv.slice(2);
const n = Number(args[args.indexOf('--docs') + 1] ?? 100_000) || 100_000;
const body = Buffer.from(`${CATALOGUE_HEADER}${generateDocuments(n).map(toCatalogueNTriples).join('')}`);
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/turtle' }).end(body));
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}/catalog.ttl ${body.length}\n`);
});
process.on('disconnect', () => process.exit(0));
