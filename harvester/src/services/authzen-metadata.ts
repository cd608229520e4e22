/**
 * Checks a policy decision point's metadata (AuthZEN Authorization API 1.0, "PDP Metadata"): the document at
 * `/.well-known/authzen-configuration` must be a JSON object whose `policy_decision_point` is the PDP identifier the
 * metadata URL was built from, with an `access_evaluation_endpoint`; the other endpoints, when present, are URLs. Pure.
 */

/** The metadata keys of the AuthZEN endpoints, as the specification names them. */
export const AUTHZEN_ENDPOINT_KEYS = [
  'access_evaluation_endpoint', 'access_evaluations_endpoint', 'search_subject_endpoint', 'search_resource_endpoint', 'search_action_endpoint',
] as const;

const WELL_KNOWN = '/.well-known/authzen-configuration';

export interface PdpMetadataCheck {
  readonly status: 'valid' | 'invalid';
  /** The PDP identifier the metadata URL implies. */
  readonly expectedId: string | null;
  readonly policyDecisionPoint: string | null;
  readonly accessEvaluationEndpoint: string | null;
  /** What is wrong, in English; empty when valid. */
  readonly problems: readonly string[];
}

/** The PDP identifier a metadata URL was built from: the well-known segment taken out (a tenant path stays). */
export function pdpIdFromMetadataUrl(url: string): string | null {
  try {
    const u = new URL(url);
    const at = u.pathname.indexOf(WELL_KNOWN);
    if (at < 0) return null;
    const path = u.pathname.slice(0, at) + u.pathname.slice(at + WELL_KNOWN.length);
    return `${u.origin}${path === '/' ? '' : path}`;
  } catch {
    return null;
  }
}

const isUrl = (x: unknown) => {
  if (typeof x !== 'string') return false;
  try {
    const u = new URL(x);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
};

export function checkPdpMetadata(text: string, fetchedFrom: string): PdpMetadataCheck {
  const problems: string[] = [];
  const expectedId = pdpIdFromMetadataUrl(fetchedFrom);
  if (!expectedId) problems.push(`the metadata URL ${fetchedFrom} does not contain ${WELL_KNOWN}`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { status: 'invalid', expectedId, policyDecisionPoint: null, accessEvaluationEndpoint: null, problems: [...problems, 'not JSON'] };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { status: 'invalid', expectedId, policyDecisionPoint: null, accessEvaluationEndpoint: null, problems: [...problems, 'not a JSON object'] };
  }
  const meta = doc as Record<string, unknown>;
  const pdp = typeof meta.policy_decision_point === 'string' ? meta.policy_decision_point : null;
  if (!pdp) problems.push('policy_decision_point is missing');
  else if (expectedId && pdp.replace(/\/$/, '') !== expectedId.replace(/\/$/, '')) {
    problems.push(`policy_decision_point is ${pdp}, not ${expectedId} (the identifier the metadata URL was built from)`);
  }
  const evaluation = isUrl(meta.access_evaluation_endpoint) ? String(meta.access_evaluation_endpoint) : null;
  if (!evaluation) problems.push('access_evaluation_endpoint is missing or not a URL');
  for (const key of AUTHZEN_ENDPOINT_KEYS) {
    if (key in meta && !isUrl(meta[key])) problems.push(`${key} is not a URL`);
  }
  return { status: problems.length ? 'invalid' : 'valid', expectedId, policyDecisionPoint: pdp, accessEvaluationEndpoint: evaluation, problems };
}
