/**
 * The operations of an OpenAPI 3 document (internal references resolved) as the try-it console shows them: grouped
 * by tag, with their parameters, an example value for each, their request body, and whether they only read. Pure.
 */

export interface ConsoleParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly description: string;
  /** A value to start from: the parameter's example, its schema's example, default or first enum value. */
  readonly example: string;
  /** Allowed values when the schema lists them. */
  readonly values: readonly string[];
}

export interface ConsoleOperation {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly parameters: readonly ConsoleParameter[];
  /** Whether it only reads (GET, HEAD): the console sends those; others only where the API's owner allows the method. */
  readonly reads: boolean;
  /** The media type of its request body (the first the document lists), and an example to start from. */
  readonly body: { readonly type: string; readonly example: string } | null;
}

export interface ConsoleGroup {
  readonly tag: string;
  readonly operations: readonly ConsoleOperation[];
}

type Json = Record<string, unknown>;
const obj = (x: unknown): Json => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Json) : {});
const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete'] as const;

function exampleOf(p: Json): string {
  const schema = obj(p.schema);
  const candidate = p.example ?? schema.example ?? schema.default ?? (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
  return candidate === undefined || candidate === null ? '' : typeof candidate === 'string' ? candidate : JSON.stringify(candidate);
}

function parametersOf(shared: readonly unknown[], own: readonly unknown[]): ConsoleParameter[] {
  const byKey = new Map<string, Json>();
  for (const p of [...shared, ...own].map(obj)) if (typeof p.name === 'string' && typeof p.in === 'string') byKey.set(`${p.in}:${p.name}`, p);
  return [...byKey.values()].filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header').map((p) => ({
    name: String(p.name), in: p.in as ConsoleParameter['in'], required: p.required === true || p.in === 'path',
    description: typeof p.description === 'string' ? p.description : '', example: exampleOf(p),
    values: Array.isArray(obj(p.schema).enum) ? (obj(p.schema).enum as unknown[]).map(String) : [],
  }));
}

function bodyOf(op: Json): ConsoleOperation['body'] {
  const [type, media] = Object.entries(obj(obj(op.requestBody).content))[0] ?? [];
  if (!type) return null;
  const m = obj(media);
  const example = m.example ?? obj(m.schema).example ?? obj(Object.values(obj(m.examples))[0]).value;
  return { type, example: example === undefined ? '' : typeof example === 'string' ? example : JSON.stringify(example, null, 2) };
}

/** The document's operations by tag (the first tag of each; "overig" when it has none), in document order. */
export function consoleGroups(doc: Json, untagged = 'overig'): ConsoleGroup[] {
  const groups = new Map<string, ConsoleOperation[]>();
  for (const [path, item] of Object.entries(obj(doc.paths))) {
    const it = obj(item);
    const shared = Array.isArray(it.parameters) ? it.parameters : [];
    for (const method of METHODS) {
      if (!(method in it)) continue;
      const op = obj(it[method]);
      const tag = Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : untagged;
      const operation: ConsoleOperation = {
        id: typeof op.operationId === 'string' ? op.operationId : `${method}-${path}`, method: method.toUpperCase(), path,
        summary: typeof op.summary === 'string' ? op.summary : '', parameters: parametersOf(shared, Array.isArray(op.parameters) ? op.parameters : []),
        reads: method === 'get' || method === 'head', body: bodyOf(op),
      };
      groups.set(tag, [...(groups.get(tag) ?? []), operation]);
    }
  }
  return [...groups].map(([tag, operations]) => ({ tag, operations }));
}

/** The URL of an operation on a server with the values filled in (path parameters encoded, empty query values left out). */
export function operationUrl(server: string, op: ConsoleOperation, values: Readonly<Record<string, string>>): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(values[`path:${name}`] ?? ''));
  const url = new URL(server.replace(/\/+$/, '') + path);
  for (const p of op.parameters) if (p.in === 'query' && values[`query:${p.name}`]) url.searchParams.set(p.name, values[`query:${p.name}`]!);
  return url.href;
}

/** The header an API key goes in (an `apiKey` scheme `in: header`), when the document names one. */
export function apiKeyHeader(doc: Json): string | null {
  for (const scheme of Object.values(obj(obj(doc.components).securitySchemes)).map(obj)) {
    if (scheme.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string') return scheme.name;
  }
  return null;
}
