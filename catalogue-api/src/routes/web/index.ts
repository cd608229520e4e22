import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

export interface WebRouteOptions { readonly root: string }

/** Paths the single-page UI owns; deep links to them get the page shell. */
const UI_ROUTES = [/^\/$/, /^\/datasets\/[^/]+$/, /^\/dataservices\/[^/]+$/, /^\/search$/];

/** Serves the built web UI (`web/public`) and the page shell for its deep links. */
const web: FastifyPluginAsync<WebRouteOptions> = async (app, { root }) => {
  if (!existsSync(root)) {
    app.log.warn({ root }, 'web UI not built; run npm run build');
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', index: false, wildcard: false, serve: true, cacheControl: true, maxAge: 0 });
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET') return;
    const path = request.url.split('?')[0]!;
    if (UI_ROUTES.some((r) => r.test(path))) {
      await reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
  });
};

export default web;
