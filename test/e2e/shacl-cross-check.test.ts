import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { Writer } from 'n3';
import { parseDocument } from '@fedcat/harvester';
import { defaultProfile, loadValidator, shapeFilePath } from '@fedcat/shapes';
import { backgroundKnowledge } from '@fedcat/vocab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJenaShacl, type JenaOutcome } from '../support/jena.js';
import { SAMPLES } from '../support/publisher.js';

// fedcat validates each sample with its default profile (shacl-engine, background knowledge, focus on the sample's own
// resources); Apache Jena validates the same file against each of the profile's shape files with the same background.
// Counts per shape file and severity must be equal, and so must the findings themselves (focus, path, component).

const BASE = 'https://samples.fedcat.test/';
const profileFiles = [...defaultProfile.gate, ...defaultProfile.advise];

let dir: string;
let samples: string[];
const fedcatCounts = new Map<string, number>();
const fedcatFindings = new Map<string, number>();
const fedcatRefused = new Map<string, string>();
const ownSubjects = new Map<string, Set<string>>();
let backgroundSubjects: Set<string>;
let jena: JenaOutcome;

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const local = (component: string) => component.split('#').pop() ?? component;

async function parseSample(file: string): Promise<Quad[]> {
  const quads: Quad[] = [];
  const bytes = await readFile(new URL(file, SAMPLES));
  await parseDocument((async function* () { yield bytes; })(), { url: `${BASE}${file}`, contentType: null }, 'cross-check', (q) => quads.push(q));
  return quads;
}

