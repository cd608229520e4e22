/** What a source's last successful harvest left behind, for the next one to compare against. */
export interface HarvestState {
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Record IRI → content hash and whether it was accepted (rejected records stay out until they change). */
  readonly records: Readonly<Record<string, { readonly hash: string; readonly accepted: boolean; readonly docId: string | null }>>;
}

export const emptyState: HarvestState = { etag: null, lastModified: null, records: {} };
