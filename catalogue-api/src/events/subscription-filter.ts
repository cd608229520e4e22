/**
 * The CloudEvents Subscriptions API's filter dialects (the required ones: exact, prefix, suffix, all, any, not) over an
 * event's context attributes. Pure.
 */
export type Filter =
  | { readonly exact: Readonly<Record<string, string>> }
  | { readonly prefix: Readonly<Record<string, string>> }
  | { readonly suffix: Readonly<Record<string, string>> }
  | { readonly all: readonly Filter[] }
  | { readonly any: readonly Filter[] }
  | { readonly not: Filter };

type Attributes = Readonly<Record<string, unknown>>;

const each = (m: Readonly<Record<string, string>>, test: (v: string, want: string) => boolean, e: Attributes) =>
  Object.entries(m).every(([k, want]) => typeof e[k] === 'string' && test(e[k] as string, want));

/** Whether an event (its attributes) passes a filter. */
export function matches(filter: Filter, e: Attributes): boolean {
  if ('exact' in filter) return each(filter.exact, (v, w) => v === w, e);
  if ('prefix' in filter) return each(filter.prefix, (v, w) => v.startsWith(w), e);
  if ('suffix' in filter) return each(filter.suffix, (v, w) => v.endsWith(w), e);
  if ('all' in filter) return filter.all.every((f) => matches(f, e));
  if ('any' in filter) return filter.any.some((f) => matches(f, e));
  return !matches(filter.not, e);
}

/** Whether an event passes a subscription: one of its types (any when none) and every filter. */
export function wanted(types: readonly string[], filters: readonly Filter[], e: Attributes): boolean {
  return (types.length === 0 || types.includes(String(e.type))) && filters.every((f) => matches(f, e));
}
