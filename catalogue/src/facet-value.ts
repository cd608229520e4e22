import { canonicalLicence, fileTypeIri } from '@fedcat/vocab';
import type { FacetField } from './catalogue-document.js';

/**
 * The value a record's property is faceted and filtered under, decided here for every search backend: one value
 * per thing named several ways. A licence under the EU licence table's IRI (the Creative Commons IRI and the
 * table's own give one value); a format under its EU file type (an IANA media type `…/text/csv` is `…/file-type/CSV`).
 * The record itself keeps what its publisher wrote.
 */
export function facetValue(field: FacetField, value: string): string {
  switch (field) {
    case 'license': return canonicalLicence(value);
    case 'format': return fileTypeIri(value) ?? value;
    default: return value;
  }
}
