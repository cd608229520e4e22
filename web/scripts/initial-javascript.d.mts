export interface BuildMeta {
  outputs: Record<string, { imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }>;
}
/** The metafile outputs reachable from `entry` (e.g. 'app.js') by static imports, and their gzipped size in bytes. */
export function initialJavaScript(publicDir: string, entry?: string): Promise<{ files: string[]; gzipBytes: number; meta: BuildMeta }>;
