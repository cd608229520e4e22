import { cpus, totalmem } from 'node:os';
import { Parser } from 'n3';
import { loadValidator, profileById, type EngineName, type ShaclSummary } from '@fedcat/shapes';
import { CATALOGUE_HEADER, generateDocuments, toCatalogueNTriples } from './generate.js';

// Usage: node bench/dist/validate-engines.js [--docs 1000,10000]
// Validates generated DCAT-AP-NL catalogues (about 34 triples per record, 5 % of records with an injected defect:
// a literal access URL or a missing title) with both SHACL engines, in batches of 250 records as a harvest does, in
// this thread, with two profiles: the harvest default (dcat-ap-3.0.1: 5 shape files) and the dry-run default
// (dcat-ap-nl-3.0: 9 files), both with the EU vocabularies as background knowledge. Prints ms per dataset.

const args = process.argv.slice(2);
const sizes = (args[args.indexOf('--docs') + 1] ?? '1000,10000').split(',').map(Number).filter((n) => n > 0);
const BATCH = 250;
const ENGINES: EngineName[] = ['shacl-engine', 'rdf-validate-shacl'];
const PROFILES = ['dcat-ap-3.0.1', 'dcat-ap-nl-3.0'];

console.log(`SHACL engines: ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);

function batches(n: number): string[] {
  const docs = generateDocuments(n, 11);
  const out: string[] = [];
  for (let i = 0; i < docs.length; i += BATCH) {
    out.push(CATALOGUE_HEADER + docs.slice(i, i + BATCH).map((d, j) => {
      const text = toCatalogueNTriples(d);
      const k = i + j;
      if (k % 40 === 0) return text.replace(/<http:\/\/www\.w3\.org\/ns\/dcat#accessURL> <([^>]+)>/g, '<http://www.w3.org/ns/dcat#accessURL> "$1"');
      if (k % 40 === 20) return text.split('\n').filter((l) => !l.includes('<http://purl.org/dc/terms/title>') || l.includes('/distribution/')).join('\n');
      return text;
    }).join(''));
  }
  return out;
}

const rows: Record<string, string | number>[] = [];
for (const n of sizes) {
  const data = batches(n).map((b) => new Parser({ format: 'N-Triples' }).parse(b));
  for (const profileId of PROFILES) {
    for (const engine of ENGINES) {
      const validator = await loadValidator(profileById(profileId), { engine });
      await validator.validate(data[0]!.slice(0, 200));
      const started = performance.now();
      const summaries: ShaclSummary[] = [];
      for (const quads of data) summaries.push(await validator.validate(quads));
      const ms = performance.now() - started;
      rows.push({
        datasets: n, profile: profileId, engine, 'total s': Number((ms / 1000).toFixed(2)), 'ms/dataset': Number((ms / n).toFixed(3)),
        violations: summaries.reduce((a, s) => a + s.violations, 0), warnings: summaries.reduce((a, s) => a + s.warnings, 0),
      });
      console.error(`${n} datasets, ${profileId}, ${engine}: ${(ms / n).toFixed(3)} ms per dataset`);
    }
  }
}
console.table(rows);
