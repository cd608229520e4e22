// What a browser must load before the search page runs: app.js and every module it imports statically,
// transitively, read from esbuild's metafile (public/build-meta.json), with their gzip -9 size. Used by the
// bundle budget test and the UI benchmark.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The metafile outputs reachable from `entry` (e.g. 'app.js') by static imports, and their gzipped size in bytes. */
export async function initialJavaScript(publicDir, entry = 'app.js') {
  const meta = JSON.parse(await readFile(join(publicDir, 'build-meta.json'), 'utf8'));
  const start = Object.keys(meta.outputs).find((o) => o.endsWith(`public/${entry}`));
  if (!start) throw new Error(`${entry} is not in the build's metafile; run npm run build`);
  const files = new Set();
  const visit = (out) => {
    if (files.has(out)) return;
    files.add(out);
    for (const i of meta.outputs[out]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(start);
  let gzipBytes = 0;
  for (const out of files) gzipBytes += gzipSync(await readFile(join(publicDir, out.replace(/^.*?public\//, ''))), { level: 9 }).length;
  return { files: [...files], gzipBytes, meta };
}
