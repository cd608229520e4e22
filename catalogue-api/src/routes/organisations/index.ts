import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ResolutionIndex } from '../../directory/resolution-index.js';
import type { SourceRegistry } from '../../control/sources.js';
import { problemResponses } from '../../schemas/common.js';
import { Organisation } from '../../schemas/organisations.js';
import type { SearchIndex } from '@fedcat/catalogue';

export interface OrganisationRouteOptions { readonly search: SearchIndex; readonly sources: SourceRegistry; readonly directory?: ResolutionIndex }


/**
 * `GET /v1/organisations`: every organisation that publishes records (by `dct:publisher`) or owns a registered source,
 * with its counts of datasets and data services, from the search index (so it answers while the store loads), and its
 * OINs and FSC peers from the service directory: the crosswalk between TOOI (publisher IRIs) and FSC (OINs).
 */
const organisationsRoute: FastifyPluginAsyncTypebox<OrganisationRouteOptions> = async (app, { search, sources, directory }) => {
  app.get('/', {
    schema: { summary: 'Organisations with their datasets, data services and sources', tags: ['organisations'],
      response: { 200: Type.Object({ organisations: Type.Array(Organisation) }), ...problemResponses } },
  }, async () => {
    const [datasets, services] = await Promise.all((['Dataset', 'DataService'] as const).map((type) =>
      search.search({ filters: { type: [type] }, facets: ['publisher'], limit: 0 })));
    const byIri = new Map<string, { iri: string; name: string | null; datasets: number; dataServices: number; sources: string[] }>();
    const entry = (iri: string) => byIri.get(iri) ?? byIri.set(iri, { iri, name: null, datasets: 0, dataServices: 0, sources: [] }).get(iri)!;
    for (const f of datasets!.facets.publisher ?? []) Object.assign(entry(f.value), { name: f.label, datasets: f.count });
    for (const f of services!.facets.publisher ?? []) { const e = entry(f.value); e.name ??= f.label; e.dataServices = f.count; }
    for (const s of await sources.list()) if (s.org) entry(s.org).sources.push(s.id);
    const organisations = [...byIri.values()].sort((a, b) => (a.name ?? a.iri).localeCompare(b.name ?? b.iri, 'nl') || a.iri.localeCompare(b.iri))
      .map((o) => {
        const known = directory?.organisation(o.iri);
        return { ...o, oins: known?.oins ?? [], fscPeers: known?.fscPeers ?? [] };
      });
    return { organisations };
  });
};

export default organisationsRoute;
