import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';

/**
 * The rows of the money read models without the columns that say when the ledger recorded a fact
 * (`recorded_at`, `position`): two ledgers that received the same facts in another order must agree
 * on everything else. Sorted, so the comparison ignores row order too.
 */
export async function moneyRowsWithoutArrival(
  db: SqlQueryable,
  schema: string,
): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const table of ['commission_lines', 'commission_adjustments', 'journal_lines']) {
    const found = await db.query<{ row: string }>(
      `SELECT (to_jsonb(t) - 'recorded_at' - 'position')::text AS row FROM "${schema}"."${table}" t ORDER BY 1`,
    );
    rows[table] = found.map((r) => r.row);
  }
  return rows;
}
