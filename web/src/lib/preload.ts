import type { AccessConditions, CatalogueRecordDetail, Organisation, OrganisationScore, RecordQuality, SearchResult } from '../api/types.js';
import type { Route } from './routes.js';

/** What a server-rendered page shows, as the API answered it (the same answers the elements ask for themselves). */
export type PageData =
  | { readonly page: 'search'; readonly result: SearchResult }
  | { readonly page: 'record'; readonly record: CatalogueRecordDetail; readonly conditions: AccessConditions | null; readonly quality: RecordQuality | null }
  | { readonly page: 'organisations'; readonly organisations: readonly Organisation[]; readonly scores: readonly OrganisationScore[]; readonly records: SearchResult | null };

/** A page rendered on the server: its route and data, embedded in the page so the browser's first render shows the same. */
export interface Preload {
  readonly route: Route;
  readonly data: PageData | null;
}

/** The id of the `<script type="application/json">` that carries a server-rendered page's Preload. */
export const PRELOAD_ID = 'fedcat-preload';

/** The Preload a server-rendered page carries, or null (a page the server did not render, or unreadable JSON). */
export function readPreload(doc: Document): Preload | null {
  const text = doc.getElementById(PRELOAD_ID)?.textContent;
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Preload | null;
    return value && typeof value === 'object' && 'route' in value ? value : null;
  } catch {
    return null;
  }
}

/** A Preload as the content of a `<script type="application/json">`: `<` escaped, so no text in it can close the script. */
export function preloadScript(preload: Preload): string {
  const json = JSON.stringify(preload).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${PRELOAD_ID}">${json}</script>`;
}
