import { conceptLabel, shortLabel } from '@fedcat/vocab';
import type { FacetField } from '@fedcat/catalogue';

/**
 * The label a facet value is shown with, decided here for every search backend: the name the index stored for it
 * (a publisher's), else the EU vocabulary's Dutch label, else the value itself for types and sources and a short
 * form of any other IRI.
 */
export function facetLabel(field: FacetField, value: string, stored: string | null | undefined): string {
  return stored ?? conceptLabel(value)?.nl ?? (field === 'type' || field === 'source' ? value : shortLabel(value));
}
