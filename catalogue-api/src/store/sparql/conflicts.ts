import { setTimeout as sleep } from 'node:timers/promises';
import { StoreFailure } from '@fedcat/catalogue';
import { backoffMs } from './http-client.js';

/** SQLSTATE 40001 (serialization failure; Virtuoso: "SR172: Transaction deadlocked"): the store rolled the write back. */
export const ROLLED_BACK = /\b40001\b|deadlock/i;
/** Attempts of a write the store keeps rolling back over conflicts with concurrent writes. */
const CONFLICT_ATTEMPTS = 6;

/** A write the store rolled back because it conflicted with a concurrent one: safe to send again. */
export class TransactionConflict extends Error {}

/**
 * Runs a write again, after a growing pause (from `backoffBaseMs`), while the store rolls it back over conflicts
 * with concurrent writes; gives up as a StoreFailure after a few attempts.
 */
export async function retryingConflicts(write: () => Promise<void>, backoffBaseMs: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (!(err instanceof TransactionConflict)) throw err;
      if (attempt >= CONFLICT_ATTEMPTS) throw new StoreFailure(`${err.message} (rolled back ${attempt} times over conflicting writes)`);
      // One step further along than connection retries: a deadlock clears as the other write ends.
      await sleep(backoffMs(backoffBaseMs, attempt + 1));
    }
  }
}
