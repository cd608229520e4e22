import { createHash } from 'node:crypto';
import type { BlankNode, NamedNode, Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { dateTimeNow, dqv, fedcat, rdf, rdfs, xsd } from '@fedcat/vocab';
import { forEachConcurrently } from '../concurrency.js';
import type { FetchPolicy } from '../fetch/fetch-document.js';
import { hostKey, type HostLimiter } from '../fetch/host-limiter.js';
import { checkPdpMetadata } from './authzen-metadata.js';
import { checkDesignRules, type DesignRuleReport } from './design-rules.js';
import { fetchDescription } from './fetch-description.js';
import { NotOpenApi, parseOpenApi } from './openapi-document.js';
import { summariseOpenApi, type OpenApiSummary } from './openapi-summary.js';
import { serviceTargets } from './service-targets.js';

const { namedNode, literal, quad } = DataFactory;

/** How a harvest describes its data services. */
export interface ServiceOptions {
  readonly policy: FetchPolicy;
  /** Per document. Default 10 s. */
  readonly timeoutMs?: number;
  /** Per document. Default 5 MiB. */
  readonly maxBytes?: number;
  /** A description fetched less than this long ago is not fetched again. Default one day. */
  readonly maxAgeMs?: number;
  /** Shared per-host limits (the harvest's own). */
  readonly limiter?: HostLimiter;
}

/** What fedcat found at a data service's OpenAPI description URL. JSON, kept in the harvest state between runs. */
export interface DescriptionResult {
  readonly url: string;
  readonly checkedAt: string;
  readonly status: 'valid' | 'invalid' | 'unreachable';
  readonly httpStatus: number;
  readonly sha256: string | null;
  readonly problem: string | null;
  readonly corsAllowOrigin: string | null;
  readonly summary: OpenApiSummary | null;
  readonly rules: DesignRuleReport | null;
}

/** What fedcat found at a policy decision point's metadata URL. */
export interface PdpResult {
  readonly url: string;
  readonly checkedAt: string;
  readonly status: 'valid' | 'invalid' | 'unreachable';
  readonly policyDecisionPoint: string | null;
  readonly accessEvaluationEndpoint: string | null;
  readonly problems: readonly string[];
}

/** Descriptions and PDP checks by URL. */
export interface ServiceCache {
  readonly descriptions: Readonly<Record<string, DescriptionResult>>;
  readonly pdps: Readonly<Record<string, PdpResult>>;
}

export const emptyServiceCache: ServiceCache = { descriptions: {}, pdps: {} };

export interface ServiceDescriptions {
  readonly quads: readonly Quad[];
  readonly cache: ServiceCache;
  /** Equal digests: the stored descriptions need not be rewritten. */
  readonly digest: string;
  readonly stats: { readonly services: number; readonly fetched: number; readonly valid: number; readonly invalid: number; readonly unreachable: number; readonly pdps: number };
}

const DAY = 86_400_000;

/** True when a fetch made at `checkedAt` is too old to reuse at `now`. */
const stale = (checkedAt: string, now: Date, maxAgeMs: number) => now.getTime() - Date.parse(checkedAt) >= maxAgeMs;

/** True when some description or PDP check in the cache is older than `maxAgeMs` (the next run should fetch again). */
export function descriptionsDue(cache: ServiceCache | undefined, now: Date, maxAgeMs = DAY): boolean {
  if (!cache) return false;
  return [...Object.values(cache.descriptions), ...Object.values(cache.pdps)].some((r) => stale(r.checkedAt, now, maxAgeMs));
}

async function describe(url: string, opts: ServiceOptions, now: Date): Promise<DescriptionResult> {
  const caps = { maxBytes: opts.maxBytes ?? 5 * 1024 * 1024, timeoutMs: opts.timeoutMs ?? 10_000 };
  const fetched = await fetchDescription(url, opts.policy, caps);
  const base = { url, checkedAt: dateTimeNow(now), summary: null, rules: null };
  if (!fetched.ok) return { ...base, status: 'unreachable', httpStatus: fetched.status, sha256: null, problem: fetched.reason, corsAllowOrigin: null };
  const found = { ...base, httpStatus: fetched.status, sha256: fetched.sha256, corsAllowOrigin: fetched.corsAllowOrigin };
  try {
    const doc = await parseOpenApi(fetched.text);
    const summary = summariseOpenApi(doc.resolved, fetched.url);
    const rules = checkDesignRules(doc.resolved, doc.errors, { url: fetched.url, corsAllowOrigin: fetched.corsAllowOrigin }, summary.servers.map((x) => x.url));
    return { ...found, status: doc.errors.length ? 'invalid' : 'valid', problem: doc.errors[0] ?? null, summary, rules };
  } catch (err) {
    if (!(err instanceof NotOpenApi)) throw err;
    return { ...found, status: 'invalid', problem: err.message };
  }
}

async function checkPdp(url: string, opts: ServiceOptions, now: Date): Promise<PdpResult> {
  const fetched = await fetchDescription(url, opts.policy, { maxBytes: 256 * 1024, timeoutMs: opts.timeoutMs ?? 10_000 });
  const checkedAt = dateTimeNow(now);
  if (!fetched.ok) return { url, checkedAt, status: 'unreachable', policyDecisionPoint: null, accessEvaluationEndpoint: null, problems: [fetched.reason] };
  const check = checkPdpMetadata(fetched.text, fetched.url);
  return { url, checkedAt, status: check.status, policyDecisionPoint: check.policyDecisionPoint, accessEvaluationEndpoint: check.accessEvaluationEndpoint, problems: check.problems };
}

/**
 * Describes every data service among a source's accepted quads: fetches its OpenAPI description (under the harvest's
 * address policy, capped, four at a time, under the harvest's per-host limiter), summarises it, checks the
 * API Design Rules, and checks the AuthZEN metadata of any policy decision point it names. Results younger than
 * `maxAgeMs` are reused. Everything is written as RDF in the source graph, with stable IRIs under the skolem base.
 */
export async function describeServices(
  quads: readonly Quad[], previous: ServiceCache, opts: ServiceOptions,
  run: { now: () => Date; genid: string; onProgress?: (done: number, total: number) => void },
): Promise<ServiceDescriptions> {
  const now = run.now();
  const maxAge = opts.maxAgeMs ?? DAY;
  const fresh = <T extends { checkedAt: string }>(r: T | undefined) => r !== undefined && !stale(r.checkedAt, now, maxAge);
  const targets = serviceTargets(quads);
  const descriptionUrls = [...new Set(targets.flatMap((t) => (t.descriptionUrl ? [t.descriptionUrl] : [])))];
  const pdpUrls = [...new Set(targets.flatMap((t) => t.pdps.map((p) => p.configurationUrl)))];
  const descriptions: Record<string, DescriptionResult> = {};
  const pdps: Record<string, PdpResult> = {};
  const jobs = [
    ...descriptionUrls.map((url) => ({ kind: 'oas' as const, url })),
    ...pdpUrls.map((url) => ({ kind: 'pdp' as const, url })),
  ];
  let fetched = 0;
  let done = 0;
  await forEachConcurrently(jobs.length, 4, async (i) => {
    const job = jobs[i]!;
    if (job.kind === 'oas') {
      const cached = previous.descriptions[job.url];
      if (fresh(cached)) descriptions[job.url] = cached!;
      else { fetched++; descriptions[job.url] = await limited(opts, job.url, () => describe(job.url, opts, now)); }
    } else {
      const cached = previous.pdps[job.url];
      if (fresh(cached)) pdps[job.url] = cached!;
      else { fetched++; pdps[job.url] = await limited(opts, job.url, () => checkPdp(job.url, opts, now)); }
    }
    run.onProgress?.(++done, jobs.length);
  });

  const name = (...parts: string[]) => namedNode(`${run.genid}${createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 22)}`);
  const out: Quad[] = [];
  const hash = createHash('sha256');
  for (const target of targets) {
    const service = namedNode(target.iri);
    const d = target.descriptionUrl ? descriptions[target.descriptionUrl] : undefined;
    if (d) {
      out.push(...descriptionQuads(service, d, name));
      hash.update(`${target.iri}\n${JSON.stringify({ ...d, checkedAt: undefined })}\n`);
    }
    for (const pdp of target.pdps) {
      const p = pdps[pdp.configurationUrl];
      if (!p) continue;
      out.push(...pdpQuads(pdp.node, p, name(`pdp\n${target.iri}\n${pdp.configurationUrl}`)));
      hash.update(`${target.iri}\n${JSON.stringify({ ...p, checkedAt: undefined })}\n`);
    }
  }
  const all = Object.values(descriptions);
  return {
    quads: out, cache: { descriptions, pdps }, digest: hash.digest('base64url'),
    stats: {
      services: targets.length, fetched,
      valid: all.filter((d) => d.status === 'valid').length, invalid: all.filter((d) => d.status === 'invalid').length,
      unreachable: all.filter((d) => d.status === 'unreachable').length, pdps: Object.keys(pdps).length,
    },
  };
}

function limited<T>(opts: ServiceOptions, url: string, fn: () => Promise<T>): Promise<T> {
  return opts.limiter ? opts.limiter.run(hostKey(url), fn) : fn();
}

const str = (v: string) => literal(v);
const iriOrLiteral = (v: string) => (/^https?:\/\//.test(v) ? namedNode(v) : literal(v));

function descriptionQuads(service: NamedNode, d: DescriptionResult, name: (...parts: string[]) => ReturnType<typeof namedNode>): Quad[] {
  const node = name('api-description', service.value, d.url);
  const q: Quad[] = [
    quad(service, fedcat.apiDescription, node),
    quad(node, rdf.type, fedcat.ApiDescription),
    quad(node, fedcat.descriptionUrl, iriOrLiteral(d.url)),
    quad(node, fedcat.descriptionStatus, str(d.status)),
    quad(node, fedcat.httpStatus, literal(String(d.httpStatus), xsd.integer)),
    quad(node, fedcat.checkedAt, literal(d.checkedAt, xsd.dateTime)),
  ];
  if (d.sha256) q.push(quad(node, fedcat.sha256, str(d.sha256)));
  if (d.problem) q.push(quad(node, fedcat.problem, str(d.problem)));
  if (d.corsAllowOrigin) q.push(quad(node, fedcat.corsAllowOrigin, str(d.corsAllowOrigin)));
  const s = d.summary;
  if (s) {
    q.push(quad(node, fedcat.openapiVersion, str(s.openapiVersion)));
    if (s.title) q.push(quad(node, rdfs.label, str(s.title)));
    if (s.version) q.push(quad(node, fedcat.apiVersion, str(s.version)));
    for (const server of s.servers) {
      const n = name('server', service.value, server.url);
      q.push(quad(node, fedcat.server, n), quad(n, fedcat.serverUrl, iriOrLiteral(server.url)));
      if (server.description) q.push(quad(n, rdfs.label, str(server.description)));
    }
    for (const t of s.authTypes) q.push(quad(node, fedcat.authType, str(t)));
    if (s.deprecatedOn) q.push(quad(node, fedcat.deprecatedOn, literal(s.deprecatedOn, xsd.date)));
    if (s.sunsetOn) q.push(quad(node, fedcat.sunsetOn, literal(s.sunsetOn, xsd.date)));
    if (s.docsUrl) q.push(quad(node, fedcat.docsUrl, iriOrLiteral(s.docsUrl)));
  }
  if (d.rules) {
    for (const f of d.rules.findings) {
      const r = name('design-rule', service.value, f.rule);
      q.push(quad(node, fedcat.designRuleResult, r), quad(r, rdf.type, fedcat.DesignRuleResult), quad(r, fedcat.rule, str(f.rule)),
        quad(r, fedcat.passed, literal(String(f.passed), xsd.boolean)),
        quad(r, rdfs.comment, literal(f.text.en, 'en')), quad(r, rdfs.comment, literal(f.text.nl, 'nl')));
    }
    if (d.rules.score !== null) {
      const m = name('adr-score', service.value);
      q.push(quad(service, dqv.hasQualityMeasurement, m), quad(m, dqv.isMeasurementOf, fedcat.adrScore),
        quad(m, dqv.value, literal(String(d.rules.score), xsd.integer)));
    }
  }
  return q;
}

function pdpQuads(pdp: NamedNode | BlankNode, p: PdpResult, node: ReturnType<typeof namedNode>): Quad[] {
  const q: Quad[] = [
    quad(pdp, fedcat.pdpCheck, node),
    quad(node, rdf.type, fedcat.PdpCheck),
    quad(node, fedcat.pdpStatus, str(p.status)),
    quad(node, fedcat.checkedAt, literal(p.checkedAt, xsd.dateTime)),
  ];
  if (p.policyDecisionPoint) q.push(quad(node, fedcat.policyDecisionPointId, iriOrLiteral(p.policyDecisionPoint)));
  if (p.accessEvaluationEndpoint) q.push(quad(node, fedcat.accessEvaluationEndpoint, iriOrLiteral(p.accessEvaluationEndpoint)));
  for (const problem of p.problems) q.push(quad(node, fedcat.problem, str(problem)));
  return q;
}
