import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sourceKind, type Source } from '@fedcat/catalogue';
import { Type } from 'typebox';
import { RunNotFound, RunReportMissing, SourceNotFound } from '../../http/errors.js';
import type { RunningHarvests } from '../../control/running-harvests.js';
import type { RunLog } from '../../control/runs.js';
import type { SourceRegistry } from '../../control/sources.js';
import { nextHarvestAt } from '../../harvest/due-sources.js';
import { problemResponses } from '../../schemas/common.js';

export interface SourceRouteOptions { readonly sources: SourceRegistry; readonly runs: RunLog; readonly running: RunningHarvests }

/** `GET /v1/sources[/{id}[/runs]]`: registered sources with their schedule, last runs and running harvest. */
const sourcesRoute: FastifyPluginAsyncTypebox<SourceRouteOptions> = async (app, { sources, runs, running }) => {
  const withStatus = async (s: Source) => {
    const status = await runs.status(s.id);
    const next = nextHarvestAt(s, status, new Date());
    // The public view: limits and the handling of invalid records are the owner's settings (GET …/settings).
    return {
      id: s.id, url: s.url, org: s.org, addedAt: s.addedAt, kind: sourceKind(s), ...(s.fscGroup ? { fscGroup: s.fscGroup } : {}), interval: s.interval ?? null, paused: s.paused ?? false,
      nextHarvestAt: next?.toISOString() ?? null, ...status, running: await running.get(s.id),
    };
  };

  app.get('/', {
    schema: { summary: 'Registered sources and their harvest status', tags: ['sources'],
      response: { 200: Type.Object({ sources: Type.Array(Type.Ref('SourceWithStatus')) }), ...problemResponses } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-cache'); // changes with every run: always revalidate (ETag)
    return { sources: await Promise.all((await sources.list()).map(withStatus)) };
  });

  app.get('/:id', {
    schema: { summary: 'One source and its harvest status', tags: ['sources'], params: Type.Object({ id: Type.String() }),
      response: { 200: Type.Ref('SourceWithStatus'), ...problemResponses } },
  }, async (request, reply) => {
    const source = await sources.get(request.params.id);
    if (!source) throw new SourceNotFound(request.params.id);
    reply.header('cache-control', 'no-cache');
    return withStatus(source);
  });

  app.get('/:id/runs', {
    schema: { summary: 'Harvest runs of a source, newest first (the last 50)', tags: ['sources'], params: Type.Object({ id: Type.String() }),
      response: { 200: Type.Object({ runs: Type.Array(Type.Ref('Run')) }), ...problemResponses } },
  }, async (request, reply) => {
    const source = await sources.get(request.params.id);
    if (!source) throw new SourceNotFound(request.params.id);
    reply.header('cache-control', 'no-cache');
    return { runs: [...(await runs.history(source.id))] };
  });

  app.get('/:id/runs/:run/report', {
    schema: { summary: 'The validation report of one run: the findings of the records it validated, grouped, with what to fix in Dutch and English', tags: ['sources'],
      params: Type.Object({ id: Type.String(), run: Type.String() }),
      response: { 200: Type.Ref('ValidationReport'), ...problemResponses } },
  }, async (request, reply) => {
    const source = await sources.get(request.params.id);
    if (!source) throw new SourceNotFound(request.params.id);
    const run = (await runs.history(source.id)).find((r) => r.id === request.params.run);
    if (!run) throw new RunNotFound(request.params.run);
    if (!run.stats?.report) throw new RunReportMissing(run.id);
    reply.header('cache-control', 'no-cache');
    return { ...run.stats.report, statements: run.stats.quads };
  });
};

export default sourcesRoute;
