import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const JAVA_DIR = '/usr/share/java';
/** Debian's libapache-jena-java (4.5) jars and the libraries they need, by Debian's unversioned jar names. */
const JARS = [
  'jena-arq', 'jena-base', 'jena-cmds', 'jena-core', 'jena-iri', 'jena-shacl', 'jena-shex', 'jena-dboe-base',
  'commons-cli', 'commons-codec', 'commons-compress', 'commons-csv', 'commons-io', 'commons-lang3', 'dexx.collection',
  'gson', 'guava', 'httpclient', 'httpcore', 'jackson-core', 'jackson-databind', 'jackson-annotations', 'jsonld-java',
  'jakarta.json-api', 'titanium-json-ld', 'protobuf', 'thrift', 'slf4j-api', 'slf4j-nop',
];

/** One result as Jena reports it. */
export interface JenaResult {
  readonly job: string;
  readonly severity: 'violation' | 'warning' | 'info';
  readonly focusKind: 'iri' | 'blank' | 'literal';
  readonly focusNode: string;
  readonly path: string | null;
  readonly component: string;
}

export interface JenaJob {
  readonly id: string;
  readonly base: string;
  readonly data: string;
  readonly background: string;
  readonly shapes: string;
}

export interface JenaOutcome {
  readonly results: JenaResult[];
  /** Jobs whose data Jena could not parse, with its reason. */
  readonly parseErrors: Map<string, string>;
}

/**
 * Debian's jena-core 4.5.0-2 relocates Jena's shaded Xerces classes to `xerces.*` but leaves their message bundles
 * under `org/apache/jena/ext/xerces/`, so Jena fails at start-up ("internal error" in XSSimpleTypeDecl). Copying the
 * bundles to where the classes look for them, in a directory put first on the class path, mends it.
 */
async function xercesBundles(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fedcat-jena-'));
  execFileSync('unzip', ['-q', '-o', `${JAVA_DIR}/jena-core.jar`, 'org/apache/jena/ext/xerces/*', '-d', dir]);
  execFileSync('cp', ['-r', join(dir, 'org/apache/jena/ext/xerces'), join(dir, 'xerces')]);
  return dir;
}

/** Debian's Jena jars and their libraries; throws, naming the package, when they are missing. */
function jenaJars(): string[] {
  const missing = JARS.filter((j) => !existsSync(`${JAVA_DIR}/${j}.jar`) && j.startsWith('jena-'));
  if (missing.length > 0) throw new Error(`Apache Jena is not installed (apt-get install libapache-jena-java unzip): missing ${missing.join(', ')}`);
  return JARS.map((j) => `${JAVA_DIR}/${j}.jar`).filter((p) => existsSync(p));
}

const SEVERITY: Record<string, JenaResult['severity']> = { Violation: 'violation', Warning: 'warning', Info: 'info' };

/** Runs every job in one JVM with test/jena/ShaclCounts.java (Java's single-file source launcher). */
export async function runJenaShacl(jobs: readonly JenaJob[]): Promise<JenaOutcome> {
  const jars = jenaJars();
  const bundles = await xercesBundles();
  const classpath = [bundles, ...jars].join(':');
  const program = fileURLToPath(new URL('../jena/ShaclCounts.java', import.meta.url).href.replace('/dist/', '/'));
  const input = jobs.map((j) => [j.id, j.base, j.data, j.background, j.shapes].join('\t')).join('\n');
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = execFile('java', ['-cp', classpath, program], { maxBuffer: 512 * 1024 * 1024 }, (err, out, errOut) => {
      if (err) reject(new Error(`Jena SHACL failed: ${err.message}\n${errOut}`));
      else resolve(out);
    });
    child.stdin!.end(input);
  }).finally(() => rm(bundles, { recursive: true, force: true }));
  const results: JenaResult[] = [];
  const parseErrors = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    if (!line) continue;
    const [job, severity, kind, focus, path, component] = line.split('\t') as [string, string, string, string, string, string];
    if (severity === 'PARSE-ERROR') {
      parseErrors.set(job, kind);
      continue;
    }
    results.push({
      job, severity: SEVERITY[severity] ?? 'violation', focusKind: kind as JenaResult['focusKind'], focusNode: focus,
      path: path || null, component,
    });
  }
  return { results, parseErrors };
}
