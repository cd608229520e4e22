import { AUTHORITY_TABLES, loadAuthorityTable, skos } from '@fedcat/vocab';

/** The controlled vocabularies quality indicators check values against: concept IRIs per EU authority table. */
export interface QualityVocabularies {
  readonly fileTypes: ReadonlySet<string>;
  readonly licences: ReadonlySet<string>;
  readonly accessRights: ReadonlySet<string>;
  readonly themes: ReadonlySet<string>;
  readonly frequencies: ReadonlySet<string>;
  readonly languages: ReadonlySet<string>;
}

async function concepts(name: string): Promise<Set<string>> {
  const table = AUTHORITY_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`no vendored authority table '${name}'`);
  const quads = await loadAuthorityTable(table);
  return new Set(quads.filter((q) => q.predicate.equals(skos.inScheme) && q.object.value === table.scheme).map((q) => q.subject.value));
}

let loaded: Promise<QualityVocabularies> | null = null;

/** The vendored EU tables as sets of concept IRIs; loaded once per process. */
export function qualityVocabularies(): Promise<QualityVocabularies> {
  loaded ??= Promise.all(['file-type', 'licence', 'access-right', 'data-theme', 'frequency', 'language'].map(concepts))
    .then(([fileTypes, licences, accessRights, themes, frequencies, languages]) =>
      ({ fileTypes: fileTypes!, licences: licences!, accessRights: accessRights!, themes: themes!, frequencies: frequencies!, languages: languages! }));
  return loaded;
}
