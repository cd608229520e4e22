import { createHash } from 'node:crypto';

/** The REST id of a record: the first 16 hex characters of the SHA-256 of its IRI; stable across harvests. */
export function recordId(iri: string): string {
  return createHash('sha256').update(iri).digest('hex').slice(0, 16);
}
