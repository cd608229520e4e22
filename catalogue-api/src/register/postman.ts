import { apiKeyHeaders } from '../try/openapi-documents.js';

/**
 * A Postman collection (v2.1, which Bruno and Insomnia import too) of an OpenAPI document's operations: one request
 * per operation on the document's first server, path parameters as Postman variables, query parameters with their
 * example values, an API key as a collection variable. Pure.
 */

type Json = Record<string, unknown>;
const obj = (x: unknown): Json => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Json) : {});
const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete', 'options'] as const;

export function postmanCollection(doc: Json, name: string): Json {
  const server = String(obj((Array.isArray(doc.servers) ? doc.servers : [])[0]).url ?? '{{baseUrl}}').replace(/\/+$/, '');
  const keyHeader = apiKeyHeaders(doc)[0];
  const items: Json[] = [];
  for (const [path, item] of Object.entries(obj(doc.paths))) {
    const it = obj(item);
    for (const method of METHODS) {
      if (!(method in it)) continue;
      const op = obj(it[method]);
      const params = [...(Array.isArray(it.parameters) ? it.parameters : []), ...(Array.isArray(op.parameters) ? op.parameters : [])].map(obj);
      const query = params.filter((p) => p.in === 'query').map((p) => ({ key: String(p.name), value: p.example === undefined ? '' : String(p.example), disabled: p.required !== true }));
      const postmanPath = path.replace(/\{([^}]+)\}/g, ':$1');
      const raw = `${server}${postmanPath}`;
      items.push({
        name: typeof op.summary === 'string' && op.summary ? op.summary : `${method.toUpperCase()} ${path}`,
        request: {
          method: method.toUpperCase(),
          header: [{ key: 'Accept', value: 'application/json' }, ...(keyHeader ? [{ key: keyHeader, value: '{{apiKey}}' }] : [])],
          url: {
            raw, host: [server], path: postmanPath.split('/').filter(Boolean), query,
            variable: params.filter((p) => p.in === 'path').map((p) => ({ key: String(p.name), value: p.example === undefined ? '' : String(p.example) })),
          },
        },
      });
    }
  }
  return {
    info: { name, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json', description: String(obj(doc.info).description ?? '') },
    item: items,
    variable: keyHeader ? [{ key: 'apiKey', value: '' }] : [],
  };
}
