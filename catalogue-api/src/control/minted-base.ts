import type { ControlDb } from './control-db.js';

/**
 * The base URL this data directory's IRIs were first minted under (skolem IRIs, feed links). Minted IRIs are
 * stored with the data; a later base URL mints new ones beside them, so a change is worth a warning at start.
 */
export class MintedBase {
  constructor(private readonly db: ControlDb) {}

  /** The base of the first harvest, or null before any. */
  first(): string | null {
    const row = this.db.db.prepare(`SELECT value FROM settings WHERE key = 'minted_base'`).get() as { value: string } | undefined;
    return row?.value ?? null;
  }

  /** Keeps `base` as the first harvest's base unless one is kept already; returns the one kept. */
  record(base: string): string {
    return this.db.write(() => {
      this.db.db.prepare(`INSERT INTO settings (key, value) VALUES ('minted_base', ?) ON CONFLICT (key) DO NOTHING`).run(base);
      return this.first()!;
    });
  }
}

/** What to say when the configured base is not the one the data was minted under; null when they agree. */
export function baseUrlChange(first: string | null, configured: string): string | null {
  if (first === null || first === configured) return null;
  return `FEDCAT_BASE_URL is ${configured}, but this data directory's first harvest minted its IRIs under ${first}: `
    + `records harvested from now on get IRIs under ${configured}, those harvested before keep theirs. `
    + `Set FEDCAT_BASE_URL=${first} to keep one base.`;
}
