import { Type, type Static, type TSchema } from 'typebox';

/**
 * A `$ref` to a schema registered with the app (by its `$id`), typed as that schema: TypeBox types a bare
 * `Type.Ref` as unknown, and the web takes its types from these schemas.
 */
export function typedRef<T extends TSchema>(schema: T) {
  const id = (schema as { $id?: string }).$id;
  if (!id) throw new TypeError('typedRef needs a schema with an $id');
  return Type.Unsafe<Static<T>>(Type.Ref(id));
}

/** RFC 9457 problem details, the body of every error response. */
/** The highest page number a listing takes: beyond it a page number is a 400, never an offset the index cannot hold. */
export const MAX_PAGE = 1_000_000;
/** A page number of a paged listing (search, records, the DCAT feed, runs). */
export const PageNumber = (description = 'Page number, from 1') => Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1, description: `${description} (at most ${MAX_PAGE})` });

export const Problem = Type.Object({
  type: Type.String({ description: 'A URI identifying the problem type' }),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
  code: Type.Optional(Type.String({ description: 'fedcat error code, stable across versions' })),
  invalidParams: Type.Optional(Type.Array(Type.Object({ name: Type.String(), reason: Type.String() }))),
}, { $id: 'Problem', description: 'Problem details (RFC 9457), served as application/problem+json' });

/** A response documented as `application/problem+json`, the media type fedcat sends errors in. */
export const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Type.Ref('Problem') } } });

export const problemResponses = {
  400: problem('Bad request: a parameter is invalid (see invalidParams)'),
  404: problem('No such resource'),
  406: problem('None of the Accept media types can be served'),
  500: problem('Internal error (logged; details are not shown)'),
  503: problem('A backend is not available yet (the store is loading); retry after Retry-After seconds'),
} as const;

/** A response that is text in one of several media types (RDF syntaxes, SPARQL result formats). */
export const textResponse = (types: readonly string[], description: string) => ({
  description, content: Object.fromEntries(types.map((t) => [t, { schema: Type.String() }])),
});
