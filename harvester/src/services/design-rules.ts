/**
 * The technical core rules of the NL API Design Rules (Logius, "API Design Rules", the core set) that can be
 * checked from an OpenAPI document and the answer that served it. Each rule's test follows the "How to test" of its
 * published text; the score is developer.overheid.nl's: round((1 − failed / measured) × 100) over the rules that
 * apply. Pure.
 */

import { findingText, type Sentence } from './design-rule-messages.js';

/** One rule's outcome for one API. */
export interface RuleFinding {
  readonly rule: string;
  readonly passed: boolean;
  /** What was found, in English: the offending paths or values (at most a few), or why it passes. */
  readonly detail: string;
  /** The same in Dutch and English. */
  readonly text: { readonly nl: string; readonly en: string };
}

export interface DesignRuleReport {
  /** 0-100, or null when no rule applied. */
  readonly score: number | null;
  readonly findings: readonly RuleFinding[];
}

/** How the description was served: its URL, and the CORS header it came with. */
export interface ServedAs {
  readonly url: string;
  readonly corsAllowOrigin: string | null;
}

type Json = Record<string, unknown>;
const obj = (x: unknown): Json => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Json) : {});
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const ALLOWED = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** One path segment as the kebab-case rule allows it: lowercase letters, digits and inner hyphens, or a {parameter}. */
const kebabSegment = (segment: string, last: boolean) =>
  /^\{[^}]+\}$/.test(segment) || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(segment) || (last && /^_[a-z0-9]+(-[a-z0-9]+)*$/.test(segment));

const camelKey = (key: string) => /^\$?[a-z][a-z\d]*([A-Z][a-z\d]*)*$/.test(key);

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

interface Operation { readonly path: string; readonly method: string; readonly op: Json; readonly shared: readonly Json[] }

function operations(doc: Json): Operation[] {
  return Object.entries(obj(doc.paths)).flatMap(([path, item]) => {
    const it = obj(item);
    const shared = Array.isArray(it.parameters) ? it.parameters.map(obj) : [];
    return METHODS.filter((m) => m in it).map((method) => ({ path, method, op: obj(it[method]), shared }));
  });
}

const responsesOf = (op: Json) => Object.entries(obj(op.responses)).map(([code, r]) => ({ code, response: obj(r) }));
const hasHeader = (response: Json, name: string) => Object.keys(obj(response.headers)).some((h) => h.toLowerCase() === name.toLowerCase());

