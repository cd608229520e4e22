import { describe, expect, it } from 'vitest';
import type { HarvestProgress } from '@fedcat/harvester';
import type { Source } from '@fedcat/catalogue';
import { ProgressView, progressLine } from '../src/cli/progress-view.js';
import type { RunRecord, SourceStatus } from '../src/control/runs.js';
import { dueSources, nextHarvestAt } from '../src/harvest/due-sources.js';

const now = new Date('2026-11-22T12:00:00Z');
const source = (id: string, interval?: string): Source => ({ id, url: `https://x.nl/${id}`, org: null, addedAt: '2026-01-01T00:00:00Z', ...(interval ? { interval } : {}) });
const ran = (startedAt: string, status: RunRecord['status'] = 'succeeded'): SourceStatus => {
  const run: RunRecord = { id: 'r', source: 's', status, startedAt, endedAt: startedAt };
  return { lastRun: run, lastSuccess: status === 'failed' ? null : run };
};
const never: SourceStatus = { lastRun: null, lastSuccess: null };

describe('the harvest schedule', () => {
  it('is due at once for a scheduled source never harvested, and never for an unscheduled one', () => {
    expect(nextHarvestAt(source('a', '6h'), never, now)).toEqual(now);
    expect(nextHarvestAt(source('b'), never, now)).toBeNull();
  });

  it('comes one interval after the last run started, failed runs included', () => {
    expect(nextHarvestAt(source('a', '6h'), ran('2026-11-22T08:00:00Z', 'failed'), now)?.toISOString()).toBe('2026-11-22T14:00:00.000Z');
  });

  it('lists due sources most overdue first', () => {
    const rows = [
      { ...source('later', '1d'), ...ran('2026-11-22T11:00:00Z') },
      { ...source('old', '1h'), ...ran('2026-11-22T09:00:00Z') },
      { ...source('new', '30m'), ...never },
      { ...source('older', '1h'), ...ran('2026-11-22T08:00:00Z') },
      { ...source('manual'), ...never },
    ];
    expect(dueSources(rows, now).map((s) => s.id)).toEqual(['older', 'old', 'new']);
  });
});

describe('the progress view', () => {
  const p: HarvestProgress = { phase: 'validating', pages: 3, bytes: 5 * 1024 * 1024, quads: 120_000, records: 4000, toValidate: 4000, validated: 1000 };

  it('describes a harvest with pages, bytes, triples and the record rate', () => {
    expect(progressLine('cbs', p, 2000)).toBe('cbs: validating · 3 pages · 5.0 MB · 120,000 triples · 4,000 records · validated 1,000/4,000 · 500 records/s');
    expect(progressLine('cbs', { ...p, phase: 'reading' }, 4000)).toBe('cbs: reading · 3 pages · 5.0 MB · 120,000 triples · 30,000 triples/s');
  });

  it('prints a line per phase change when not on a terminal, and reports on their own stream', () => {
    const out: string[] = [];
    const reports: string[] = [];
    const view = new ProgressView({ write: (t: string) => out.push(t) }, { write: (t: string) => reports.push(t) });
    view.start('a');
    view.update('a', { ...p, phase: 'reading' });
    view.update('a', { ...p, phase: 'reading', pages: 4 });
    view.update('a', p);
    view.end('a', '✓ a: done');
    view.stop();
    expect(out.map((l) => l.split(':')[1]?.split('·')[0]?.trim())).toEqual(['reading', 'validating']);
    expect(reports).toEqual(['✓ a: done\n']);
  });

  it('redraws its live lines in place on a terminal, cut to the terminal width', () => {
    const out: string[] = [];
    const view = new ProgressView({ isTTY: true, columns: 40, write: (t: string) => out.push(t) });
    view.start('a');
    view.start('b');
    view.print('… harvesting b');
    view.print('… harvesting c');
    view.stop();
    const text = out.join('');
    expect(text).toContain('\x1b[2A\x1b[0J');
    for (const line of text.replace(/\x1b\[\d+A\x1b\[0J/g, '').split('\n')) expect(line.length).toBeLessThan(40);
  });
});
