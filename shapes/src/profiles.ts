/** A validation profile: which shape files gate a record and which only advise. */
export interface Profile {
  readonly id: string;
  readonly title: string;
  /** Shape files (vendored names, or absolute paths for a custom profile) whose sh:Violation results reject a record. */
  readonly gate: readonly string[];
  /** Shape files reported as advice only: their violations become warnings. */
  readonly advise: readonly string[];
  /** Whether the EU authority tables are loaded as background knowledge (typed vocabulary terms). */
  readonly background: boolean;
}

const AP = 'dcat-ap-3.0.1/';
/** fedcat's own shapes for the access conditions DCAT-AP-NL cannot express (FSC coordinates, PDP): advice everywhere. */
const accessAdvice = ['fedcat/fedcat-access-SHACL.ttl'];
const dcatApBase = `${AP}shapes.ttl`;
/** DCAT-AP 3.0.1 checks that need background knowledge or only recommend: advice, never a gate. */
const dcatApAdvice = [`${AP}range.ttl`, `${AP}mdr-vocabularies.shape.ttl`, `${AP}shapes_recommended.ttl`, `${AP}deprecateduris.ttl`, ...accessAdvice];
const nlAdvice = (dir: string) => [`${dir}/dcat-ap-nl-SHACL-klassebereik.ttl`, `${dir}/dcat-ap-nl-SHACL-klassebereik-codelijsten.ttl`, `${dir}/dcat-ap-nl-SHACL-aanbevolen.ttl`];

/**
 * The profiles fedcat ships. DCAT-AP-NL is always combined with DCAT-AP 3.0.1 (as Geonovum's validation notes
 * require): base cardinalities, literals and node kinds of both gate; ranges, controlled vocabularies,
 * recommendations and deprecations advise.
 */
export const PROFILES: readonly Profile[] = [
  {
    id: 'dcat-ap-nl-3.0', title: 'DCAT-AP-NL 3.0 (adopted 2024-12-12) on DCAT-AP 3.0.1',
    gate: [dcatApBase, 'dcat-ap-nl-3.0.0/dcat-ap-nl-SHACL.ttl'], advise: [...dcatApAdvice, ...nlAdvice('dcat-ap-nl-3.0.0')], background: true,
  },
  {
    id: 'dcat-ap-nl-current', title: 'DCAT-AP-NL working version (towards 3.0.1) on DCAT-AP 3.0.1',
    gate: [dcatApBase, 'dcat-ap-nl-current/dcat-ap-nl-SHACL.ttl'], advise: [...dcatApAdvice, ...nlAdvice('dcat-ap-nl-current')], background: true,
  },
  { id: 'dcat-ap-3.0.1', title: 'DCAT-AP 3.0.1', gate: [dcatApBase], advise: dcatApAdvice, background: true },
  {
    id: 'dcat-ap-hvd-3.0', title: 'DCAT-AP HVD 3.0.0 on DCAT-AP 3.0.1',
    gate: [dcatApBase, 'dcat-ap-hvd-3.0.0/hvd-SHACL.ttl'], advise: dcatApAdvice, background: true,
  },
  { id: 'dcat-ap-3.0.1-base', title: 'DCAT-AP 3.0.1 base scenario only', gate: [dcatApBase], advise: [], background: false },
];

/** The profile fedcat validates harvests and dry-runs with unless told otherwise. */
export const DEFAULT_PROFILE_ID = 'dcat-ap-nl-3.0';

/** The foundation profile, kept for callers that want the DCAT-AP base scenario alone. */
export const dcatAp3Base: Profile = PROFILES.find((p) => p.id === 'dcat-ap-3.0.1-base')!;

export const defaultProfile: Profile = PROFILES.find((p) => p.id === DEFAULT_PROFILE_ID)!;

/** A shipped profile by id, or undefined. */
export function profileById(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}

/** A profile of the caller's own shape files (absolute paths): all of them gate; background knowledge is loaded. */
export function customProfile(files: readonly string[]): Profile {
  return { id: `custom:${files.map((f) => f.split('/').pop()).join('+')}`, title: 'Custom shapes', gate: files, advise: [], background: true };
}
