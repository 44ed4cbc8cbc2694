import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { ident } from './apply-statements';

export interface TableDifference {
  table: string;
  /** Rows (counted with multiplicity) in the first schema and not in the second. */
  onlyInFirst: number;
  onlyInSecond: number;
}

/**
 * Compares the same tables in two read schemas row for row, for `ledger verify`: replay the log
 * into a scratch schema, then compare it with the live one. Both should have applied the log up to
 * the same checkpoint (compare their `projection_checkpoints` first); an empty answer means identical.
 */
export async function diffReadModels(
  db: SqlQueryable,
  first: string,
  second: string,
  tables: readonly string[],
): Promise<TableDifference[]> {
  const differences: TableDifference[] = [];
  for (const table of tables) {
    const a = `${ident(first)}.${ident(table)}`;
    const b = `${ident(second)}.${ident(table)}`;
    const [row] = await db.query<{ only_first: number; only_second: number }>(
      `SELECT (SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b}) x)::int AS only_first,
              (SELECT count(*) FROM (SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a}) y)::int AS only_second`,
    );
    const onlyInFirst = Number(row?.only_first ?? 0);
    const onlyInSecond = Number(row?.only_second ?? 0);
    if (onlyInFirst > 0 || onlyInSecond > 0) differences.push({ table, onlyInFirst, onlyInSecond });
  }
  return differences;
}
