import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Reads the build (npm run build writes public/ and esbuild's metafile); the test command builds first.
const PUBLIC = new URL('../public/', import.meta.url);
const BUDGET = 100 * 1024;

interface Meta { outputs: Record<string, { imports: { path: string; kind: string }[] }> }

/** An entry module and every module it imports statically, transitively: what a browser must load before the page runs. */
function staticClosure(meta: Meta, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const i of meta.outputs[out]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(entry);
  return [...seen];
}

async function gzipped(outputs: string[]): Promise<number> {
  let total = 0;
  for (const out of outputs) total += gzipSync(await readFile(new URL(out.replace(/^.*?public\//, ''), PUBLIC)), { level: 9 }).length;
  return total;
}

describe('the web bundle', () => {
  it('keeps the initial JavaScript of the search page (app.js and its static imports) within 100 KB gzipped', async () => {
    const meta = JSON.parse(await readFile(new URL('build-meta.json', PUBLIC), 'utf8')) as Meta;
    const entry = Object.keys(meta.outputs).find((o) => o.endsWith('public/app.js'))!;
    const initial = staticClosure(meta, entry);
    const size = await gzipped(initial);
    console.log(`initial JavaScript: ${initial.length} files, ${(size / 1024).toFixed(1)} KB gzipped (budget 100 KB)`);
    expect(size).toBeLessThanOrEqual(BUDGET);
    // The SPARQL editor is only ever loaded by a dynamic import.
    expect(initial.some((o) => /sparql-editor/.test(o))).toBe(false);
    const editor = Object.keys(meta.outputs).filter((o) => /chunks\/sparql-editor-[^/]+\.js$/.test(o));
    expect(editor).toHaveLength(1);
    expect(Object.values(meta.outputs).some((o) => o.imports.some((i) => i.path === editor[0] && i.kind === 'dynamic-import'))).toBe(true);
  });

  it('keeps the embeddable elements module within the same budget, without the app pages', async () => {
    const meta = JSON.parse(await readFile(new URL('build-meta.json', PUBLIC), 'utf8')) as Meta;
    const entry = Object.keys(meta.outputs).find((o) => o.endsWith('public/elements.js'))!;
    const closure = staticClosure(meta, entry);
    expect(await gzipped(closure)).toBeLessThanOrEqual(BUDGET);
    const inputs = JSON.parse(await readFile(new URL('build-meta.json', PUBLIC), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const modules = closure.flatMap((o) => Object.keys(inputs.outputs[o]?.inputs ?? {}));
    expect(modules.some((m) => m.endsWith('fedcat-owner-sources.ts') || m.endsWith('fedcat-validator.ts'))).toBe(false);
  });
});
