import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FetchPolicy } from '@fedcat/harvester';
import { PROFILES, reportText, reportTurtle } from '@fedcat/shapes';
import { NotAcceptable, UnsupportedMediaType } from '../../http/errors.js';
import { negotiate } from '../../http/negotiation.js';
import { problem, problemResponses, textResponse } from '../../schemas/common.js';
import { openForValidation, validateDocument, type DryRunDocument } from '../../validation/dry-run.js';
import type { Validators } from '../../validation/validators.js';

export interface ValidateRouteOptions {
  readonly validators: Validators;
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

  app.get('/profiles', {
    schema: {
      summary: 'The validation profiles fedcat ships, and the one it validates with when none is named', tags: ['validation'],
      response: { 200: Type.Ref('ValidationProfiles') },
    },
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return { default: validators.defaultProfileId, profiles: PROFILES.map((p) => ({ id: p.id, title: p.title })) };
  });

  app.post('/', {
    schema: {
      summary: 'Validate a catalogue without storing it (dry run)', tags: ['validation'],
      description: 'Send RDF with its media type, or application/json {"url": "https://…"}. Answers the grouped report as JSON, '
        + 'an sh:ValidationReport as Turtle, or a text summary (Accept). Findings carry messages in English and Dutch.',
      querystring: Type.Object({
        profile: Type.Optional(Type.Union(PROFILES.map((p) => Type.Literal(p.id)), {
          description: `${PROFILES.map((p) => `${p.id}: ${p.title}`).join('; ')}. Default: the harvest profile (FEDCAT_HARVEST_PROFILE, here ${validators.defaultProfileId})`,
        })),
        lang: Type.Union([Type.Literal('nl'), Type.Literal('en')], { default: 'nl', description: 'Language of the text/plain answer' }),
      }),
      // One entry per body type taken: the OpenAPI document lists them, and a 415 names them.
      body: { content: Object.fromEntries([...RDF_TYPES, 'application/json'].map((type) => [type, { schema: Type.Unknown({ description: type === 'application/json' ? '{"url": "https://…"}' : 'An RDF document' }) }])) },
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
    const validator = await validators.profile(request.query.profile);
    const url = contentType === 'application/json' ? urlRequest(request.body) : null;
    let doc: DryRunDocument;
    if (url !== null) {
      doc = await openForValidation(url, policy);
    } else {
      doc = { body: once(request.body), url: 'https://validate.fedcat.invalid/document', contentType: contentType === 'application/json' ? 'application/ld+json' : contentType };
    }
    const result = await validateDocument(doc, validator, policy);
    reply.header('cache-control', 'no-store');
    if (format === 'text/turtle') return reply.type('text/turtle; charset=utf-8').send(await reportTurtle(result.summary));
    if (format === 'text/plain') return reply.type('text/plain; charset=utf-8').send(reportText(result.report, request.query.lang));
    return reply.type('application/json').send({ ...result.report, statements: result.statements });
  });
};

export default validateRoute;
