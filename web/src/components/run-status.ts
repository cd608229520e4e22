import { t } from '../lib/i18n.js';

/** A run's outcome in words. */
export function runStatus(status: 'succeeded' | 'unchanged' | 'failed'): string {
  return status === 'succeeded' ? t('run.succeeded') : status === 'unchanged' ? t('run.unchanged') : t('run.failed');
}