/** Checks the rules on a document whose internal `$ref`s are resolved. `valid` is the parser's verdict. */
export function checkDesignRules(doc: Json, valid: readonly string[], served: ServedAs, serverUrls: readonly string[]): DesignRuleReport {
  const findings: RuleFinding[] = [];
  const add = (rule: string, passed: boolean, ...said: Sentence[]) =>
    findings.push({ rule, passed, detail: findingText(said, 'en'), text: { nl: findingText(said, 'nl'), en: findingText(said, 'en') } });
  const ops = operations(doc);
  const paths = Object.keys(obj(doc.paths));

  // /core/doc-openapi: an OpenAPI 3 document that parses, its references resolve, and it defines paths.
  const v3 = /^3\./.test(String(doc.openapi));
  add('/core/doc-openapi', v3 && valid.length === 0 && paths.length > 0,
    !v3 ? { code: 'notOpenapi3', values: { version: String(doc.openapi) } } : valid.length > 0 ? { code: 'notValid', list: valid }
      : paths.length === 0 ? { code: 'noPaths' } : { code: 'openapiOk', values: { version: String(doc.openapi), paths: paths.length } });

  // /core/publish-openapi: at <base>/openapi.json, readable from any origin (CORS).
  const expected = serverUrls.map((s) => `${s}/openapi.json`);
  const atBase = expected.includes(served.url.replace(/\/$/, ''));
  const cors = served.corsAllowOrigin === '*';
  add('/core/publish-openapi', atBase && cors,
    atBase ? { code: 'servedAt', values: { url: served.url } } : { code: 'servedNotAt', values: { url: served.url, expected: expected[0] ?? '<server>/openapi.json' } },
    cors ? { code: 'corsAny' } : served.corsAllowOrigin === null ? { code: 'corsAbsent' } : { code: 'corsNot', values: { value: served.corsAllowOrigin } });

  // /core/uri-version: every server URL carries the major version, and only it (…/v1).
  if (serverUrls.length > 0) {
    const unversioned = serverUrls.filter((s) => !/\/v\d+(\/|$)/.test(new URL(s).pathname));
    add('/core/uri-version', unversioned.length === 0, unversioned.length ? { code: 'noMajorVersion', list: unversioned } : { code: 'majorVersion', list: serverUrls });
  } else {
    add('/core/uri-version', false, { code: 'noServers' });
  }

  // /core/semver: info.version is a semantic version.
  const version = String(obj(doc.info).version ?? '');
  add('/core/semver', SEMVER.test(version), { code: SEMVER.test(version) ? 'semverOk' : 'semverBad', values: { version } });

  // /core/version-header: every 2xx/3xx response declares the API-Version header.
  const successes = ops.flatMap((o) => responsesOf(o.op).filter((r) => /^[23]/.test(r.code)).map((r) => ({ ...o, ...r })));
  if (successes.length > 0) {
    const missing = successes.filter((r) => !hasHeader(r.response, 'API-Version')).map((r) => `${r.method.toUpperCase()} ${r.path} ${r.code}`);
    add('/core/version-header', missing.length === 0, missing.length ? { code: 'noVersionHeader', list: missing } : { code: 'versionHeaderAll', values: { n: successes.length } });
  }

  // /core/error-handling/problem-details: 4xx/5xx responses are application/problem+json (or +xml).
  const errors = ops.flatMap((o) => responsesOf(o.op).filter((r) => /^[45]/.test(r.code)).map((r) => ({ ...o, ...r })));
  if (errors.length > 0) {
    const plain = errors.filter((r) => !Object.keys(obj(r.response.content)).some((t) => /^application\/problem\+(json|xml)/.test(t)))
      .map((r) => `${r.method.toUpperCase()} ${r.path} ${r.code}`);
    add('/core/error-handling/problem-details', plain.length === 0, plain.length ? { code: 'notProblemJson', list: plain } : { code: 'problemJsonAll', values: { n: errors.length } });
  }

  // /core/no-trailing-slash: no path but the root ends with a slash.
  const slashed = paths.filter((p) => p.length > 1 && p.endsWith('/'));
  add('/core/no-trailing-slash', slashed.length === 0, slashed.length ? { code: 'trailingSlash', list: slashed } : { code: 'noTrailingSlash' });

  // /core/path-segments-kebab-case: lowercase letters, digits, hyphens; the last segment may start with _.
  const unkebab = paths.filter((p) => {
    const segments = p.split('/').filter((s) => s.length > 0);
    return segments.some((s, i) => !kebabSegment(s, i === segments.length - 1));
  });
  add('/core/path-segments-kebab-case', unkebab.length === 0, unkebab.length ? { code: 'notKebab', list: unkebab } : { code: 'kebab' });

  // /core/query-keys-camel-case: query parameters in lower camelCase.
  const queryKeys = [...new Set(ops.flatMap((o) => [...o.shared, ...(Array.isArray(o.op.parameters) ? o.op.parameters.map(obj) : [])])
    .filter((p) => p.in === 'query').map((p) => String(p.name)))];
  if (queryKeys.length > 0) {
    const bad = queryKeys.filter((k) => !camelKey(k));
    add('/core/query-keys-camel-case', bad.length === 0, bad.length ? { code: 'notCamel', list: bad } : { code: 'camel', values: { n: queryKeys.length } });
  }

  // /core/http-methods: only GET, POST, PUT, PATCH, DELETE.
  const other = ops.filter((o) => !ALLOWED.has(o.method)).map((o) => `${o.method.toUpperCase()} ${o.path}`);
  add('/core/http-methods', other.length === 0, other.length ? { code: 'otherMethods', list: other } : { code: 'standardMethods' });

  // /core/doc-openapi-contact: info.contact is present.
  const contact = obj(obj(doc.info).contact);
  const hasContact = Object.keys(contact).length > 0;
  add('/core/doc-openapi-contact', hasContact, hasContact ? { code: 'contact', values: { who: [contact.name, contact.email, contact.url].filter(Boolean).join(', ') } } : { code: 'noContact' });

  const failed = findings.filter((f) => !f.passed).length;
  return { score: findings.length ? Math.round((1 - failed / findings.length) * 100) : null, findings };
}
