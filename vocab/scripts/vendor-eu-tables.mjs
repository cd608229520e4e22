// Dev-time tool, not shipped: extracts from the EU authority tables what fedcat needs at run time (concept IRIs,
// their scheme, Dutch and English labels, the licence table's exact matches) and writes one small Turtle file per table into vocab/data/eu/.
// Usage: node vocab/scripts/vendor-eu-tables.mjs <dir with the reference .rdf files>
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import N3 from 'n3';

const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const KEEP_LANGS = new Set(['nl', 'en']);
const TABLES = {
  'access-right': 'eu-access-right.rdf',
  'data-theme': 'eu-data-theme.rdf',
  'distribution-status': 'eu-distribution-status.rdf',
  'file-type': 'eu-file-type-codes.rdf',
  frequency: 'eu-frequency-codes.rdf',
  language: 'eu-language-codes.rdf',
  licence: 'eu-licence-20190619.rdf',
};

const dir = process.argv[2];
if (!dir) { console.error('usage: vendor-eu-tables.mjs <reference vocabularies dir>'); process.exit(2); }
const { namedNode, literal, quad } = N3.DataFactory;

for (const [name, file] of Object.entries(TABLES)) {
  const scheme = `http://publications.europa.eu/resource/authority/${name}`;
  const quads = await new Promise((resolve, reject) => {
    const out = [];
    createReadStream(join(dir, file)).pipe(new RdfXmlParser()).on('data', (q) => out.push(q)).on('error', reject).on('end', () => resolve(out));
  });
  const concepts = new Set(quads.filter((q) => q.predicate.value === `${SKOS}inScheme` && q.object.value === scheme).map((q) => q.subject.value));
  const kept = [quad(namedNode(scheme), namedNode(RDF_TYPE), namedNode(`${SKOS}ConceptScheme`))];
  for (const q of quads) {
    if (q.subject.value === scheme && q.predicate.value === `${SKOS}prefLabel` && KEEP_LANGS.has(q.object.language)) kept.push(q);
  }
  for (const c of [...concepts].sort()) {
    kept.push(quad(namedNode(c), namedNode(RDF_TYPE), namedNode(`${SKOS}Concept`)));
    kept.push(quad(namedNode(c), namedNode(`${SKOS}inScheme`), namedNode(scheme)));
    const labels = quads.filter((q) => q.subject.value === c && q.predicate.value === `${SKOS}prefLabel` && KEEP_LANGS.has(q.object.language));
    for (const l of labels.sort((a, b) => a.object.language.localeCompare(b.object.language))) kept.push(quad(l.subject, l.predicate, literal(l.object.value, l.object.language)));
    // The licence table says which Creative Commons (and other) licence IRIs name the same licence: kept, to facet them as one.
    if (name === 'licence') kept.push(...quads.filter((q) => q.subject.value === c && q.predicate.value === `${SKOS}exactMatch`).sort((a, b) => a.object.value.localeCompare(b.object.value)));
  }
  const writer = new N3.Writer({ prefixes: { skos: SKOS, [name.replace(/-/g, '')]: `${scheme}/` } });
  writer.addQuads(kept);
  const text = await new Promise((resolve, reject) => writer.end((err, res) => (err ? reject(err) : resolve(res))));
  await writeFile(new URL(`../data/eu/${name}.ttl`, import.meta.url), `# Extracted from ${file} by vocab/scripts/vendor-eu-tables.mjs (see vocab/data/SOURCES.md)\n${text}`);
  console.log(`${name}: ${concepts.size} concepts, ${kept.length} triples`);
}
