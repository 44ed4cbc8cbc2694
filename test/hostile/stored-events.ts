import type { Checkpoint, EventStore } from '@ledger/event-store/port';
import { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';

/** What the store holds, as a spec compares it before and after hostile traffic. */
export interface StoredEvents {
  /** Every committed event row, whether or not the global log shows it yet. */
  count: number;
  /** The highest global position ever committed, or null for an empty store. */
  lastPosition: string | null;
  /** The head of the global log as readers see it. */
  head: string;
}

/**
 * Counted in the events table itself rather than through the global log: on PostgreSQL the log
 * hides a committed write while an older transaction on the server is open (SPEC §2), and another
 * spec's transaction must not hide an append that should not have happened.
 */
export async function storedEvents(store: EventStore): Promise<StoredEvents> {
  if (!(store instanceof SqlEventStore))
    throw new Error(`the hostile-input specs count rows of a SQL store, not ${store.name}`);
  const [row] = await store
    .raw()
    .query<{ count: string; last: string | null }>(
      `SELECT count(*)::text AS count, max(global_position)::text AS last FROM ${store.table('events')}`,
    );
  const head = await store.headCheckpoint();
  return {
    count: Number(row!.count),
    lastPosition: row!.last,
    head: `${head.transactionId}:${head.globalPosition}`,
  };
}

/**
 * Waits until the global log shows every event committed to this store. On PostgreSQL a write
 * shows only once every older transaction on the server has ended (SPEC §2), and other specs
 * share the server; a spec that reads the log, or runs payouts from it, waits here first.
 */
export async function untilLogShowsAll(store: EventStore, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { count } = await storedEvents(store);
    let shown = 0;
    let after: Checkpoint | undefined;
    for (;;) {
      const page = await store.readAll({ after, limit: 10_000 });
      shown += page.events.length;
      if (page.events.length < 10_000) break;
      after = page.checkpoint;
    }
    if (shown >= count) return;
    if (Date.now() > deadline)
      throw new Error(`the log shows ${shown} of ${count} events after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
