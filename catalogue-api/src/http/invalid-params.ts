/** One schema violation as Ajv reports it (what fastify puts in `error.validation`). */
export interface SchemaViolation {
  readonly keyword: string;
  readonly instancePath: string;
  readonly schemaPath?: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

/** A request field and why it was refused (RFC 9457 `invalid-params`). */
export interface InvalidParam {
  readonly name: string;
  readonly reason: string;
}

const list = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');

/**
 * The invalid parameters of a request, one per field, each naming what is allowed: a choice between constants
 * (Ajv reports one `const` failure per alternative and an `anyOf`) or an `enum` becomes "must be one of a, b, c";
 * other failures keep Ajv's words (`must be <= 100`, `must be integer`).
 */
export function invalidParams(violations: readonly SchemaViolation[], context = 'request'): InvalidParam[] {
  const byField = new Map<string, SchemaViolation[]>();
  for (const v of violations) {
    const field = v.keyword === 'required' && typeof v.params.missingProperty === 'string' ? `${v.instancePath}/${v.params.missingProperty}` : v.instancePath;
    byField.set(field, [...(byField.get(field) ?? []), v]);
  }
  return [...byField].map(([field, vs]) => {
    const name = `${context}${field}`.replace(/\//g, '.');
    const consts = vs.filter((v) => v.keyword === 'const').map((v) => v.params.allowedValue);
    const enumerated = vs.find((v) => v.keyword === 'enum')?.params.allowedValues;
    if (Array.isArray(enumerated)) return { name, reason: `must be one of ${list(enumerated)}` };
    if (consts.length > 0 && vs.every((v) => v.keyword === 'const' || v.keyword === 'anyOf')) return { name, reason: `must be one of ${list(consts)}` };
    return { name, reason: vs.map((v) => v.message ?? 'invalid').filter((m, i, all) => all.indexOf(m) === i).join('; ') };
  });
}
