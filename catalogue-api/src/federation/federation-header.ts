/** The header by which the federation's own sub-queries to the catalogue's endpoint pass its result cap. */
export const FEDERATION_HEADER = 'fedcat-federation';
