/** Where a running harvest is, for progress displays. */
export interface HarvestProgress {
  readonly phase: 'reading' | 'splitting' | 'validating' | 'describing' | 'assessing' | 'publishing';
  readonly pages: number;
  readonly bytes: number;
  readonly quads: number;
  /** Records found so far (known once reading is done). */
  readonly records: number;
  /** New or changed records to validate, and how many of them are done. */
  readonly toValidate: number;
  readonly validated: number;
  /** Links to check in this run, and how many of them are done (the assessing phase). */
  readonly linksToCheck?: number;
  readonly linksChecked?: number;
  /** Service descriptions and PDP documents to fetch or reuse, and how many are done (the describing phase). */
  readonly descriptionsToCheck?: number;
  readonly descriptionsChecked?: number;
}

/** Progress before anything is read. */
export const startingProgress: HarvestProgress = { phase: 'reading', pages: 0, bytes: 0, quads: 0, records: 0, toValidate: 0, validated: 0 };
