import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { PARTNER_HOLD_EVENTS } from './partner-holds.projection';

/** A point in the ledger's history: business time `asOf`, as the ledger knew it at `knownAt`. */
export interface PointInTime {
  /** ISO-8601 UTC with milliseconds, as the ledger stores instants. */
  asOf: string;
  knownAt: string;
}

/**
 * Whether the partner's commissions were frozen at `asOf`, as known at `knownAt`: from its removal
 * on, always (a removed partner is paid nothing, docs/decisions.md "Payouts"); otherwise the last
 * hold or release in business time decides, equal instants going to the later arrival.
 */
export async function isHeldAt(
  db: SqlQueryable,
  schema: string,
  partnerId: string,
  at: PointInTime,
): Promise<boolean> {
  const [row] = await db.query<{ held: boolean }>(`SELECT (${heldAtSql(schema)}) AS held`, [
    partnerId,
    at.asOf,
    at.knownAt,
  ]);
  return row?.held === true;
}

/** The hold test as a boolean SQL expression over `$1` partner id, `$2` asOf, `$3` knownAt. */
export function heldAtSql(schema: string): string {
  const holds = `"${schema}"."${PARTNER_HOLD_EVENTS}"`;
  return `(EXISTS (SELECT 1 FROM ${holds}
      WHERE partner_id = $1 AND kind = 'removed' AND occurred_at <= $2 AND recorded_at <= $3)
    OR COALESCE((SELECT kind = 'held' FROM ${holds}
      WHERE partner_id = $1 AND kind IN ('held', 'released') AND occurred_at <= $2 AND recorded_at <= $3
      ORDER BY occurred_at DESC, position DESC LIMIT 1), false))`;
}
