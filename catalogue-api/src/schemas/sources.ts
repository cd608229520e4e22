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

/** Where a running harvest is. */
export const RunningHarvest = Type.Object({
  source: Type.String(),
  pid: Type.Integer({ description: 'The fedcat process running it' }),
  startedAt: Type.String(),
  updatedAt: Type.String({ description: 'When the progress was last written (every 0.5 s while it works)' }),
  progress: Type.Object({
    phase: Type.Union([Type.Literal('reading'), Type.Literal('splitting'), Type.Literal('validating'), Type.Literal('publishing')]),
    pages: Type.Integer(), bytes: Type.Integer(), quads: Type.Integer(), records: Type.Integer(),
    toValidate: Type.Integer({ description: 'New or changed records to validate' }), validated: Type.Integer(),
  }),
}, { $id: 'RunningHarvest' });

/** A registered source with its harvest status. */
export const SourceWithStatus = Type.Object({
  id: Type.String(),
  url: Type.String(),
  org: Nullable(Type.String()),
  addedAt: Type.String(),
  kind: Type.Union([Type.Literal('catalogue'), Type.Literal('sparql'), Type.Literal('files')]),
  interval: Nullable(Type.String({ description: 'Schedule, e.g. 6h; null when harvested only on demand' })),
  nextHarvestAt: Nullable(Type.String({ description: 'When the scheduler harvests it next (now or earlier: due)' })),
  limits: Type.Optional(Type.Object({ maxBytes: Type.Optional(Type.Integer()), maxPages: Type.Optional(Type.Integer()), maxRecords: Type.Optional(Type.Integer()) })),
  invalidRecords: Type.Optional(Type.Union([Type.Literal('skip'), Type.Literal('quarantine')])),
  lastRun: Nullable(Type.Ref('Run')),
  lastSuccess: Nullable(Type.Ref('Run')),
  running: Nullable(Type.Ref('RunningHarvest')),
}, { $id: 'SourceWithStatus' });
