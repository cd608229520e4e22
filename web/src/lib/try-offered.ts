const PUBLIC = 'http://publications.europa.eu/resource/authority/access-right/PUBLIC';
const OFFERED_AUTH = new Set(['none', 'api_key']);

/**
 * Whether an API page offers the try-it console (the proxy's own rule, so the page never shows a button that would
 * be refused): the API is public and its OpenAPI document asks for no security other than an API key.
 */
export function tryOffered(accessRights: readonly string[], authTypes: readonly string[] | undefined, owner?: { readonly on: boolean }): boolean {
  return owner?.on !== false && accessRights.includes(PUBLIC) && !!authTypes && authTypes.length > 0 && authTypes.every((a) => OFFERED_AUTH.has(a));
}
