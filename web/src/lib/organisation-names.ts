import type { CatalogueApi } from '../api/client.js';
import { lastSegment } from './vocabulary-labels.js';

/** The names organisations publish, by IRI (from `/v1/organisations`); an empty map when that cannot be read. */
export async function organisationNames(client: CatalogueApi, signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
  const organisations = await client.organisations(signal).catch(() => []);
  return new Map(organisations.flatMap((o) => (o.name ? [[o.iri, o.name] as const] : [])));
}

/** An organisation by its name, else by the last segment of its IRI. */
export function organisationName(iri: string, names: ReadonlyMap<string, string>): string {
  return names.get(iri) ?? lastSegment(iri);
}
