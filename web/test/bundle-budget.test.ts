import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { initialJavaScript } from '../scripts/initial-javascript.mjs';

// Reads the build (npm run build writes public/ and esbuild's metafile); the test command builds first.
const PUBLIC = fileURLToPath(new URL('../public/', import.meta.url));
const BUDGET = 100 * 1024;

describe('the web bundle', () => {
  it('keeps the initial JavaScript of the search page (app.js and its static imports) within 100 KB gzipped', async () => {
    const { files, gzipBytes, meta } = await initialJavaScript(PUBLIC, 'app.js');
    console.log(`initial JavaScript: ${files.length} files, ${(gzipBytes / 1024).toFixed(1)} KB gzipped (budget 100 KB)`);
    expect(gzipBytes).toBeLessThanOrEqual(BUDGET);
    // The SPARQL editor is only ever loaded by a dynamic import.
    expect(files.some((o) => /sparql-editor/.test(o))).toBe(false);
    const editor = Object.keys(meta.outputs).filter((o) => /chunks\/sparql-editor-[^/]+\.js$/.test(o));
    expect(editor).toHaveLength(1);
    expect(Object.values(meta.outputs).some((o) => o.imports.some((i) => i.path === editor[0] && i.kind === 'dynamic-import'))).toBe(true);
  });

  it('loads the try-it console only when a reader opens it: not part of the search page\'s initial JavaScript', async () => {
    const { files, meta } = await initialJavaScript(PUBLIC, 'app.js');
    const modules = files.flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}));
    expect(modules.some((m) => m.endsWith('fedcat-api-console.ts') || m.endsWith('openapi-operations.ts'))).toBe(false);
    const chunk = Object.keys(meta.outputs).filter((o) => o.endsWith('.js') && Object.keys(meta.outputs[o]!.inputs).some((m) => m.endsWith('fedcat-api-console.ts')));
    expect(chunk).toHaveLength(1);
    expect(Object.values(meta.outputs).some((o) => o.imports.some((i) => i.path === chunk[0] && i.kind === 'dynamic-import'))).toBe(true);
  });

  it('keeps the embeddable elements module within the same budget, without the app pages', async () => {
    const { files, gzipBytes, meta } = await initialJavaScript(PUBLIC, 'elements.js');
    expect(gzipBytes).toBeLessThanOrEqual(BUDGET);
    const modules = files.flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}));
    expect(modules.some((m) => m.endsWith('fedcat-owner-sources.ts') || m.endsWith('fedcat-validator.ts'))).toBe(false);
  });
});
