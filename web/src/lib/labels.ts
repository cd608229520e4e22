/** Dutch UI labels of facet fields and record types. */
export const FIELD_LABELS: Record<string, string> = {
  type: 'Soort', publisher: 'Organisatie', theme: 'Thema', format: 'Formaat', license: 'Licentie', accessRights: 'Toegang',
};

export const TYPE_LABELS: Record<string, string> = { Dataset: 'Dataset', DataService: 'API' };

/** The last segment of an IRI, for values without a known label. */
export function lastSegment(iri: string): string {
  const m = /[#/]([^#/]+)\/?$/.exec(iri);
  return m?.[1] ? decodeURIComponent(m[1]) : iri;
}
