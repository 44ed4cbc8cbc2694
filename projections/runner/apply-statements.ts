import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { effectiveMerge, type OpGroup } from './row-op-batch';

/** One group of a batch, ready to send: its statement and its rows as one JSON text. */
export interface GroupStatement {
  table: string;
  sql: string;
  rowsJson: string;
  rowCount: number;
}

/**
 * One statement per group of a batch: the rows travel as one JSON array and are expanded into the
 * table's own row type by `json_populate_recordset`, so decimal strings land in numeric columns
 * exactly and no column types are repeated here. (`json`, not `jsonb`: the text is read once, as it
 * is, instead of being converted to jsonb first, which costs about a sixth more on big pages.) The merge rules of `projection.ts` become the
 * ON CONFLICT clause, so a stored row merges exactly as two rows of one batch merged in memory.
 */
export function applyStatement(schema: string, group: OpGroup): string {
  const table = `${ident(schema)}.${ident(group.table)}`;
  const columns = group.columns.map(ident).join(', ');
  const target = group.key.map(ident).join(', ');
  const insert = `INSERT INTO ${table} AS t (${columns})
    SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json)`;
  if (group.kind === 'insert') return `${insert} ON CONFLICT (${target}) DO NOTHING`;

  const merged = group.columns.flatMap((column) => {
    const value = mergedValue(column, group);
    return value === null ? [] : [{ column: ident(column), value }];
  });
  if (merged.length === 0) return `${insert} ON CONFLICT (${target}) DO NOTHING`;
  // Most upserts of a replay change nothing (a later event rarely moves a LEAST or an older
  // position): skipping those rows spares a new row version and its index entries. The values are
  // compared as text, so an update that would only change how a number is written still happens.
  const before = merged.map(({ column }) => `t.${column}::text`).join(', ');
  const after = merged.map(({ value }) => `(${value})::text`).join(', ');
  return `${insert} ON CONFLICT (${target}) DO UPDATE SET ${merged
    .map(({ column, value }) => `${column} = ${value}`)
    .join(', ')}
    WHERE ROW(${before}) IS DISTINCT FROM ROW(${after})`;
}

/** The SQL value of a merged column, or null for a column that keeps what is stored. */
function mergedValue(column: string, group: OpGroup): string | null {
  const c = ident(column);
  switch (effectiveMerge(column, group)) {
    case 'keep':
      return null;
    case 'least':
      return `LEAST(t.${c}, EXCLUDED.${c})`;
    case 'greatest':
      return `GREATEST(t.${c}, EXCLUDED.${c})`;
    case 'replace':
      // A replayed older event must not undo a newer one: the newer position wins.
      return `CASE WHEN EXCLUDED."position"::numeric > COALESCE(t."position"::numeric, -1) THEN EXCLUDED.${c} ELSE t.${c} END`;
  }
}

/** Builds each group's statement and serialises its rows (CPU work that needs no connection). */
export function groupStatements(schema: string, groups: readonly OpGroup[]): GroupStatement[] {
  return groups.map((group) => ({
    table: group.table,
    sql: statementFor(schema, group),
    rowsJson: JSON.stringify(group.rows),
    rowCount: group.rows.length,
  }));
}

const statements = new Map<string, string>();

/** Statements depend only on the group's shape, which repeats page after page. */
function statementFor(schema: string, group: OpGroup): string {
  const shape = `${schema}\u0001${group.table}\u0001${group.kind}\u0001${group.key.join(',')}\u0001${group.columns.join(',')}\u0001${JSON.stringify(group.merge)}`;
  let sql = statements.get(shape);
  if (sql === undefined) {
    sql = applyStatement(schema, group);
    if (statements.size > 10_000) statements.clear();
    statements.set(shape, sql);
  }
  return sql;
}

/** Runs the statements in order; `onStatement` hears how long each took (for timings). */
export async function sendStatements(
  tx: SqlQueryable,
  prepared: readonly GroupStatement[],
  onStatement?: (statement: GroupStatement, ms: number) => void,
): Promise<void> {
  for (const statement of prepared) {
    const started = onStatement ? performance.now() : 0;
    await tx.query(statement.sql, [statement.rowsJson]);
    onStatement?.(statement, performance.now() - started);
  }
}

/**
 * Table and column names come from projection code, never from input; they are still checked, since
 * they are spliced into SQL text.
 */
export function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new Error(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}