beforeAll(async () => {
  const root = fileURLToPath(SAMPLES);
  samples = [...(await readdir(root)).filter((f) => f.includes('.')), ...(await readdir(join(root, 'invalid'))).map((f) => `invalid/${f}`)].sort();
  dir = await mkdtemp(join(tmpdir(), 'fedcat-cross-check-'));
  const background = await backgroundKnowledge();
  backgroundSubjects = new Set(background.map((q) => q.subject.value));
  await writeFile(join(dir, 'background.nt'), new Writer({ format: 'N-Triples' }).quadsToString([...background]));

  const validator = await loadValidator();
  for (const file of samples) {
    let quads: Quad[];
    try {
      quads = await parseSample(file);
    } catch (err) {
      fedcatRefused.set(file, (err as Error).message.slice(0, 120));
      continue;
    }
    ownSubjects.set(file, new Set(quads.map((q) => q.subject.value)));
    await writeFile(join(dir, `${samples.indexOf(file)}.nt`), new Writer({ format: 'N-Triples' }).quadsToString(quads));
    for (const r of (await validator.validate(quads)).results) {
      bump(fedcatCounts, `${file}|${r.file}|${r.shaclSeverity}`);
      bump(fedcatFindings, `${file}|${r.file}|${r.shaclSeverity}|${local(r.constraint ?? '')}|${r.path ?? ''}|${r.focusKind === 'blank' ? '_' : r.focusNode}`);
    }
  }
  const jobs = (data: (file: string, i: number) => string | null) => samples.flatMap((file, i) => {
    const path = data(file, i);
    return path ? profileFiles.map((shapes, j) => ({ id: `${i}:${j}`, base: `${BASE}${file}`, data: path, background: join(dir, 'background.nt'), shapes: shapeFilePath(shapes) })) : [];
  });
  // Jena reads the files as published; a file only fedcat can read (JSON-LD with contexts fedcat bundles) is given to
  // Jena as fedcat's N-Triples, so the engines are still compared on it.
  const first = await runJenaShacl(jobs((file) => fileURLToPath(new URL(file, SAMPLES))));
  const unreadable = new Set([...first.parseErrors.keys()].map((job) => samples[Number(job.split(':')[0])]!));
  const second = await runJenaShacl(jobs((file, i) => (unreadable.has(file) && ownSubjects.has(file) ? join(dir, `${i}.nt`) : null)));
  for (const file of unreadable) if (ownSubjects.has(file)) console.log(`Jena cannot parse ${file} (${first.parseErrors.get(`${samples.indexOf(file)}:0`)?.slice(0, 100)}): compared on fedcat's N-Triples`);
  jena = { results: [...first.results, ...second.results], parseErrors: second.parseErrors };
}, 180_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fedcat SHACL results against Apache Jena SHACL, on every real sample', () => {
  it('gives the same counts per shape file and severity, and the same findings, for every file both can read', () => {
    const jenaCounts = new Map<string, number>();
    const jenaFindings = new Map<string, number>();
    const unreadable = new Set<string>();
    for (const [job, reason] of jena.parseErrors) {
      const file = samples[Number(job.split(':')[0])]!;
      if (!unreadable.has(file)) console.log(`skipped (Jena cannot parse fedcat's N-Triples of it): ${file}: ${reason.slice(0, 120)}`);
      unreadable.add(file);
    }
    for (const [file, reason] of fedcatRefused) console.log(`skipped (fedcat refuses it, as a harvest would): ${file}: ${reason}`);
    for (const r of jena.results) {
      const [i, j] = r.job.split(':').map(Number) as [number, number];
      const file = samples[i]!;
      const own = ownSubjects.get(file);
      // Only the sample's own resources are focus nodes: never the vocabularies given as background.
      if (!own || (r.focusKind === 'iri' && (!own.has(r.focusNode) || backgroundSubjects.has(r.focusNode)))) continue;
      bump(jenaCounts, `${file}|${profileFiles[j]}|${r.severity}`);
      bump(jenaFindings, `${file}|${profileFiles[j]}|${r.severity}|${local(r.component)}|${r.path ?? ''}|${r.focusKind === 'blank' ? '_' : r.focusNode}`);
    }
    const compared = samples.filter((f) => !unreadable.has(f) && !fedcatRefused.has(f));
    const only = (m: Map<string, number>) => new Map([...m].filter(([k]) => compared.includes(k.split('|')[0]!)));
    expect(compared.length).toBeGreaterThanOrEqual(12);
    expect(only(fedcatCounts)).toEqual(only(jenaCounts));
    expect(only(fedcatFindings)).toEqual(only(jenaFindings));
    // The comparison is not vacuous: the samples do have findings of every severity fedcat reports.
    expect([...only(jenaCounts).keys()].some((k) => k.endsWith('|violation'))).toBe(true);
    expect([...only(jenaCounts).keys()].some((k) => k.endsWith('|warning'))).toBe(true);
  });

  it('finds a contact point typed only vcard:Organization a vcard:Kind, in both engines (the class hierarchy is background knowledge)', async () => {
    const file = 'ckanext-dcat-govdata-de-dataset.rdf';
    const quads = await parseSample(file);
    // The sample's contact point has no type but vcard:Organization.
    const contacts = quads.filter((q) => q.predicate.value === 'http://www.w3.org/ns/dcat#contactPoint').map((q) => q.object.value);
    const types = quads.filter((q) => contacts.includes(q.subject.value) && q.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type').map((q) => q.object.value);
    expect(contacts.length).toBeGreaterThan(0);
    expect([...new Set(types)]).toEqual(['http://www.w3.org/2006/vcard/ns#Organization']);
    const i = samples.indexOf(file);
    const isContactClass = (component: string, path: string | null) => local(component) === 'ClassConstraintComponent' && path === 'http://www.w3.org/ns/dcat#contactPoint';
    const jenaOnFile = jena.results.filter((r) => Number(r.job.split(':')[0]) === i);
    expect(jenaOnFile.length).toBeGreaterThan(0);
    expect(jenaOnFile.filter((r) => isContactClass(r.component, r.path))).toEqual([]);
    const fedcatOnFile = [...fedcatFindings.keys()].filter((k) => k.startsWith(`${file}|`));
    expect(fedcatOnFile.length).toBeGreaterThan(0);
    expect(fedcatOnFile.filter((k) => k.includes('|ClassConstraintComponent|http://www.w3.org/ns/dcat#contactPoint|'))).toEqual([]);
  });
});
