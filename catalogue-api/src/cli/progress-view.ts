import { startingProgress, type HarvestProgress } from '@fedcat/harvester';

/** Where the view writes: a terminal (redrawn in place) or a pipe or file (one line per change, throttled). */
export interface ProgressOutput {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

const MB = 1024 * 1024;

/** One line of a running harvest: phase, pages, bytes, triples and the current rate. */
export function progressLine(source: string, p: HarvestProgress, elapsedMs: number): string {
  const seconds = Math.max(elapsedMs / 1000, 0.001);
  const size = p.bytes >= MB ? `${(p.bytes / MB).toFixed(1)} MB` : `${Math.round(p.bytes / 1024)} kB`;
  const base = `${source}: ${p.phase} · ${p.pages} ${p.pages === 1 ? 'page' : 'pages'} · ${size} · ${p.quads.toLocaleString('en')} triples`;
  if (p.phase === 'reading') return `${base} · ${Math.round(p.quads / seconds).toLocaleString('en')} triples/s`;
  if (p.phase === 'assessing') return `${base} · ${p.records.toLocaleString('en')} records · links checked ${(p.linksChecked ?? 0).toLocaleString('en')}/${(p.linksToCheck ?? 0).toLocaleString('en')}`;
  const done = p.phase === 'validating' ? ` · validated ${p.validated.toLocaleString('en')}/${p.toValidate.toLocaleString('en')}` : '';
  return `${base} · ${p.records.toLocaleString('en')} records${done} · ${Math.round((p.phase === 'validating' ? p.validated : p.records) / seconds).toLocaleString('en')} records/s`;
}

/**
 * Live progress of concurrent harvests. On a terminal, the running harvests' lines are redrawn in place
 * below finished output; elsewhere, a line is printed when a harvest changes phase or every few seconds.
 */
export class ProgressView {
  private readonly active = new Map<string, { startedAt: number; progress: HarvestProgress; printedAt: number; phase: string }>();
  private drawn = 0;
  private timer: NodeJS.Timeout | null = null;

  /** Live lines go to `out` (stderr), reports to `report` (stdout), so piping stdout keeps only the reports. */
  constructor(private readonly out: ProgressOutput, private readonly report: ProgressOutput = out, private readonly plainEveryMs = 5000) {}

  start(source: string): void {
    this.active.set(source, { startedAt: Date.now(), progress: startingProgress, printedAt: 0, phase: '' });
    if (this.out.isTTY && !this.timer) this.timer = setInterval(() => this.redraw(), 200);
  }

  update(source: string, progress: HarvestProgress): void {
    const entry = this.active.get(source);
    if (!entry) return;
    entry.progress = progress;
    if (this.out.isTTY) return;
    const now = Date.now();
    if (progress.phase !== entry.phase || now - entry.printedAt >= this.plainEveryMs) {
      entry.phase = progress.phase;
      entry.printedAt = now;
      this.out.write(`… ${progressLine(source, progress, now - entry.startedAt)}\n`);
    }
  }

  /** Ends a source's live line and prints its final report above the live lines. */
  end(source: string, report: string): void {
    this.active.delete(source);
    this.clear();
    this.report.write(`${report}\n`);
    this.redraw();
  }

  /** Prints a status line (to `out`) above the live lines. */
  print(text: string): void {
    this.clear();
    this.out.write(`${text}\n`);
    this.redraw();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.clear();
  }

  private clear(): void {
    if (!this.out.isTTY || this.drawn === 0) return;
    this.out.write(`\x1b[${this.drawn}A\x1b[0J`);
    this.drawn = 0;
  }

  private redraw(): void {
    if (!this.out.isTTY) return;
    this.clear();
    const now = Date.now();
    const width = Math.max((this.out.columns ?? 120) - 1, 20);
    // Each live line must fit one terminal row, or moving the cursor up by the line count misses.
    const lines = [...this.active].map(([source, e]) => `… ${progressLine(source, e.progress, now - e.startedAt)}`.slice(0, width));
    if (lines.length) this.out.write(`${lines.join('\n')}\n`);
    this.drawn = lines.length;
  }
}
