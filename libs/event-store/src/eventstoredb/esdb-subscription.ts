import {
  END,
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamSubscription,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import {
  START,
  type Checkpoint,
  type ReadAllPage,
  type SubscribeOptions,
  type Subscription,
} from '../port';
import type { StreamNames } from './stream-names';

export interface SubscriptionDeps {
  client: EventStoreDBClient;
  names: StreamNames;
  readAll: (after: Checkpoint, limit: number) => Promise<ReadAllPage>;
  /** Longest wait between two reads when no live notification arrives. */
  pollIntervalMs: number;
}

/**
 * A catch-up subscription built from paged `readAll` (which owns ordering, filtering, upcasting
 * and checkpoints) plus a live `subscribeToAll` used only as a doorbell: a new record wakes the
 * reader at once instead of at the next poll. A missed or failed doorbell costs latency, never an
 * event, because the reader always resumes from its own checkpoint.
 *
 * A handler that throws gets the error reported through `onError`, and the same page is offered
 * again after a pause: the checkpoint only moves once the handler has resolved (at-least-once).
 */
export function subscribeToLog(deps: SubscriptionDeps, options: SubscribeOptions): Subscription {
  const batchSize = options.batchSize ?? 500;
  let checkpoint = options.from ?? START;
  let stopped = false;
  let wake: (() => void) | null = null;
  // A ring while the reader is busy is remembered, so the next pause is skipped instead of waited out.
  let rang = false;
  // Backing off after an error is cut short by stop(), never by the doorbell.
  let backingOff = false;
  const doorbell = openDoorbell(deps, () => {
    if (wake && !backingOff) wake();
    else rang = true;
  });

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (rang && !backingOff) {
        rang = false;
        return resolve();
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        const page = await deps.readAll(checkpoint, batchSize);
        failures = 0;
        if (page.events.length > 0 && !stopped) {
          await options.onEvents(page.events, page.checkpoint);
          checkpoint = page.checkpoint;
          continue;
        }
      } catch (error) {
        failures++;
        options.onError?.(error);
      }
      if (stopped) break;
      backingOff = failures > 0;
      await pause(backingOff ? Math.min(5_000, 100 * 2 ** failures) : deps.pollIntervalMs);
      backingOff = false;
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await doorbell?.unsubscribe().catch(() => undefined);
      await loop;
    },
  };
}

function openDoorbell(deps: SubscriptionDeps, ring: () => void): AllStreamSubscription | null {
  try {
    const filter = deps.names.namespace
      ? streamNameFilter({ prefixes: [deps.names.namespace] })
      : excludeSystemEvents();
    const live = deps.client.subscribeToAll({ fromPosition: END, filter });
    live.on('data', ring);
    // The doorbell is an optimisation; polling carries on without it.
    live.on('error', () => undefined);
    return live;
  } catch {
    return null;
  }
}
