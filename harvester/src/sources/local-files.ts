import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { SourceForbidden, SourceLimitExceeded, SourceUnreachable } from '../errors.js';
import { parseDocument } from '../parse/parse-document.js';
import { RDF_EXTENSIONS, type RdfSyntax } from '../parse/syntax.js';
import { ContentDigest } from './content-digest.js';
import type { ReadContext, ReadResult } from './read-result.js';

const isRdfFile = (name: string) => RDF_EXTENSIONS.includes(extname(name).slice(1).toLowerCase());
/** Directories deeper than this below the source's directory are not read. */
const MAX_DEPTH = 8;

async function listRdfFiles(dir: string, depth = 0): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory() && depth < MAX_DEPTH) out.push(...(await listRdfFiles(path, depth + 1)));
    else if (e.isFile() && isRdfFile(e.name)) out.push(path);
  }
  return out;
}

async function* fileChunks(sourceId: string, file: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of createReadStream(file)) yield chunk as Buffer;
  } catch (cause) {
    throw new SourceUnreachable(sourceId, `cannot read ${file}: ${(cause as Error).message}`, undefined, { cause });
  }
}

/** True when `path` is `root` or below it (a name such as `..data` inside root is fine; `../x` is not). */
function within(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Reads a local RDF file, or every RDF file under a directory (by extension, sorted by path), for tests and
 * offline use. Only paths inside the policy's `fileRoots` are read, checked after resolving symbolic links.
 * The conditional-request value is a fingerprint of the files' names, sizes and modification times, so an untouched
 * directory is not re-read.
 */
export async function readLocalFiles(sourceId: string, url: string, ctx: ReadContext): Promise<ReadResult | 'not-modified'> {
  let path: string;
  try {
    path = await realpath(fileURLToPath(url));
  } catch (cause) {
    throw new SourceUnreachable(sourceId, `cannot read ${url}: ${(cause as Error).message}`, undefined, { cause });
  }
  const roots = await Promise.all(ctx.policy.fileRoots.map((r) => realpath(r).catch(() => null)));
  if (!roots.some((root) => root !== null && within(path, root))) {
    throw new SourceForbidden(sourceId, `${path} is outside the directories fedcat may read (FEDCAT_HARVEST_FILES)`);
  }
  const info = await stat(path);
  const files = info.isDirectory() ? await listRdfFiles(path) : [path];
  if (files.length === 0) throw new SourceUnreachable(sourceId, `${path} holds no RDF files (${RDF_EXTENSIONS.map((x) => `.${x}`).join(', ')})`);
  if (files.length > ctx.maxPages) throw new SourceLimitExceeded(sourceId, `${files.length} files; at most ${ctx.maxPages} are read per source`);

  const stats = await Promise.all(files.map((f) => stat(f)));
  const total = stats.reduce((n, s) => n + s.size, 0);
  if (total > ctx.policy.maxBytes) throw new SourceLimitExceeded(sourceId, `files hold ${total} bytes; at most ${ctx.policy.maxBytes} are read`);
  const fingerprint = createHash('sha256');
  files.forEach((f, i) => fingerprint.update(`${relative(path, f)}\0${stats[i]!.size}\0${stats[i]!.mtimeMs}\n`));
  const etag = `"files-${fingerprint.digest('base64url').slice(0, 27)}"`;
  if (ctx.previous.etag === etag) return 'not-modified';

  const quads: Quad[] = [];
  let syntax: RdfSyntax | null = null;
  let bytes = 0;
  const digest = new ContentDigest();
  for (const [i, file] of files.entries()) {
    const fileSyntax = await parseDocument(digest.tap(fileChunks(sourceId, file)), { url: pathToFileURL(file).href, contentType: null }, sourceId,
      (q) => quads.push(q), ctx.policy.jsonLdContexts);
    syntax ??= fileSyntax;
    bytes += stats[i]!.size;
    ctx.onProgress({ pages: i + 1, bytes, quads: quads.length });
  }
  return { syntax: syntax!, bytes, pages: files.length, quads, etag, lastModified: null, digest: digest.digest() };
}
