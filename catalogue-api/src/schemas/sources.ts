import { Type } from 'typebox';
import { typedRef } from './common.js';
import { PROFILES } from '@fedcat/shapes';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const ShaclResult = Type.Object({
  severity: Type.String(), focusNode: Type.String(), path: Nullable(Type.String()), value: Nullable(Type.String()), message: Type.String(),
  sourceShape: Nullable(Type.String()), constraint: Nullable(Type.String()), gating: Type.Boolean(),
});

/** A value of a vocabulary-bound property that is not in its EU table. */
export const UnmappedValue = Type.Object({
  property: Type.String({ description: 'e.g. dcat:theme' }), value: Type.String({ description: 'The IRI, or a literal in quotes' }), count: Type.Integer(),
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
    quality: Type.Optional(Nullable(Type.Object({
      datasets: Type.Integer(), score: Type.Number({ description: 'Average MQA score of the datasets' }), rating: Type.String(),
      linksChecked: Type.Integer(), linksDeferred: Type.Integer({ description: 'Links left for the next run by the bounds' }),
      unmapped: Type.Array(UnmappedValue, { description: 'Vocabulary-bound values outside the EU tables, most used first (at most 50)' }),
    }))),
    services: Type.Optional(Nullable(Type.Object({
      services: Type.Integer({ description: 'Data services in the source' }), fetched: Type.Integer({ description: 'Descriptions and PDP documents fetched in this run (the rest were fresh)' }),
      valid: Type.Integer(), invalid: Type.Integer(), unreachable: Type.Integer({ description: 'OpenAPI descriptions by outcome' }),
      pdps: Type.Integer({ description: 'Policy decision points whose metadata was checked' }),
    }))),
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
    phase: Type.Union([Type.Literal('reading'), Type.Literal('splitting'), Type.Literal('validating'), Type.Literal('assessing'), Type.Literal('publishing')]),
    pages: Type.Integer(), bytes: Type.Integer(), quads: Type.Integer(), records: Type.Integer(),
    toValidate: Type.Integer({ description: 'New or changed records to validate' }), validated: Type.Integer(),
    linksToCheck: Type.Optional(Type.Integer({ description: 'Links to check in the assessing phase' })), linksChecked: Type.Optional(Type.Integer()),
  }),
}, { $id: 'RunningHarvest' });

/** A registered source with its harvest status: what anyone may read (its settings are the owner's, see SourceSettings). */
export const SourceWithStatus = Type.Object({
  id: Type.String(),
  url: Type.String(),
  org: Nullable(Type.String()),
  addedAt: Type.String(),
  kind: Type.Union([Type.Literal('catalogue'), Type.Literal('sparql'), Type.Literal('files'), Type.Literal('fsc-directory')]),
  fscGroup: Type.Optional(Type.String({ description: 'FSC Group ID (fsc-directory sources)' })),
  interval: Nullable(Type.String({ description: 'Schedule, e.g. 6h; null when harvested only on demand' })),
  nextHarvestAt: Nullable(Type.String({ description: 'When the scheduler harvests it next (now or earlier: due)' })),
  paused: Type.Boolean({ description: 'A paused source keeps its data but is not harvested' }),
  lastRun: Nullable(typedRef(Run)),
  lastSuccess: Nullable(typedRef(Run)),
  running: Nullable(typedRef(RunningHarvest)),
}, { $id: 'SourceWithStatus' });

const Kind = Type.Union([Type.Literal('catalogue'), Type.Literal('sparql'), Type.Literal('files'), Type.Literal('fsc-directory')],
  { description: 'catalogue (RDF over http(s), Hydra paging), sparql (an endpoint), files (file: URL), fsc-directory (an FSC Directory Manager: its /peers and /services)' });
const FscGroup = Type.String({ pattern: '^[a-zA-Z0-9./_-]{1,100}$', description: 'The FSC Group ID an fsc-directory source lists' });
const InvalidRecords = Type.Union([Type.Literal('skip'), Type.Literal('quarantine')], { description: 'Records failing a gating shape: kept apart in quarantine (default) or left out' });
const Limit = (description: string) => Type.Integer({ minimum: 1, description });
const ValidationProfile = Type.Union(PROFILES.map((p) => Type.Literal(p.id)), { description: `The validation profile that gates its records: ${PROFILES.map((p) => `${p.id} (${p.title})`).join('; ')}` });
const Interval = Type.String({ pattern: '^\\d{1,5}[mhd]$', description: 'Harvest schedule: minutes, hours or days, e.g. 30m, 6h, 1d (at least 5m)' });
const Iri = Type.String({ format: 'uri', description: 'The owning organisation (e.g. its TOOI IRI)' });

