import { ApiError, type CatalogueApi } from '../api/client.js';
import type { OrganisationScore } from '../api/types.js';
import type { PageData } from './preload.js';
import type { Route } from './routes.js';

/** How many of an organisation's records its page lists (the rest through a link to the search). */
export const ORGANISATION_RECORDS = 50;

type Data<P extends PageData['page']> = Extract<PageData, { page: P }>;

/** An API answer that only says "not there (yet)" (a record without an IRI of its own, a dataset not assessed). */
function absent(e: unknown): null {
  if (e instanceof ApiError) return null;
  throw e;
}

/** A record page: the record, how to get access (null: no IRI of its own) and, for a dataset, its quality (null: not assessed). */
export async function loadRecord(client: CatalogueApi, kind: 'datasets' | 'dataservices', id: string, signal?: AbortSignal): Promise<Data<'record'>> {
  const [record, conditions, quality] = await Promise.all([
    client.record(kind, id, signal),
    client.accessConditions(kind, id, signal).catch(absent),
    kind === 'datasets' ? client.quality(id, signal).catch(absent) : Promise.resolve(null),
  ]);
  return { page: 'record', record, conditions, quality };
}

/** The organisations page: every organisation, their scores and, for one organisation (`iri`), its first records. */
export async function loadOrganisations(client: CatalogueApi, iri: string | null, signal?: AbortSignal): Promise<Data<'organisations'>> {
  const [organisations, scores, records] = await Promise.all([
    client.organisations(signal),
    client.organisationScores(signal).catch(() => [] as OrganisationScore[]),
    iri ? client.search({ q: '', filters: { publisher: [iri] }, sort: 'title:asc', page: 1 }, signal, ORGANISATION_RECORDS) : Promise.resolve(null),
  ]);
  return { page: 'organisations', organisations, scores, records };
}

/**
 * What a page shows, read from the API in the requests its elements make (they load through the functions above,
 * so the server and the browser show the same). Null for pages that read nothing before they show (owner, validator, …).
 */
export async function loadPageData(client: CatalogueApi, route: Route, signal?: AbortSignal): Promise<PageData | null> {
  switch (route.page) {
    case 'search': return { page: 'search', result: await client.search(route.state, signal) };
    case 'record': return loadRecord(client, route.kind, route.id, signal);
    case 'organisations': return loadOrganisations(client, route.iri, signal);
    default: return null;
  }
}
