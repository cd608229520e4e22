import { t } from './i18n.js';

/** A harvest schedule as the reader says it ("elke 6 uur", "every 30 minutes"); the API's form (`6h`) when unreadable. */
export function scheduleText(interval: string | null): string {
  if (interval === null) return t('owner.onDemand');
  const m = /^(\d+)([mhd])$/.exec(interval);
  if (!m) return interval;
  const n = Number(m[1]);
  return t(m[2] === 'm' ? 'schedule.minutes' : m[2] === 'h' ? 'schedule.hours' : 'schedule.days', { n });
}
