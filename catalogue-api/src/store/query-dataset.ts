import { isKeyword, tokenize } from './query-tokens.js';
import { afterPrologue } from './query-form.js';

/** The graphs a query's own `FROM` and `FROM NAMED` clauses name, as absolute IRIs. */
export interface DeclaredDataset {
  readonly defaultGraphs: readonly string[];
  readonly namedGraphs: readonly string[];
}

const unwrap = (iri: string) => iri.slice(1, -1);

function resolve(iri: string, base: string | undefined): string {
  if (URL.canParse(iri)) return iri;
  return base && URL.canParse(iri, base) ? new URL(iri, base).href : iri;
}

/** Expands a prefixed name by the prologue's declarations (local-name escapes `\x` written as `x`). */
function expand(pname: string, prefixes: ReadonlyMap<string, string>): string | null {
  const colon = pname.indexOf(':');
  const ns = prefixes.get(pname.slice(0, colon));
  return ns === undefined ? null : ns + pname.slice(colon + 1).replace(/\\(.)/g, '$1');
}

/**
 * The dataset clauses of a query (`FROM <g>`, `FROM NAMED ex:g`), with prefixed names expanded and relative IRIs
 * resolved against the query's BASE or `baseIri`; null when it has none. Used to keep a query's own dataset to the
 * graphs its caller may see. A name whose prefix is undeclared is left out (the engine refuses that query anyway).
 */
export function declaredDataset(text: string, baseIri?: string): DeclaredDataset | null {
  const tokens = tokenize(text);
  const prefixes = new Map<string, string>();
  let base = baseIri;
  const start = afterPrologue(tokens);
  for (let i = 0; i < start; i++) {
    const t = tokens[i]!;
    if (isKeyword(t, 'BASE') && tokens[i + 1]?.kind === 'iri') base = resolve(unwrap(tokens[i + 1]!.text), base);
    if (isKeyword(t, 'PREFIX') && tokens[i + 1]?.kind === 'pname' && tokens[i + 2]?.kind === 'iri') {
      prefixes.set(tokens[i + 1]!.text.slice(0, -1), resolve(unwrap(tokens[i + 2]!.text), base));
    }
  }
  const defaultGraphs: string[] = [];
  const namedGraphs: string[] = [];
  for (let i = start; i < tokens.length; i++) {
    if (!isKeyword(tokens[i], 'FROM') || tokens[i]!.depth > 0) continue;
    const named = isKeyword(tokens[i + 1], 'NAMED');
    const name = tokens[i + (named ? 2 : 1)];
    const iri = name?.kind === 'iri' ? resolve(unwrap(name.text), base) : name?.kind === 'pname' ? expand(name.text, prefixes) : null;
    if (iri !== null) (named ? namedGraphs : defaultGraphs).push(iri);
  }
  return defaultGraphs.length + namedGraphs.length > 0 ? { defaultGraphs, namedGraphs } : null;
}
