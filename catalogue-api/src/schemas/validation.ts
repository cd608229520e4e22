import { Type } from 'typebox';

const Severity = Type.Union([Type.Literal('violation'), Type.Literal('warning'), Type.Literal('info')]);
const Kind = Type.Union([Type.Literal('iri'), Type.Literal('blank'), Type.Literal('literal')]);

/** One group of findings: the same shape, path, constraint and severity. */
export const ReportGroup = Type.Object({
  severity: Severity,
  shape: Type.String({ description: 'The shape: its IRI, or "<node shape IRI> › <path>" for an anonymous property shape' }),
  path: Type.Union([Type.String(), Type.Null()], { description: 'The property concerned (an IRI)' }),
  constraint: Type.Union([Type.String(), Type.Null()], { description: 'The SHACL constraint component' }),
  file: Type.String({ description: 'The shape file of the profile the finding comes from' }),
  gating: Type.Boolean({ description: 'True when these findings reject a record in a harvest under this profile' }),
  count: Type.Integer(),
  resources: Type.Integer({ description: 'Distinct resources with this finding' }),
  example: Type.Object({
    focusNode: Type.String(), focusKind: Kind,
    value: Type.Union([Type.String(), Type.Null()]), valueKind: Type.Union([Kind, Type.Null()]),
  }),
  messages: Type.Object({ en: Type.String(), nl: Type.String() }, { description: 'What to fix, in English and Dutch' }),
  alsoIn: Type.Array(Type.Object({ shape: Type.String(), file: Type.String(), severity: Severity }), {
    description: 'Other shapes reporting the same constraint on the same resources, property and value: counted once, here at the highest severity',
  }),
});

/** A dry-run validation report. */
export const ValidationReport = Type.Object({
  profile: Type.String(),
  conforms: Type.Boolean({ description: 'No violations under the profile: a harvest would accept every record' }),
  violations: Type.Integer(),
  warnings: Type.Integer(),
  infos: Type.Integer(),
  resources: Type.Integer({ description: 'Resources validated (the document\'s subjects)' }),
  shaclResults: Type.Integer({ description: 'SHACL results behind the findings (a finding several shapes make counts once above, and once per shape here): what the Turtle sh:ValidationReport lists' }),
  statements: Type.Integer({ description: 'RDF statements read from the document' }),
  groups: Type.Array(ReportGroup),
}, { $id: 'ValidationReport', description: 'Findings grouped by shape and path, violations first, most frequent first' });

/** The shipped validation profiles and the default one. */
export const ValidationProfiles = Type.Object({
  default: Type.String({ description: 'The profile a dry run (and a harvest) validates with when none is named: FEDCAT_HARVEST_PROFILE' }),
  profiles: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
}, { $id: 'ValidationProfiles' });
