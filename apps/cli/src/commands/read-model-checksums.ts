import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { ident } from '@ledger/projections/runner/apply-statements';

/** A row's columns as text, exactly as PostgreSQL prints them (numeric scale included); null for SQL NULL. */
export type RowText = Record<string, string | null>;

/**
 * One row that is not the same in the live read model and in the replay:
 * - `changed`: the row with this key exists in both, with different values (`columns` says which);
 * - `only_live`: the live table has a row the replay does not produce (or has it more often);
 * - `only_replayed`: the replay produces a row the live table lacks.
 */
export interface RowDifference {
  table: string;
  /** The primary key columns and their values (the whole row when the table has no primary key). */
  key: RowText;
  kind: 'changed' | 'only_live' | 'only_replayed';
  columns: string[];
  live: RowText | null;
  replayed: RowText | null;
}

export interface TableComparison {
  table: string;
  liveRows: number;
  replayedRows: number;
  /** Rows (by primary key) whose checksum is not the same in both schemas, or that only one has. */
  differingRows: number;
}

export interface ReadModelComparison {
  tables: TableComparison[];
  /** At most `maxShown` per table, in key order. */
  differences: RowDifference[];
}

/**
 * Compares each table of two read schemas by row-level checksums: the md5 of every row's JSON text,
 * keyed by the row's primary key. Text, not values, is compared, so `10.1` and `10.10` differ: a
 * statement prints one or the other. For the rows that differ, it reads them back from both sides to
 * show the key and the values live against replayed.
 */
export async function compareReadModels(
  db: SqlQueryable,
  live: string,
  replayed: string,
  tables: readonly string[],
  options: { maxShown?: number } = {},
): Promise<ReadModelComparison> {
  const comparison: ReadModelComparison = { tables: [], differences: [] };
  for (const table of tables) {
    const compared = await compareTable(db, { live, replayed, table }, options.maxShown ?? 20);
    comparison.tables.push(compared.table);
    comparison.differences.push(...compared.differences);
  }
  return comparison;
}

async function compareTable(
  db: SqlQueryable,
  where: { live: string; replayed: string; table: string },
  maxShown: number,
): Promise<{ table: TableComparison; differences: RowDifference[] }> {
  const { live, replayed, table } = where;
  const keyColumns = await primaryKeyOf(db, live, table);
  const keyText = keyExpression(keyColumns);
  const [counts] = await db.query<{ live: string; replayed: string }>(
    `SELECT (SELECT count(*) FROM ${ident(live)}.${ident(table)})::text AS live,
            (SELECT count(*) FROM ${ident(replayed)}.${ident(table)})::text AS replayed`,
  );
  const mismatches = await checksumMismatches(db, live, replayed, table, keyText, maxShown);
  const comparison = {
    table,
    liveRows: Number(counts?.live ?? 0),
    replayedRows: Number(counts?.replayed ?? 0),
    differingRows: mismatches.total,
  };
  if (mismatches.total === 0) return { table: comparison, differences: [] };
  const keys = [...mismatches.keys.keys()].slice(0, maxShown);
  const liveRows = await rowsByKey(db, live, table, keyText, keys);
  const replayedRows = await rowsByKey(db, replayed, table, keyText, keys);
  const differences = keys
    .map((k) =>
      difference(table, keyColumns, {
        live: liveRows.get(k) ?? null,
        replayed: replayedRows.get(k) ?? null,
        liveHasMore: mismatches.keys.get(k)!.liveHasMore,
      }),
    )
    .filter((d): d is RowDifference => d !== null);
  return { table: comparison, differences };
}

/**
 * The keys whose (key, checksum) pairs occur a different number of times in the two schemas, in key
 * order, and how many keys differ in all (a changed row has two checksums under one key).
 * `liveHasMore` tells the side of a surplus row of a table without a primary key.
 */
