import { validate } from '@readme/openapi-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { parse as parseYaml } from 'yaml';

/** A parsed OpenAPI document. */
export interface OpenApiDocument {
  /** The document with its internal references resolved (external ones are never fetched: they stay as they are). */
  readonly resolved: Record<string, unknown>;
  /** Problems against the OpenAPI schema and the parser's own checks; empty when valid. */
  readonly errors: readonly string[];
}

/** Why a fetched body is not an OpenAPI document at all. */
export class NotOpenApi extends Error {}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Parses a description as JSON or YAML (YAML aliases capped, so a "billion laughs" document cannot blow up) and
 * validates it as OpenAPI 3.x with `@readme/openapi-parser`, external `$ref`s switched off: a harvested document
 * never makes fedcat fetch anything else. Throws {@link NotOpenApi} when it is neither JSON nor YAML, or not OpenAPI 3.
 */
export async function parseOpenApi(text: string): Promise<OpenApiDocument> {
  let raw: unknown;
  const trimmed = text.trimStart();
  try {
    raw = trimmed.startsWith('{') ? JSON.parse(trimmed) : parseYaml(text, { maxAliasCount: 100, prettyErrors: false });
  } catch (err) {
    throw new NotOpenApi(`neither JSON nor YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!isObject(raw)) throw new NotOpenApi('not a JSON or YAML object');
  if (typeof raw.openapi !== 'string') {
    throw new NotOpenApi(typeof raw.swagger === 'string' ? `Swagger ${raw.swagger}, not OpenAPI 3` : 'no "openapi" version field');
  }
  // The validator resolves references in place: the parsed object becomes the resolved document.
  const resolved = raw;
  const options = { resolve: { external: false, file: false }, dereference: { circular: 'ignore' as const }, timeoutMs: 5000 };
  let errors: string[] = [];
  try {
    // Checked above to be an object with an `openapi` version: the validator tells the rest.
    const result = await validate(resolved as unknown as OpenAPIV3.Document, options);
    errors = result.valid ? [] : result.errors.map((e) => firstLine(e.message));
  } catch (err) {
    errors = [firstLine((err as Error).message)];
  }
  return { resolved, errors };
}

const firstLine = (s: string) => s.split('\n').find((l) => l.trim().length > 0)?.trim().slice(0, 300) ?? s;
