import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const PRODUCT = ['vocab', 'catalogue', 'shapes', 'harvester', 'catalogue-api', 'web'];
/** Files that are tables of messages, the one kind allowed past 300 lines. */
const MESSAGE_TABLES = ['web/src/lib/messages.ts', 'shapes/src/messages.ts'];

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) out.push(relative(ROOT, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}
const read = (file: string) => readFile(join(ROOT, file), 'utf8');

describe('the layering of the packages', () => {
  const temp: string[] = [];
  afterAll(async () => { for (const d of temp) await rm(d, { recursive: true, force: true }); });

  it('keeps the store and search adapters free of the harvester', async () => {
    const adapters = [...await sourceFiles('catalogue-api/src/store'), ...await sourceFiles('catalogue-api/src/search')];
    expect(adapters.length).toBeGreaterThan(10);
    const offending = [];
    for (const f of adapters) if ((await read(f)).includes("'@fedcat/harvester")) offending.push(f);
    expect(offending).toEqual([]);
  });

  it('names every graph fedcat writes in catalogue/src/graphs.ts only', async () => {
    const offending = [];
    for (const pkg of PRODUCT) {
      for (const f of await sourceFiles(`${pkg}/src`)) {
        if (f === 'catalogue/src/graphs.ts' || f.startsWith('catalogue/src/testing/')) continue;
        if (/urn:fedcat:(source|quarantine|history|runs|empty|store:graphs|store:staging)\b/.test(await read(f))) offending.push(f);
      }
    }
    expect(offending).toEqual([]);
  });

  it('reads the environment only at the CLI entry point', async () => {
    const offending = [];
    for (const pkg of PRODUCT) {
      for (const f of await sourceFiles(`${pkg}/src`)) {
        if (f === 'catalogue-api/src/cli/main.ts') continue;
        if (/process\.env\b/.test(await read(f))) offending.push(f);
      }
    }
    expect(offending).toEqual([]);
  });

  it('keeps catalogue-api/src to at most 12 files at its root and every source file to 300 lines (message tables aside)', async () => {
    const root = (await readdir(join(ROOT, 'catalogue-api/src'), { withFileTypes: true })).filter((e) => e.isFile());
    expect(root.length).toBeLessThanOrEqual(12);
    const long = [];
    for (const pkg of PRODUCT) {
      for (const f of await sourceFiles(`${pkg}/src`)) {
        const lines = (await read(f)).split('\n').length - 1;
        if (lines > 300 && !MESSAGE_TABLES.includes(f)) long.push(`${f}: ${lines}`);
      }
    }
    expect(long).toEqual([]);
  });

  it('imports from each package only the packages its tsconfig references', async () => {
    const offending = [];
    for (const pkg of [...PRODUCT, 'test', 'bench']) {
      for (const config of ['tsconfig.json', 'tsconfig.test.json']) {
        const tsconfig = JSON.parse(await read(`${pkg}/${config}`).catch(() => 'null')) as { include: string[]; references?: { path: string }[] } | null;
        if (!tsconfig) continue;
        const allowed = new Set([pkg, ...(tsconfig.references ?? []).map((r) => r.path.replace(/^\.\.\//, '').replace(/\/tsconfig\.json$/, '')).filter((r) => r !== '.')]);
        for (const dir of tsconfig.include) {
          for (const f of await sourceFiles(`${pkg}/${dir}`).catch(() => [])) {
            for (const [, dep] of (await read(f)).matchAll(/from '@fedcat\/([a-z-]+)/g)) if (!allowed.has(dep!)) offending.push(`${f} → @fedcat/${dep}`);
          }
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it('fails tsc -b when a package imports one its tsconfig does not reference', async () => {
    // A copy of the ground floor and the harvester, the copies linked as @fedcat/* and every other dependency
    // linked to the repository's node_modules, with no built output: as a fresh clone.
    const dir = await mkdtemp(join(tmpdir(), 'fedcat-layering-'));
    temp.push(dir);
    await cp(join(ROOT, 'tsconfig.base.json'), join(dir, 'tsconfig.base.json'));
    const copied = ['vocab', 'catalogue', 'shapes', 'harvester'];
    for (const pkg of copied) {
      await cp(join(ROOT, pkg), join(dir, pkg), { recursive: true, filter: (src) => !/[/\\](node_modules|dist|dist-test)$|tsbuildinfo$/.test(src) });
    }
    await mkdir(join(dir, 'node_modules/@fedcat'), { recursive: true });
    for (const entry of await readdir(join(ROOT, 'node_modules'))) {
      if (entry !== '@fedcat') await symlink(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry));
    }
    for (const pkg of copied) await symlink(join(dir, pkg), join(dir, 'node_modules/@fedcat', pkg));
    const tsc = (project: string) => promisify(execFile)(process.execPath, [TSC, '-b', join(dir, project)]).then(
      () => ({ code: 0, out: '' }), (err: { code?: number; stdout?: string }) => ({ code: err.code ?? -1, out: err.stdout ?? '' }));

    // As it is, the catalogue builds.
    expect(await tsc('catalogue')).toEqual({ code: 0, out: '' });
    // Importing the harvester, which its tsconfig does not reference (and so is not built before it), fails the build.
    const forbidden = join(dir, 'catalogue/src/forbidden.ts');
    await writeFile(forbidden, "import { harvestSource } from '@fedcat/harvester';\nexport const forbidden = harvestSource;\n");
    const refused = await tsc('catalogue');
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/catalogue\/src\/forbidden\.ts\(1,\d+\): error TS2307: Cannot find module '@fedcat\/harvester'/);
    // The same import where it is allowed (the harvester references the catalogue, not the other way) builds.
    await rm(forbidden);
    expect(await tsc('harvester')).toEqual({ code: 0, out: '' });
  }, 180_000);
});
