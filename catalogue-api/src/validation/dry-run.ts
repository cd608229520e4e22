import type { Quad } from '@rdfjs/types';
import { HarvestError, openDocument, parseDocument, SourceUnparsable, type FetchPolicy } from '@fedcat/harvester';
import { groupResults, type ShaclSummary, type ValidationReport, type Validator } from '@fedcat/shapes';
import { UserError } from '../user-error.js';

/** A document to validate: its bytes as they arrive, where it comes from and its media type (if known). */
export interface DryRunDocument {
  readonly body: AsyncIterable<Buffer>;
  readonly url: string;
  readonly contentType: string | null;
}

export interface DryRunResult {
  readonly summary: ShaclSummary;
  readonly report: ValidationReport;
  /** Statements read from the document. */
  readonly statements: number;
  /** The statements themselves (for the quality assessment of the same document). */
  readonly quads: readonly Quad[];
}

/** The document is not RDF fedcat can read (syntax error, unknown syntax, refused JSON-LD context, nothing in it). */
export class UnreadableDocument extends UserError {
  readonly code = 'DOCUMENT_UNREADABLE';
}

/**
 * Validates a document without storing anything: parse it as a harvest would (same syntaxes, same JSON-LD
 * context rules), validate the publisher's statements as written (before fedcat's normalisations, so the report
 * says what to fix at the source), and group the results.
 */
export async function validateDocument(doc: DryRunDocument, validator: Validator, policy: FetchPolicy): Promise<DryRunResult> {
  const quads: Quad[] = [];
  try {
    await parseDocument(doc.body, doc, 'validate', (q) => quads.push(q), policy.jsonLdContexts);
  } catch (err) {
    if (err instanceof HarvestError && !(err instanceof SourceUnparsable)) throw err;
    throw new UnreadableDocument((err as Error).message, { cause: err });
  }
  if (quads.length === 0) throw new UnreadableDocument('the document holds no RDF statements');
  const summary = await validator.validate(quads);
  return { summary, report: groupResults(summary), statements: quads.length, quads };
}

/** Opens a URL for validation under the harvester's rules (no private addresses unless allowed, size and time caps). */
export async function openForValidation(url: string, policy: FetchPolicy): Promise<DryRunDocument> {
  const doc = await openDocument('validate', url, policy);
  // Unreachable without validators sent; narrows the type.
  if (doc === 'not-modified') throw new UnreadableDocument(`${url} answered 304 to an unconditional request`);
  return doc;
}
