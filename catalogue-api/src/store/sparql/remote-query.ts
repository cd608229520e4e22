import { DataFactory } from 'n3';
import sparqljs from 'sparqljs';
import { EMPTY_GRAPH, QuerySyntax, SOURCE_GRAPH_PREFIX, type ProtocolDataset } from '@fedcat/catalogue';


/**
 * Namespaces of store-specific functions that reach outside SPARQL (Virtuoso's `bif:` and `sql:` call SQL
 * procedures, some of which read files or the network). A query naming one is refused before it leaves fedcat.
 */
const VENDOR_FUNCTION_NAMESPACES = ['http://www.openlinksw.com/schemas/bif#', 'http://www.openlinksw.com/schemas/sql#', 'bif:', 'sql:'];

/** What the store is sent: the query text and the protocol dataset (`default-graph-uri`, `named-graph-uri`). */
export interface RemoteQuery {
  readonly text: string;
  readonly defaultGraphs: readonly string[];
  readonly namedGraphs: readonly string[];
}

type Parsed = sparqljs.Query;

function namesVendorFunction(node: unknown, depth = 0): string | null {
  if (depth > 200 || node === null || typeof node !== 'object') return null;
  const term = node as { termType?: unknown; value?: unknown };
  if (term.termType === 'NamedNode' && typeof term.value === 'string') {
    const iri = term.value;
    return VENDOR_FUNCTION_NAMESPACES.some((ns) => iri.toLowerCase().startsWith(ns)) ? iri : null;
  }
  for (const child of Array.isArray(node) ? node : Object.values(node)) {
    const found = namesVendorFunction(child, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Parses a query as standard SPARQL 1.1 (no store extensions); a syntax error or a vendor function is a 400. */
export function parseStandardQuery(text: string, baseIri?: string): Parsed {
  let parsed: sparqljs.SparqlQuery;
  try {
    parsed = new sparqljs.Parser(baseIri ? { baseIRI: baseIri } : {}).parse(text);
  } catch (err) {
    throw new QuerySyntax((err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'unreadable');
  }
  if (parsed.type !== 'query') throw new QuerySyntax('an update is not a query');
  const vendor = namesVendorFunction(parsed);
  if (vendor) throw new QuerySyntax(`<${vendor}> is a store-specific extension, not SPARQL 1.1`);
  return parsed;
}

const onlyKnown = (graphs: readonly string[], known: ReadonlySet<string>) => {
  const kept = graphs.filter((g) => known.has(g));
  return kept.length > 0 ? kept : [EMPTY_GRAPH];
};

/**
 * The query and dataset to send a store that holds more than fedcat's graphs (Virtuoso keeps its own system
 * graphs), so that a query sees what it would see in the embedded store and nothing else:
 * - a protocol dataset wins over the query's FROM (which is taken out), as the SPARQL protocol says;
 * - else a query's own FROM / FROM NAMED are kept, written again with only graphs fedcat holds;
 * - else the default graph is the union of the source graphs and the named graphs are all of fedcat's.
 * A graph fedcat does not hold is replaced by {@link EMPTY_GRAPH}, never passed on.
 */
export function remoteQuery(text: string, parsed: Parsed, dataset: ProtocolDataset | undefined, known: ReadonlySet<string>, baseIri?: string): RemoteQuery {
  const from = parsed.from;
  const hasFrom = from !== undefined && (from.default.length > 0 || from.named.length > 0);
  if (dataset) {
    return {
      text: hasFrom ? regenerate({ ...parsed, from: { default: [], named: [] } } as Parsed) : withBase(text, baseIri),
      defaultGraphs: onlyKnown(dataset.defaultGraphs, known),
      namedGraphs: onlyKnown(dataset.namedGraphs, known),
    };
  }
  if (hasFrom) {
    const keep = (nodes: readonly { value: string }[]) => (nodes.length === 0 ? [] : onlyKnown(nodes.map((n) => n.value), known));
    const rewritten = { ...parsed, from: { default: toNodes(keep(from.default)), named: toNodes(keep(from.named)) } };
    return { text: regenerate(rewritten as Parsed), defaultGraphs: [], namedGraphs: [] };
  }
  const all = [...known].sort();
  return {
    text: withBase(text, baseIri),
    defaultGraphs: onlyKnown(all.filter((g) => g.startsWith(SOURCE_GRAPH_PREFIX)), known),
    namedGraphs: onlyKnown(all, known),
  };
}

const toNodes = (iris: readonly string[]) => iris.map((iri) => DataFactory.namedNode(iri));

function regenerate(parsed: sparqljs.SparqlQuery): string {
  return new sparqljs.Generator({}).stringify(parsed);
}

/** The protocol has no base parameter: a BASE in front of the prologue does it (the query's own BASE still wins). */
function withBase(text: string, baseIri: string | undefined): string {
  return baseIri ? `BASE <${baseIri.replace(/[<>"{}|^`\\\s]/g, encodeURIComponent)}>\n${text}` : text;
}
