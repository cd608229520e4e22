import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const ShaclResult = Type.Object({
  severity: Type.String(), focusNode: Type.String(), path: Nullable(Type.String()), value: Nullable(Type.String()), message: Type.String(),
  sourceShape: Nullable(Type.String()), constraint: Nullable(Type.String()), gating: Type.Boolean(),
});

/** One harvest run of a source. */
export const Run = Type.Object({
  id: Type.String(),
  source: Type.String(),
  status: Type.Union([Type.Literal('succeeded'), Type.Literal('unchanged'), Type.Literal('failed')]),
  startedAt: Type.String(),
  endedAt: Type.String(),
  stats: Type.Optional(Type.Object({
    syntax: Type.String(), bytes: Type.Integer(), pages: Type.Integer(), quads: Type.Integer(), datasets: Type.Integer(), dataServices: Type.Integer(),
    records: Type.Object({ added: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), removed: Type.Integer(), invalid: Type.Integer() }),
    validation: Type.Object({ profile: Type.String(), violations: Type.Integer(), warnings: Type.Integer() }),
    problems: Type.Array(Type.Object({ record: Type.String(), results: Type.Array(ShaclResult) })),
    normalisations: Type.Object({ count: Type.Integer(), examples: Type.Array(Type.Object({
      stage: Type.String(), subject: Type.String(), predicate: Type.String(), original: Type.String(), normalised: Type.String() })) }),
  })),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
}, { $id: 'Run' });

/** A registered source with its harvest status. */
export const SourceWithStatus = Type.Object({
  id: Type.String(),
  url: Type.String(),
  org: Nullable(Type.String()),
  addedAt: Type.String(),
  invalidRecords: Type.Optional(Type.Union([Type.Literal('skip'), Type.Literal('quarantine')])),
  lastRun: Nullable(Type.Ref('Run')),
  lastSuccess: Nullable(Type.Ref('Run')),
}, { $id: 'SourceWithStatus' });
