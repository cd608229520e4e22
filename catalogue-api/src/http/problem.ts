import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { domainProblem } from './domain-errors.js';
import { InvalidToken } from './errors.js';
import { invalidParams, type SchemaViolation } from './invalid-params.js';

const PROBLEM_TYPE_BASE = 'https://fedcat.nl/problems/';

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 409: 'Conflict',
  413: 'Content Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** Sends an RFC 9457 problem document. */
export function sendProblem(reply: FastifyReply, status: number, detail: string, code?: string, extra: Record<string, unknown> = {}) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: code ? `${PROBLEM_TYPE_BASE}${code.toLowerCase()}` : 'about:blank', title: TITLES[status] ?? 'Error', status, detail, ...(code ? { code } : {}), ...extra });
}

/**
 * The one error handler: schema validation errors and 4xx errors are shown with their reason;
 * anything else is logged and masked, so driver messages never leak to clients.
 */
export function problemErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.validation) {
    const params = invalidParams(error.validation as SchemaViolation[], error.validationContext ?? 'request');
    return sendProblem(reply, 400, params.map((p) => `${p.name} ${p.reason}`).join('; '), 'CAT_INVALID_REQUEST', { invalidParams: params });
  }
  // Fastify's own refusal of a body type no parser takes: say which ones the route takes.
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const accepted = Object.keys((request.routeOptions.schema?.body as { content?: Record<string, unknown> } | undefined)?.content ?? { 'application/json': true });
    return sendProblem(reply, 415, `Unsupported request body type ${request.headers['content-type'] ?? '(none)'}; use ${accepted.join(', ')}`, 'CAT_UNSUPPORTED_MEDIA_TYPE');
  }
  const domain = domainProblem(error);
  const status = domain?.status ?? (error.statusCode && error.statusCode >= 400 ? error.statusCode : 500);
  const code = domain?.code ?? (error.code?.startsWith('FST_') ? 'CAT_INVALID_REQUEST' : error.code);
  // 502 (a source endpoint failed), 503 (try again) and 504 (a query past its time limit) say what happened; other
  // 5xx are masked.
  if (status >= 500 && status !== 503 && status !== 502 && status !== 504) {
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, status, 'An internal error occurred; it has been logged.', 'CAT_INTERNAL');
  }
  const retryAfter = domain?.retryAfterSeconds ?? (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  if (status === 503 || status === 429) reply.header('retry-after', String(typeof retryAfter === 'number' ? retryAfter : 5));
  if (status === 401) reply.header('www-authenticate', `Bearer realm="fedcat"${error instanceof InvalidToken ? ', error="invalid_token"' : ''}`);
  return sendProblem(reply, status, domain?.detail ?? error.message, code);
}
