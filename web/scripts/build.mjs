// Builds the web UI into public/ (and its server-side renderer into server/): two entry modules (app.js, the whole UI; elements.js, the embeddable elements)
// with shared code and the lazily loaded SPARQL editor split into chunks/, and the NL Design System theme copied
// into vendor/ with its licence. Writes public/build-meta.json (esbuild's metafile) for the size budget test.
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const web = fileURLToPath(new URL('..', import.meta.url));
const out = join(web, 'public');
const require = createRequire(import.meta.url);

await rm(join(out, 'chunks'), { recursive: true, force: true });
const result = await build({
  entryPoints: { app: join(web, 'src/main.ts'), elements: join(web, 'src/elements.ts') },
  bundle: true, format: 'esm', splitting: true, target: 'es2022', minify: true, sourcemap: true,
  outdir: out, entryNames: '[name]', chunkNames: 'chunks/[name]-[hash]', metafile: true, logLevel: 'warning',
  legalComments: 'linked',
});
await writeFile(join(out, 'build-meta.json'), JSON.stringify(result.metafile));

// The server-side renderer (lit SSR) for catalogue-api: the same elements, for Node, beside (not in) the served files.
// Split like the browser build, so the SPARQL editor (browser-only) stays a chunk no page rendering loads.
// Its packages stay imports, so Node resolves lit's node build (with its DOM shim) once for all of them.
await rm(join(web, 'server'), { recursive: true, force: true });
await build({
  entryPoints: { 'render-page': join(web, 'src/server/render-page.ts') },
  bundle: true, format: 'esm', splitting: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true,
  outdir: join(web, 'server'), logLevel: 'warning',
});

const tokens = dirname(require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/package.json'));
await mkdir(join(out, 'vendor'), { recursive: true });
await copyFile(join(tokens, 'dist/theme.css'), join(out, 'vendor/voorbeeld-theme.css'));
await copyFile(join(tokens, 'LICENSE.md'), join(out, 'vendor/voorbeeld-theme.LICENSE.md'));
// CodeMirror 5's stylesheet for the lazily loaded SPARQL editor (MIT), served by fedcat instead of a CDN.
const codemirror = dirname(require.resolve('codemirror/package.json'));
await copyFile(join(codemirror, 'lib/codemirror.css'), join(out, 'vendor/codemirror.css'));
await copyFile(join(codemirror, 'LICENSE'), join(out, 'vendor/codemirror.LICENSE'));