async function checksumMismatches(
  db: SqlQueryable,
  live: string,
  replayed: string,
  table: string,
  keyText: string,
  maxShown: number,
): Promise<{ total: number; keys: Map<string, { liveHasMore: boolean }> }> {
  const sums = (schema: string) =>
    `SELECT ${keyText} AS k, md5(to_jsonb(t)::text) AS h, count(*)::int AS n
       FROM ${ident(schema)}.${ident(table)} t GROUP BY 1, 2`;
  const rows = await db.query<{ k: string; live_more: boolean; total: string }>(
    `WITH l AS (${sums(live)}), r AS (${sums(replayed)}),
          d AS (SELECT COALESCE(l.k, r.k) AS k, COALESCE(l.h, r.h) AS h,
                       COALESCE(l.n, 0) AS ln, COALESCE(r.n, 0) AS rn
                  FROM l FULL JOIN r ON l.k = r.k AND l.h = r.h
                 WHERE l.n IS DISTINCT FROM r.n)
     SELECT k, ln > rn AS live_more, (SELECT count(DISTINCT k) FROM d)::text AS total
       FROM d ORDER BY k, h LIMIT $1`,
    [maxShown * 2],
  );
  const keys = new Map<string, { liveHasMore: boolean }>();
  for (const row of rows) if (!keys.has(row.k)) keys.set(row.k, { liveHasMore: row.live_more });
  return { total: Number(rows[0]?.total ?? 0), keys };
}

/** The first row with each of `keys`, its columns as text. */
async function rowsByKey(
  db: SqlQueryable,
  schema: string,
  table: string,
  keyText: string,
  keys: readonly string[],
): Promise<Map<string, RowText>> {
  const rows = await db.query<{ k: string; row: string }>(
    `SELECT ${keyText} AS k,
            (SELECT jsonb_object_agg(c.key, c.value) FROM jsonb_each_text(to_jsonb(t)) c)::text AS row
       FROM ${ident(schema)}.${ident(table)} t
      WHERE ${keyText} IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(keys)],
  );
  const found = new Map<string, RowText>();
  for (const row of rows) if (!found.has(row.k)) found.set(row.k, JSON.parse(row.row) as RowText);
  return found;
}

function difference(
  table: string,
  keyColumns: readonly string[],
  found: { live: RowText | null; replayed: RowText | null; liveHasMore: boolean },
): RowDifference | null {
  const { live, replayed } = found;
  const either = live ?? replayed;
  if (either === null) return null;
  const key = keyColumns.length === 0 ? either : pick(either, keyColumns);
  if (live === null) return { table, key, kind: 'only_replayed', columns: [], live, replayed };
  if (replayed === null) return { table, key, kind: 'only_live', columns: [], live, replayed };
  const names = [...new Set([...Object.keys(live), ...Object.keys(replayed)])];
  const columns = names.filter((name) => (live[name] ?? null) !== (replayed[name] ?? null));
  if (columns.length > 0) return { table, key, kind: 'changed', columns, live, replayed };
  // Same key, same text: a table without a primary key holds the row more often on one side.
  return found.liveHasMore
    ? { table, key, kind: 'only_live', columns, live, replayed: null }
    : { table, key, kind: 'only_replayed', columns, live: null, replayed };
}

function pick(row: RowText, columns: readonly string[]): RowText {
  return Object.fromEntries(columns.map((column) => [column, row[column] ?? null]));
}

/** The row's identity as text: its primary key columns, or the whole row when it has none. */
function keyExpression(keyColumns: readonly string[]): string {
  if (keyColumns.length === 0) return 'to_jsonb(t)::text';
  const pairs = keyColumns.map((column) => `'${column}', t.${ident(column)}`).join(', ');
  return `jsonb_build_object(${pairs})::text`;
}

async function primaryKeyOf(db: SqlQueryable, schema: string, table: string): Promise<string[]> {
  const rows = await db.query<{ column: string }>(
    `SELECT a.attname AS column
       FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])
      WHERE i.indrelid = $1::regclass AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [`${ident(schema)}.${ident(table)}`],
  );
  return rows.map((row) => row.column);
}
