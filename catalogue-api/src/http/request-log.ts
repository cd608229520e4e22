import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';

/** One line per answered request (instead of fastify's two): method, path, status, milliseconds. */
export function logOneLinePerRequest(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, url: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
}

const LEVELS: Readonly<Record<number, string>> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** A log line as a person reads it on a terminal: `19:02:11 GET /v1/search 200 4 ms`, other records as `level message`. */
export function terminalLine(json: string): string {
  let r: Record<string, unknown>;
  try {
    r = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = new Date(typeof r.time === 'number' ? r.time : Date.now()).toTimeString().slice(0, 8);
  if (r.msg === 'request') return `${time} ${String(r.method)} ${String(r.url)} ${String(r.status)} ${String(r.ms)} ms`;
  const level = LEVELS[Number(r.level)] ?? 'info';
  const err = r.err as { message?: string } | undefined;
  return `${time} ${level === 'info' ? '' : `${level}: `}${String(r.msg ?? '')}${err?.message ? ` (${err.message})` : ''}`;
}

/** Where logs go: JSON lines to a pipe or file (for collectors), short lines to a terminal. */
export function logDestination(out: NodeJS.WriteStream = process.stdout): NodeJS.WritableStream {
  if (!out.isTTY) return out;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.write(`${chunk.toString('utf8').split('\n').filter(Boolean).map(terminalLine).join('\n')}\n`, () => done());
    },
  });
}
