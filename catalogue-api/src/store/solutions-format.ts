/** A term in SPARQL 1.1 Query Results JSON. */
export type JsonTerm =
  | { readonly type: 'uri' | 'bnode'; readonly value: string }
  | { readonly type: 'literal'; readonly value: string; readonly 'xml:lang'?: string; readonly datatype?: string }
  | { readonly type: 'triple'; readonly value: { readonly subject: JsonTerm; readonly predicate: JsonTerm; readonly object: JsonTerm } };

/** SPARQL 1.1 Query Results JSON of a SELECT. */
export interface SolutionsJson {
  readonly head: { readonly vars: readonly string[] };
  readonly results: { readonly bindings: readonly Readonly<Record<string, JsonTerm>>[] };
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function xmlTerm(t: JsonTerm): string {
  switch (t.type) {
    case 'uri': return `<uri>${xmlEscape(t.value)}</uri>`;
    case 'bnode': return `<bnode>${xmlEscape(t.value)}</bnode>`;
    case 'triple': return `<triple><subject>${xmlTerm(t.value.subject)}</subject><predicate>${xmlTerm(t.value.predicate)}</predicate><object>${xmlTerm(t.value.object)}</object></triple>`;
    case 'literal': {
      const attr = t['xml:lang'] ? ` xml:lang="${xmlEscape(t['xml:lang'])}"` : t.datatype ? ` datatype="${xmlEscape(t.datatype)}"` : '';
      return `<literal${attr}>${xmlEscape(t.value)}</literal>`;
    }
  }
}

/** SPARQL 1.1 Query Results XML Format. */
function toXml(json: SolutionsJson): string {
  const head = json.head.vars.map((v) => `<variable name="${xmlEscape(v)}"/>`).join('');
  const rows = json.results.bindings.map((b) =>
    `<result>${Object.entries(b).map(([name, t]) => `<binding name="${xmlEscape(name)}">${xmlTerm(t)}</binding>`).join('')}</result>\n`).join('');
  return `<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>${head}</head><results>\n${rows}</results></sparql>\n`;
}

function plain(t: JsonTerm): string {
  if (t.type === 'bnode') return `_:${t.value}`;
  if (t.type === 'triple') return `<< ${tsvTerm(t.value.subject)} ${tsvTerm(t.value.predicate)} ${tsvTerm(t.value.object)} >>`;
  return t.value;
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** SPARQL 1.1 Query Results CSV: plain values, lines ended by CRLF. */
function toCsv(json: SolutionsJson): string {
  const vars = json.head.vars;
  const lines = [vars.map(csvField).join(','), ...json.results.bindings.map((b) => vars.map((v) => (b[v] ? csvField(plain(b[v]!)) : '')).join(','))];
  return lines.map((l) => `${l}\r\n`).join('');
}

const tsvString = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');

function tsvTerm(t: JsonTerm): string {
  switch (t.type) {
    case 'uri': return `<${t.value}>`;
    case 'bnode': return `_:${t.value}`;
    case 'triple': return plain(t);
    case 'literal': {
      const suffix = t['xml:lang'] ? `@${t['xml:lang']}` : t.datatype && t.datatype !== 'http://www.w3.org/2001/XMLSchema#string' ? `^^<${t.datatype}>` : '';
      return `"${tsvString(t.value)}"${suffix}`;
    }
  }
}

/** SPARQL 1.1 Query Results TSV: terms in Turtle syntax, lines ended by LF. */
function toTsv(json: SolutionsJson): string {
  const vars = json.head.vars;
  const lines = [vars.map((v) => `?${v}`).join('\t'), ...json.results.bindings.map((b) => vars.map((v) => (b[v] ? tsvTerm(b[v]!) : '')).join('\t'))];
  return lines.map((l) => `${l}\n`).join('');
}

/** Serialises SELECT solutions in one of the four SPARQL results formats. */
export function formatSolutions(json: SolutionsJson, mediaType: string): string {
  switch (mediaType) {
    case 'application/sparql-results+xml': return toXml(json);
    case 'text/csv': return toCsv(json);
    case 'text/tab-separated-values': return toTsv(json);
    default: return JSON.stringify(json);
  }
}
