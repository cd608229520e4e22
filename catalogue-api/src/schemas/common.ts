import { Type } from 'typebox';

/** RFC 9457 problem details, the body of every error response. */
export const Problem = Type.Object({
  type: Type.String({ description: 'A URI identifying the problem type' }),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
  code: Type.Optional(Type.String({ description: 'fedcat error code, stable across versions' })),
  invalidParams: Type.Optional(Type.Array(Type.Object({ name: Type.String(), reason: Type.String() }))),
}, { $id: 'Problem', description: 'Problem details (RFC 9457), served as application/problem+json' });

export const problemResponses = {
  400: Type.Ref('Problem'), 404: Type.Ref('Problem'), 406: Type.Ref('Problem'), 500: Type.Ref('Problem'), 503: Type.Ref('Problem'),
} as const;
