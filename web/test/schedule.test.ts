import { describe, expect, it } from 'vitest';
import { renderIn } from '../src/lib/i18n.js';
import { scheduleText } from '../src/lib/schedule.js';

describe('a harvest schedule in words', () => {
  it('says minutes, hours and days as a reader does, in Dutch and English', () => {
    renderIn('nl');
    expect(['30m', '1m', '6h', '1d', '7d'].map(scheduleText)).toEqual(['elke 30 minuten', 'elke 1 minuut', 'elke 6 uur', 'elke dag', 'elke 7 dagen']);
    expect(scheduleText(null)).toBe('op verzoek');
    renderIn('en');
    expect(['30m', '1h', '6h', '1d'].map(scheduleText)).toEqual(['every 30 minutes', 'every hour', 'every 6 hours', 'every day']);
    renderIn('nl');
  });
});
