/**
 * An xsd:dateTime lexical form in its canonical form (XML Schema 1.1: no trailing zeros in fractional seconds,
 * UTC written `Z`), as stores that keep values (oxigraph) give it back; stores that keep lexical forms (Virtuoso)
 * then answer the same. `2026-11-22T21:20:50.910Z` → `2026-11-22T21:20:50.91Z`; `…:50.000+00:00` → `…:50Z`.
 * Other text is returned as it is.
 */
export function canonicalDateTime(value: string): string {
  const m = /^(-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (!m) return value;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  const zone = m[3] === '+00:00' || m[3] === '-00:00' ? 'Z' : (m[3] ?? '');
  return `${m[1]}${fraction === '.' ? '' : fraction}${zone}`;
}

/** Now (or `date`) as a canonical xsd:dateTime in UTC. */
export const dateTimeNow = (date = new Date()): string => canonicalDateTime(date.toISOString());
