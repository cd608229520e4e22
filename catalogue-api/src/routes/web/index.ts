import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { loadPageRenderer } from './page-renderer.js';
import { recordHead, type RecordPageOptions } from './record-page.js';
import { uiPage } from './ui-page.js';

export interface WebRouteOptions {
  readonly root: string;
  /** Where record pages read their title and schema.org description from (omitted: no head for records). */
  readonly records?: RecordPageOptions;
}

/** The pages rendered on the server with their content (the others read nothing before they show). */
const RENDERED = new Set<string>(['/', '/datasets/:id', '/dataservices/:id', '/organisations']);

/** Paths the single-page UI owns; deep links to them get the page shell. */
export const UI_ROUTES = [
  '/', '/datasets/:id', '/dataservices/:id', '/organisations', '/owner', '/owner/sources/:id', '/owner/sources/:id/runs/:run',
  '/validator', '/query',
] as const;

/**
 * The UI's content security policy: scripts only from fedcat itself (the UI needs no inline script, so a harvested
 * string that slipped into markup could not run), data only from fedcat, no plugins, no framing by other sites.
 * Inline styles stay allowed: lit and the lazily loaded SPARQL editor add style elements.
 */
export const UI_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'",
  "font-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'self'",
].join('; ');

/** Serves the built web UI (`web/public`) and the page shell for its deep links. */
const web: FastifyPluginAsync<WebRouteOptions> = async (app, { root, records }) => {
  if (!existsSync(root)) {
    app.log.warn({ root }, 'web UI not built; run npm run build');
    return;
  }
  await app.register(fastifyStatic, {
    root, prefix: '/', index: false, wildcard: false, cacheControl: true, maxAge: 0,
    setHeaders: (res, path) => { if (path.endsWith('.html')) res.header('content-security-policy', UI_CSP); },
  });
  const shell = (_req: unknown, reply: FastifyReply) => reply.header('cache-control', 'no-cache').header('content-security-policy', UI_CSP).sendFile('index.html');
  const renderer = await loadPageRenderer(root);
  if (!renderer) app.log.warn({ root }, 'web UI built without its server-side renderer: pages need JavaScript');
  for (const path of UI_ROUTES) {
    if (RENDERED.has(path)) {
      const type = path === '/datasets/:id' ? 'Dataset' : path === '/dataservices/:id' ? 'DataService' : null;
      const page = uiPage({ root, renderer, app, ...(records && type ? { head: recordHead(type, records) } : {}) });
      app.get(path, { schema: { hide: true } }, async (request, reply) => page(request, reply.header('content-security-policy', UI_CSP)));
    } else {
      app.get(path, { schema: { hide: true } }, shell);
    }
  }
};

export default web;
