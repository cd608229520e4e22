import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

// Usage: node bench/dist/bare-server.js PORT FILE
// The baseline of the resolve benchmark: a bare fastify server whose one route answers a static JSON object (read
// from FILE) at /v1/resolve. No hooks, no validation, no logging: what fastify itself costs on this machine.
const [port, file] = process.argv.slice(2);
const body = JSON.parse(readFileSync(file!, 'utf8')) as unknown;
const app = Fastify({ logger: false });
app.get('/v1/resolve', async () => body);
await app.listen({ port: Number(port), host: '127.0.0.1' });
