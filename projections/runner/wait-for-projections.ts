import type { Checkpoint } from '@ledger/event-store/port';
import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { isAtOrAfter } from './checkpoint';
import { readCheckpoints } from './read-schema';

export interface WaitForProjectionsOptions {
  db: SqlQueryable;
  schema: string;
  /** The projections the reader is about to query. */
  names: readonly string[];
  target: Checkpoint;
  timeoutMs: number;
  /** Poll interval (default 10 ms). */
  everyMs?: number;
  /** Called before each poll, e.g. to wake an in-process runner that is sleeping. */
  nudge?: () => void;
}

/**
 * Read-your-writes: polls the stored checkpoints until each named projection has applied the log up
 * to `target`, the position a write answered with. Reads the database, not a runner's memory, so it
 * works in an API process while a separate worker runs the projections. Resolves false on timeout.
 */
export async function waitForProjections(options: WaitForProjectionsOptions): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    options.nudge?.();
    // Before the runner's first start the read schema does not exist yet: that is "not reached".
    const stored = await readCheckpoints(options.db, options.schema).catch(() => new Map());
    const reached = options.names.every(
      (name) => stored.has(name) && isAtOrAfter(stored.get(name)!.checkpoint, options.target),
    );
    if (reached) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 10));
  }
}