/** A source's settings: what its owner and operators read and change. */
export const SourceSettings = Type.Object({
  id: Type.String(),
  url: Type.String(),
  org: Nullable(Type.String()),
  kind: Kind,
  fscGroup: Type.Optional(Type.String()),
  interval: Nullable(Type.String()),
  paused: Type.Boolean(),
  limits: Type.Object({ maxBytes: Type.Optional(Type.Integer()), maxPages: Type.Optional(Type.Integer()), maxRecords: Type.Optional(Type.Integer()) },
    { description: 'Per-source caps; absent ones take the defaults' }),
  invalidRecords: InvalidRecords,
  profile: Nullable(Type.String({ description: 'The validation profile that gates its records; null: the harvest default (FEDCAT_HARVEST_PROFILE)' })),
  addedAt: Type.String(),
}, { $id: 'SourceSettings' });

/** The body that registers a source. */
export const SourceCreate = Type.Object({
  url: Type.String({ description: 'The DCAT catalogue (http(s)), the SPARQL endpoint, or a file: URL below FEDCAT_HARVEST_FILES' }),
  id: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$', description: 'Short id; derived from the URL when absent' })),
  org: Type.Optional(Iri),
  kind: Type.Optional(Kind),
  fscGroup: Type.Optional(FscGroup),
  interval: Type.Optional(Interval),
  paused: Type.Optional(Type.Boolean()),
  limits: Type.Optional(Type.Object({ maxBytes: Type.Optional(Limit('Decoded bytes of all pages or files')), maxPages: Type.Optional(Limit('Pages or files')), maxRecords: Type.Optional(Limit('Records')) }, { additionalProperties: false })),
  invalidRecords: Type.Optional(InvalidRecords),
  profile: Type.Optional(ValidationProfile),
}, { $id: 'SourceCreate', additionalProperties: false });

/** A JSON Merge Patch (RFC 7396) of a source's settings: absent fields stay, `null` removes an optional one. */
export const SourcePatch = Type.Object({
  url: Type.Optional(Type.String()),
  org: Type.Optional(Nullable(Iri)),
  kind: Type.Optional(Kind),
  fscGroup: Type.Optional(Nullable(FscGroup)),
  interval: Type.Optional(Nullable(Interval)),
  paused: Type.Optional(Type.Boolean({ description: 'true pauses harvesting, false resumes it' })),
  limits: Type.Optional(Type.Object({ maxBytes: Type.Optional(Nullable(Limit('Decoded bytes'))), maxPages: Type.Optional(Nullable(Limit('Pages or files'))), maxRecords: Type.Optional(Nullable(Limit('Records'))) }, { additionalProperties: false })),
  invalidRecords: Type.Optional(Nullable(InvalidRecords)),
  profile: Type.Optional(Nullable(ValidationProfile)),
}, { $id: 'SourcePatch', additionalProperties: false });

/** One change in the audit log. */
export const AuditEntry = Type.Object({
  seq: Type.Integer({ description: 'Position in the log; page backwards with ?before=' }),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Object({
    kind: Type.Union([Type.Literal('token'), Type.Literal('cli'), Type.Literal('system')]),
    tokenId: Type.Optional(Type.String()), name: Type.Optional(Type.String()), role: Type.Optional(Type.String()),
    org: Type.Optional(Nullable(Type.String())), user: Type.Optional(Type.String()), reason: Type.Optional(Type.String()),
  }, { description: 'Who: a token (its id and name, never its secret), a fedcat command (the OS user) or fedcat itself' }),
  action: Type.String({ description: 'source.created, source.updated, source.deleted, source.imported, harvest.requested, token.created, token.revoked' }),
  target: Type.String({ description: 'source:<id> or token:<id>' }),
  orgs: Type.Array(Type.String(), { description: 'Organisations the target belonged to before or after' }),
  before: Type.Unknown({ description: 'The target before the change (null when created)' }),
  after: Type.Unknown({ description: 'The target after the change (null when deleted)' }),
}, { $id: 'AuditEntry' });
