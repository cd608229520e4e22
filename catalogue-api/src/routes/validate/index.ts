import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HarvestError, type FetchPolicy } from '@fedcat/harvester';
import { DEFAULT_PROFILE_ID, PROFILES, reportText, reportTurtle } from '@fedcat/shapes';
import { NotAcceptable, UnsupportedMediaType, ValidationInputTooLarge, ValidationInputUnreadable, ValidationUrlRefused, ValidationUrlUnreachable } from '../../errors.js';
import { negotiate } from '../../negotiate.js';
import { problem, problemResponses, textResponse } from '../../schemas/common.js';
import { openForValidation, UnreadableDocument, validateDocument, type DryRunDocument } from '../../validation/dry-run.js';
import type { ProfileValidators } from '../../validation/validators.js';

export interface ValidateRouteOptions {
  readonly validators: ProfileValidators;
  /** The harvester's fetch policy: `{"url"}` bodies are fetched under the same rules. */
  readonly policy: FetchPolicy;
  /** Largest request body, in bytes. */
  readonly maxBytes: number;
}

/** Media types a document to validate may be sent as. */
const RDF_TYPES = ['text/turtle', 'application/rdf+xml', 'application/ld+json', 'application/n-triples', 'application/n-quads', 'application/trig', 'text/n3'];
const ANSWERS = ['application/json', 'text/turtle', 'text/plain'];

async function* once(bytes: Buffer): AsyncIterable<Buffer> {
  yield bytes;
}

/** A `{"url": …}` request, as opposed to a JSON-LD document sent as application/json. */
function urlRequest(body: Buffer): string | null {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.keys(parsed).length === 1 && typeof (parsed as { url?: unknown }).url === 'string') {
      return (parsed as { url: string }).url;
    }
  } catch {
    // Not JSON: the parser reports it as unreadable RDF.
  }
  return null;
}

/**
 * `POST /v1/validate`: a dry run. The body is a catalogue in any RDF syntax fedcat harvests, or `{"url": "…"}`
 * (fetched under the harvester's rules); the answer is the grouped report (JSON), the sh:ValidationReport (Turtle)
 * or a plain-text summary, by Accept. Nothing is stored.
 */
const validateRoute: FastifyPluginAsyncTypebox<ValidateRouteOptions> = async (app, { validators, policy, maxBytes }) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser([...RDF_TYPES, 'application/json'], { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));

  app.post('/', {
    schema: {
      summary: 'Validate a catalogue without storing it (dry run)', tags: ['validation'],
      description: 'Send RDF with its media type, or application/json {"url": "https://…"}. Answers the grouped report as JSON, '
        + 'an sh:ValidationReport as Turtle, or a text summary (Accept). Findings carry messages in English and Dutch.',
      querystring: Type.Object({
        profile: Type.Union(PROFILES.map((p) => Type.Literal(p.id)), { default: DEFAULT_PROFILE_ID, description: PROFILES.map((p) => `${p.id}: ${p.title}`).join('; ') }),
        lang: Type.Union([Type.Literal('nl'), Type.Literal('en')], { default: 'nl', description: 'Language of the text/plain answer' }),
      }),
      body: Type.Unknown({ description: 'An RDF document, or {"url": "https://…"}' }),
      response: {
        200: {
          description: 'The report', content: {
            'application/json': { schema: Type.Ref('ValidationReport') },
            ...textResponse(['text/turtle', 'text/plain'], '').content,
          },
        },
        ...problemResponses,
        413: problem('The document is larger than fedcat accepts'),
        415: problem('The body is not an RDF media type or application/json'),
        422: problem('The document is not readable RDF (the detail names the line)'),
        502: problem('The URL could not be fetched'),
      },
    },
  }, async (request, reply) => {
    const format = negotiate(request.headers.accept, ANSWERS);
    if (!format) throw new NotAcceptable(ANSWERS.join(', '));
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!Buffer.isBuffer(request.body)) throw new UnsupportedMediaType(contentType || '(none)', [...RDF_TYPES, 'application/json'].join(', '));
    const validator = await validators.get(request.query.profile)!;
    const url = contentType === 'application/json' ? urlRequest(request.body) : null;
    let doc: DryRunDocument;
    if (url !== null) {
      try {
        doc = await openForValidation(url, policy);
      } catch (err) {
        throw fetchProblem(err);
      }
    } else {
      doc = { body: once(request.body), url: 'https://validate.fedcat.invalid/document', contentType: contentType === 'application/json' ? 'application/ld+json' : contentType };
    }
    let result;
    try {
      result = await validateDocument(doc, validator, policy);
    } catch (err) {
      if (err instanceof UnreadableDocument) throw new ValidationInputUnreadable(err.message);
      throw fetchProblem(err);
    }
    reply.header('cache-control', 'no-store');
    if (format === 'text/turtle') return reply.type('text/turtle; charset=utf-8').send(await reportTurtle(result.summary));
    if (format === 'text/plain') return reply.type('text/plain; charset=utf-8').send(reportText(result.report, request.query.lang));
    return reply.type('application/json').send({ ...result.report, statements: result.statements });
  });
};

/** A fetch failure as the problem a client can act on. */
function fetchProblem(err: unknown): Error {
  if (!(err instanceof HarvestError)) return err as Error;
  if (err.code === 'SOURCE_FORBIDDEN') return new ValidationUrlRefused(err.message);
  if (err.code === 'SOURCE_LIMIT_EXCEEDED') return new ValidationInputTooLarge(err.message);
  if (err.code === 'SOURCE_UNPARSABLE') return new ValidationInputUnreadable(err.message);
  return new ValidationUrlUnreachable(err.message);
}

export default validateRoute;
