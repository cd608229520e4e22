import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

export interface WebRouteOptions { readonly root: string }

/** Paths the single-page UI owns; deep links to them get the page shell. */
const UI_ROUTES = ['/', '/datasets/:id', '/dataservices/:id'];

/** Serves the built web UI (`web/public`) and the page shell for its deep links. */
const web: FastifyPluginAsync<WebRouteOptions> = async (app, { root }) => {
  if (!existsSync(root)) {
    app.log.warn({ root }, 'web UI not built; run npm run build');
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', index: false, wildcard: false, cacheControl: true, maxAge: 0 });
  const shell = (_req: unknown, reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html');
  for (const path of UI_ROUTES) app.get(path, { schema: { hide: true } }, shell);
};

export default web;
