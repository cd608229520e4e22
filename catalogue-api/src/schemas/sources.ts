import { Type } from 'typebox';

const Run = Type.Object({
  source: Type.String(),
  status: Type.Union([Type.Literal('succeeded'), Type.Literal('failed')]),
  startedAt: Type.String(),
  endedAt: Type.String(),
  stats: Type.Optional(Type.Object({
    syntax: Type.String(), bytes: Type.Integer(), quads: Type.Integer(), datasets: Type.Integer(), dataServices: Type.Integer(),
    validation: Type.Object({
      profile: Type.String(), accepted: Type.Boolean(), violations: Type.Integer(), warnings: Type.Integer(),
      results: Type.Array(Type.Object({
        severity: Type.String(), focusNode: Type.String(), path: Type.Union([Type.String(), Type.Null()]),
        value: Type.Union([Type.String(), Type.Null()]), message: Type.String(),
        sourceShape: Type.Union([Type.String(), Type.Null()]), constraint: Type.Union([Type.String(), Type.Null()]), gating: Type.Boolean(),
      })),
    }),
  })),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});

/** A registered source with its harvest status. */
export const SourceWithStatus = Type.Object({
  id: Type.String(),
  url: Type.String(),
  org: Type.Union([Type.String(), Type.Null()]),
  addedAt: Type.String(),
  lastRun: Type.Union([Run, Type.Null()]),
  lastSuccess: Type.Union([Run, Type.Null()]),
}, { $id: 'SourceWithStatus' });
