/**
 * What a design-rule finding says, in Dutch and English, by code: one sentence per code, `{name}` filled from the
 * finding's values and `{list}` from its offenders (at most three, then how many more). Pure data and one formatter.
 */
import type { Lang } from '@fedcat/shapes/quality';

const SENTENCES = {
  notOpenapi3: { en: 'OpenAPI {version}, not 3.x', nl: 'OpenAPI {version}, geen 3.x' },
  notValid: { en: 'not valid OpenAPI: {list}', nl: 'geen geldige OpenAPI: {list}' },
  noPaths: { en: 'defines no paths', nl: 'beschrijft geen paden' },
  openapiOk: { en: 'OpenAPI {version}, {paths} paths', nl: 'OpenAPI {version}, {paths} paden' },
  servedAt: { en: 'served at {url}', nl: 'gepubliceerd op {url}' },
  servedNotAt: { en: 'served at {url}, not at {expected}', nl: 'gepubliceerd op {url}, niet op {expected}' },
  corsAny: { en: 'Access-Control-Allow-Origin: *', nl: 'Access-Control-Allow-Origin: *' },
  corsNot: { en: 'Access-Control-Allow-Origin is {value}, not *', nl: 'Access-Control-Allow-Origin is {value}, niet *' },
  corsAbsent: { en: 'Access-Control-Allow-Origin is absent, not *', nl: 'Access-Control-Allow-Origin ontbreekt (moet * zijn)' },
  noMajorVersion: { en: 'no /v{major} in {list}', nl: 'geen /v{major} in {list}' },
  majorVersion: { en: 'major version in {list}', nl: 'hoofdversie in {list}' },
  noServers: { en: 'no servers listed, so no base URI to carry the major version', nl: 'geen servers genoemd, dus geen basis-URI met de hoofdversie' },
  semverOk: { en: 'info.version {version}', nl: 'info.version {version}' },
  semverBad: { en: 'info.version "{version}" is not major.minor.patch', nl: 'info.version "{version}" is geen major.minor.patch' },
  noVersionHeader: { en: 'no API-Version header on {list}', nl: 'geen API-Version-header bij {list}' },
  versionHeaderAll: { en: 'API-Version on all {n} success responses', nl: 'API-Version bij alle {n} succesantwoorden' },
  notProblemJson: { en: 'not problem+json: {list}', nl: 'geen problem+json: {list}' },
  problemJsonAll: { en: 'problem+json on all {n} error responses', nl: 'problem+json bij alle {n} foutantwoorden' },
  trailingSlash: { en: 'trailing slash: {list}', nl: 'slash aan het eind: {list}' },
  noTrailingSlash: { en: 'no path ends with /', nl: 'geen pad eindigt op /' },
  notKebab: { en: 'not kebab-case: {list}', nl: 'geen kebab-case: {list}' },
  kebab: { en: 'all path segments kebab-case', nl: 'alle padsegmenten in kebab-case' },
  notCamel: { en: 'not camelCase: {list}', nl: 'geen camelCase: {list}' },
  camel: { en: '{n} query keys camelCase', nl: '{n} queryparameters in camelCase' },
  otherMethods: { en: 'other methods: {list}', nl: 'andere methoden: {list}' },
  standardMethods: { en: 'only standard methods', nl: 'alleen de standaardmethoden' },
  contact: { en: 'contact {who}', nl: 'contact {who}' },
  noContact: { en: 'no info.contact', nl: 'geen info.contact' },
} as const satisfies Record<string, Record<Lang, string>>;

export type SentenceCode = keyof typeof SENTENCES;

/** One sentence of a finding: its code, the values it names, and the offenders it lists. */
export interface Sentence {
  readonly code: SentenceCode;
  readonly values?: Readonly<Record<string, string | number>>;
  readonly list?: readonly string[];
}

/** At most three offenders and how many more, in the language. */
function listText(items: readonly string[], lang: Lang): string {
  const shown = items.slice(0, 3).join(', ');
  if (items.length <= 3) return shown;
  return lang === 'nl' ? `${shown} en nog ${items.length - 3}` : `${shown} and ${items.length - 3} more`;
}

/** The sentences of a finding in one language, joined with "; ". */
export function findingText(sentences: readonly Sentence[], lang: Lang): string {
  return sentences.map((s) => {
    const vars: Record<string, string | number> = { ...s.values, ...(s.list ? { list: listText(s.list, lang) } : {}) };
    return SENTENCES[s.code][lang].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  }).join('; ');
}
