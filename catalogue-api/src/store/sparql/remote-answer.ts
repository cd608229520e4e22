import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { serialiseGraph } from '../../rdf/serialise.js';
import { QuerySyntax, QueryTimeout, StoreFailure, type AnswerFormats, type QueryAnswer, type QueryForm } from '@fedcat/catalogue';
import { formatSolutions, type JsonTerm, type SolutionsJson } from '../solutions-format.js';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** A store's JSON term in the standard's form: Virtuoso writes `typed-literal` and `nodeID://` blank node labels. */
function standardTerm(t: Record<string, unknown>): JsonTerm {
  const type = t.type;
  const value = String(t.value ?? '');
  if (type === 'uri') return { type: 'uri', value };
  if (type === 'bnode') return { type: 'bnode', value: value.replace(/^nodeID:\/\//, '').replace(/[^A-Za-z0-9_-]/g, '_') };
  if (type === 'triple' && t.value && typeof t.value === 'object') {
    const v = t.value as Record<string, Record<string, unknown>>;
    return { type: 'triple', value: { subject: standardTerm(v.subject ?? {}), predicate: standardTerm(v.predicate ?? {}), object: standardTerm(v.object ?? {}) } };
  }
  const lang = t['xml:lang'];
  const datatype = t.datatype;
  if (typeof lang === 'string' && lang.length > 0) return { type: 'literal', value, 'xml:lang': lang };
  if (typeof datatype === 'string' && datatype !== XSD_STRING) return { type: 'literal', value, datatype };
  return { type: 'literal', value };
}

/** SELECT solutions as a store sent them (SPARQL results JSON), in the standard's form. */
export function standardSolutions(text: string): SolutionsJson {
  const raw = JSON.parse(text) as { head?: { vars?: unknown }; results?: { bindings?: unknown } };
  const vars = Array.isArray(raw.head?.vars) ? raw.head.vars.map(String) : [];
  const rows = Array.isArray(raw.results?.bindings) ? (raw.results.bindings as Record<string, Record<string, unknown>>[]) : [];
  return {
    head: { vars },
    results: { bindings: rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, t]) => [k, standardTerm(t)]))) },
  };
}

/** An ASK answer in one of the four results formats (as the embedded store writes them). */
export function formatBoolean(value: boolean, mediaType: string): string {
  switch (mediaType) {
    case 'application/sparql-results+xml':
      return `<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head></head><boolean>${value}</boolean></sparql>`;
    case 'text/csv':
    case 'text/tab-separated-values':
      return String(value);
    default:
      return JSON.stringify({ head: {}, boolean: value });
  }
}

/** The boolean of an ASK answer in SPARQL results JSON. */
export function askValue(text: string): boolean {
  const raw = JSON.parse(text) as { boolean?: unknown };
  if (typeof raw.boolean !== 'boolean') throw new Error('the store answered ASK without a boolean');
  return raw.boolean;
}

/** A store's SELECT answer (JSON), cut at `cap`, written in `mediaType`. */
export function solutionsAnswer(text: string, mediaType: string, cap: number | undefined): QueryAnswer {
  const json = standardSolutions(text);
  const truncated = cap !== undefined && json.results.bindings.length > cap;
  const kept = truncated ? { ...json, results: { bindings: json.results.bindings.slice(0, cap) } } : json;
  return { form: 'SELECT', mediaType, body: formatSolutions(kept, mediaType), ...(cap !== undefined ? { truncated } : {}) };
}

/** A store's CONSTRUCT/DESCRIBE answer (N-Triples), cut at `cap` triples, written in `mediaType`. */
export function graphAnswer(form: QueryForm, ntriples: string, mediaType: string, cap: number | undefined): QueryAnswer {
  const quads: Quad[] = new Parser({ format: 'N-Triples' }).parse(ntriples);
  const truncated = cap !== undefined && quads.length > cap;
  const kept = truncated ? quads.slice(0, cap) : quads;
  return { form, mediaType, body: serialiseGraph(kept, mediaType), ...(cap !== undefined ? { truncated } : {}) };
}

/** What the store's query endpoint answered: status, headers and text. */
export interface RemoteResponse { readonly status: number; readonly headers: Headers; readonly text: string }

/**
 * The store's answer to a query as fedcat answers it (in `formats`, cut at `cap`), or the error it is: a syntax
 * error (400), a failure (another non-2xx), or a time-out the store signalled itself.
 */
export function remoteAnswer(res: RemoteResponse, form: QueryForm, formats: AnswerFormats, cap: number | undefined, timeoutMs: number): QueryAnswer {
  if (res.status === 400) throw new QuerySyntax(`the store refused it: ${res.text.split('\n').find((l) => l.trim()) ?? 'HTTP 400'}`);
  if (res.status < 200 || res.status > 299) throw new StoreFailure(`HTTP ${res.status} from the query endpoint: ${res.text.slice(0, 300).trim()}`);
  // Virtuoso answers a query cut by its own execution limit with a partial result and this header.
  if (res.headers.get('x-sql-state')) throw new QueryTimeout(String(timeoutMs), `the store cut the query off (${res.headers.get('x-sql-state')})`);
  if (form === 'ASK') return { form, mediaType: formats.solutions, body: formatBoolean(askValue(res.text), formats.solutions) };
  if (form === 'SELECT') return solutionsAnswer(res.text, formats.solutions, cap);
  return graphAnswer(form, res.text, formats.graph, cap);
}
