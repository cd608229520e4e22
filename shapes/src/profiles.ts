/** A validation profile: which vendored shape files gate a record and which only advise. */
export interface Profile {
  readonly id: string;
  /** Shape files whose sh:Violation results reject a record. */
  readonly gate: readonly string[];
  /** Shape files reported as advice only, whatever their severity. */
  readonly advise: readonly string[];
}

/** The foundation profile: the DCAT-AP 3.0.1 base scenario gates; nothing advises yet. */
export const dcatAp3Base: Profile = { id: 'dcat-ap-3.0.1-base', gate: ['dcat-ap-3.0.1-base.ttl'], advise: [] };
