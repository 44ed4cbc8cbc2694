import type { Checkpoint, EventStore } from '@ledger/event-store/port';
import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { formatPositionToken, isAtOrAfter } from './checkpoint';
import { readCheckpoints } from './read-schema';

export interface ProjectionStatus {
  name: string;
  /** The position token the projection has applied the log up to; null before its first run. */
  position: string | null;
  version: number | null;
  /** True when it has applied every event readable at the time of the check. */
  caughtUp: boolean;
  /**
   * How far behind the head it is, in global positions: 0 when caught up, else at least 1. An
   * upper bound of the events still to apply, since a rolled-back transaction leaves its sequence
   * numbers unused.
   */
  lag: number;
}

/**
 * Where each projection stands against the head of the log, for `/health`, `/metrics` and
 * operators: a projection that stays behind means reads are stale (or its runner is down).
 */
export async function projectionStatus(
  store: Pick<EventStore, 'headCheckpoint'>,
  db: SqlQueryable,
  schema: string,
  names: readonly string[],
): Promise<{ head: string; projections: ProjectionStatus[] }> {
  const head = await store.headCheckpoint();
  const stored = await readCheckpoints(db, schema).catch(() => new Map());
  return {
    head: formatPositionToken(head),
    projections: names.map((name) => {
      const found = stored.get(name);
      const caughtUp = found !== undefined && isAtOrAfter(found.checkpoint, head);
      return {
        name,
        position: found ? formatPositionToken(found.checkpoint) : null,
        version: found ? found.version : null,
        caughtUp,
        lag: caughtUp ? 0 : lagBehind(head, found?.checkpoint),
      };
    }),
  };
}

/**
 * Positions between a checkpoint and the head. Commit order puts a checkpoint of an older
 * transaction behind the head even when its sequence number is larger, hence the floor of 1. An
 * empty log leaves nothing to apply, even for a projection that never ran.
 */
function lagBehind(head: Checkpoint, reached: Checkpoint | undefined): number {
  if (head.globalPosition === 0n) return 0;
  const behind = head.globalPosition - (reached?.globalPosition ?? 0n);
  return behind > 0n ? Number(behind) : 1;
}
