import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Parser } from 'n3';
import type { AnswerFormats, QuadStore, QueryAnswer, QueryOptions } from './quad-store.js';

/** One solution of a SELECT: each bound variable's RDF/JS term (an unbound variable is absent). */
export type SolutionRow = Readonly<Record<string, Term>>;

/** The formats a store's typed reads ask it for: results JSON for solutions, N-Triples for graphs. */
export const READ_FORMATS: AnswerFormats = { solutions: 'application/sparql-results+json', graph: 'application/n-triples' };

type JsonTerm =
  | { readonly type: 'uri' | 'bnode'; readonly value: string }
  | { readonly type: 'literal' | 'typed-literal'; readonly value: string; readonly 'xml:lang'?: string; readonly datatype?: string }
  | { readonly type: 'triple'; readonly value: { readonly subject: JsonTerm; readonly predicate: JsonTerm; readonly object: JsonTerm } };

const { namedNode, blankNode, literal, quad } = DataFactory;

function term(t: JsonTerm): Term {
  switch (t.type) {
    case 'uri': return namedNode(t.value);
    case 'bnode': return blankNode(t.value);
    case 'literal':
    case 'typed-literal':
      return literal(t.value, t['xml:lang'] ?? (t.datatype ? namedNode(t.datatype) : undefined));
    case 'triple':
      return quad(term(t.value.subject) as Quad['subject'], term(t.value.predicate) as Quad['predicate'], term(t.value.object) as Quad['object']);
  }
}

/** The rows of a SELECT answer given in {@link READ_FORMATS}. */
export function rowsOf(answer: QueryAnswer): SolutionRow[] {
  const json = JSON.parse(answer.body) as { results?: { bindings: Record<string, JsonTerm>[] } };
  return (json.results?.bindings ?? []).map((b) => Object.fromEntries(Object.entries(b).map(([name, t]) => [name, term(t)])));
}

/** The boolean of an ASK answer given in {@link READ_FORMATS}. */
export function booleanOf(answer: QueryAnswer): boolean {
  return (JSON.parse(answer.body) as { boolean?: boolean }).boolean === true;
}

/** The triples of a CONSTRUCT or DESCRIBE answer given in {@link READ_FORMATS}. */
export function quadsOf(answer: QueryAnswer): Quad[] {
  return new Parser({ format: 'N-Triples' }).parse(answer.body);
}

/**
 * The typed reads every store answers alike, through its own text `query` in {@link READ_FORMATS}: a store
 * implementation extends this and implements the rest of {@link QuadStore}.
 */
export abstract class TypedReads {
  abstract query(sparql: string, formats: AnswerFormats, options?: QueryOptions): Promise<QueryAnswer>;

  select(sparql: string, options?: QueryOptions): Promise<SolutionRow[]> {
    return this.query(sparql, READ_FORMATS, options).then(rowsOf);
  }

  ask(sparql: string, options?: QueryOptions): Promise<boolean> {
    return this.query(sparql, READ_FORMATS, options).then(booleanOf);
  }

  construct(sparql: string, options?: QueryOptions): Promise<Quad[]> {
    return this.query(sparql, READ_FORMATS, options).then(quadsOf);
  }
}
