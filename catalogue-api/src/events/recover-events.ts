import type { QuadStore } from '@fedcat/catalogue';
import { storedRun } from '../maintenance/crash-recovery.js';
import type { RunningHarvests } from '../control/running-harvests.js';
import type { EventLog } from './event-log.js';

/**
 * At start: events harvests left pending when their process died are published when the store holds their run's
 * graph, dropped when it does not. A source harvesting now (its claim held by a live process) is left to that run.
 */
export async function recoverEvents(events: EventLog, store: QuadStore, running: RunningHarvests): Promise<string[]> {
  const recovered: string[] = [];
  for (const source of events.pendingSources()) {
    if (await running.get(source)) continue;
    events.recover(source, await storedRun(store, source));
    recovered.push(source);
  }
  return recovered;
}
