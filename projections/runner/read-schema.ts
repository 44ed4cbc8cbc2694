import { START, type Checkpoint } from '@ledger/event-store/port';
import type { SqlClient, SqlQueryable } from '@ledger/event-store/sql/sql-client';
import type { Projection } from '../projection';
import { ident } from './apply-statements';
import {
  orderOfSqlType,
  type ColumnOrder,
  type ColumnOrders,
  type ColumnTypes,
} from './row-op-batch';

/**
 * The read schema's bookkeeping: one checkpoint row per projection, `(name, version,
 * transaction_id, global_position)`, written in the same transaction as the projection's rows, so
 * a restart resumes exactly after the last applied event.
 */
export const CHECKPOINTS_TABLE = 'projection_checkpoints';

export interface ProjectionCheckpoint {
  version: number;
  checkpoint: Checkpoint;
}

/** The default read schema of a store schema: `ledger` → `ledger_read`. */
export function readSchemaFor(storeSchema: string): string {
  return `${storeSchema}_read`;
}

export async function ensureReadSchema(db: SqlClient, schema: string): Promise<void> {
  await db.transaction(async (tx) => {
    // Two processes starting at once must not both create the schema.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1), 1)`, [schema]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${ident(schema)}.${ident(CHECKPOINTS_TABLE)} (
        name text PRIMARY KEY,
        version integer NOT NULL,
        transaction_id numeric(20, 0) NOT NULL,
        global_position bigint NOT NULL)`,
    );
  });
}

export async function readCheckpoints(
  db: SqlQueryable,
  schema: string,
): Promise<Map<string, ProjectionCheckpoint>> {
  const rows = await db.query<{
    name: string;
    version: number;
    transaction_id: string;
    global_position: string;
  }>(
    `SELECT name, version, transaction_id::text AS transaction_id, global_position::text AS global_position
     FROM ${ident(schema)}.${ident(CHECKPOINTS_TABLE)}`,
  );
  return new Map(
    rows.map((row) => [
      row.name,
      {
        version: Number(row.version),
        checkpoint: {
          transactionId: BigInt(row.transaction_id),
          globalPosition: BigInt(row.global_position),
        },
      },
    ]),
  );
}

/**
 * Drops the projection's tables, creates them afresh and sets its checkpoint to the start of the log.
 *
 * With `deferIndexes`, plain (non-unique) indexes are left out and returned, to be created once the
 * replay is done: filling a table and then indexing it is much faster than maintaining the index row
 * by row. So is the primary key of each of the projection's `eventKeyedTables`, which the replay
 * fills with COPY or plain INSERTs (no two events write the same row). Until {@link finishRebuild}
 * runs, the stored version is 0, which no projection has: if the process dies mid-replay, the next
 * start sees a version mismatch and rebuilds the projection again, with every key.
 */
export async function recreateProjection(
  tx: SqlQueryable,
  schema: string,
  projection: Projection,
  options: { deferIndexes?: boolean } = {},
): Promise<string[]> {
  for (const table of projection.tables)
    await tx.query(`DROP TABLE IF EXISTS ${ident(schema)}.${ident(table)} CASCADE`);
  const deferred: string[] = [];
  for (const statement of projection.ddl(schema)) {
    if (options.deferIndexes && /^\s*CREATE\s+INDEX\b/i.test(statement)) deferred.push(statement);
    else await tx.query(statement);
  }
  if (options.deferIndexes) {
    // Added back first: duplicate rows (a broken promise) then fail before the other indexes are built.
    const keys: string[] = [];
    for (const table of projection.eventKeyedTables ?? [])
      keys.push(await dropPrimaryKey(tx, schema, table));
    deferred.unshift(...keys);
  }
  await tx.query(
    `INSERT INTO ${ident(schema)}.${ident(CHECKPOINTS_TABLE)} (name, version, transaction_id, global_position)
     VALUES ($1, $2, $3::numeric, $4::bigint)
     ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, transaction_id = EXCLUDED.transaction_id,
       global_position = EXCLUDED.global_position`,
    [
      projection.name,
      options.deferIndexes ? 0 : projection.version,
      START.transactionId.toString(),
      START.globalPosition.toString(),
    ],
  );
  return deferred;
}

/** Drops the table's primary key; returns the statement that adds it back as it was. */
async function dropPrimaryKey(tx: SqlQueryable, schema: string, table: string): Promise<string> {
  const t = `${ident(schema)}.${ident(table)}`;
  const [key] = await tx.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = $1::regclass AND contype = 'p'`,
    [t],
  );
  if (key === undefined) throw new Error(`event-keyed table ${table} has no primary key`);
  await tx.query(`ALTER TABLE ${t} DROP CONSTRAINT ${ident(key.name)}`);
  return `ALTER TABLE ${t} ADD CONSTRAINT ${ident(key.name)} ${key.definition}`;
}

/**
 * Creates the indexes a rebuild deferred, gathers the tables' statistics and marks the projection
 * complete at its version. Without statistics the planner would take the freshly filled tables for
 * empty ones until autovacuum came by, and the first queries could scan instead of using an index.
 */
export async function finishRebuild(
  tx: SqlQueryable,
  schema: string,
  projection: Projection,
  deferred: readonly string[],
): Promise<void> {
  for (const statement of deferred) await tx.query(statement);
  for (const table of projection.tables) await tx.query(`ANALYZE ${ident(schema)}.${ident(table)}`);
  await tx.query(
    `UPDATE ${ident(schema)}.${ident(CHECKPOINTS_TABLE)} SET version = $2 WHERE name = $1`,
    [projection.name, projection.version],
  );
}

/** The bytes each projection's tables and their indexes take on disk. */
export async function projectionBytes(
  db: SqlQueryable,
  schema: string,
  projections: readonly Projection[],
): Promise<Map<Projection, number>> {
  const tables = projections.flatMap((p) => p.tables);
  const rows = await db.query<{ name: string; bytes: string }>(
    `SELECT t AS name, pg_total_relation_size(format('%I.%I', $1::text, t)::regclass)::text AS bytes
       FROM jsonb_array_elements_text($2::jsonb) t`,
    [schema, JSON.stringify(tables)],
  );
  const byTable = new Map(rows.map((row) => [row.name, Number(row.bytes)]));
  return new Map(
    projections.map((p) => [p, p.tables.reduce((sum, t) => sum + (byTable.get(t) ?? 0), 0)]),
  );
}

export async function storeCheckpoint(
  tx: SqlQueryable,
  schema: string,
  names: readonly string[],
  checkpoint: Checkpoint,
): Promise<void> {
  await tx.query(
    `UPDATE ${ident(schema)}.${ident(CHECKPOINTS_TABLE)}
     SET transaction_id = $2::numeric, global_position = $3::bigint
     WHERE name IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [
      JSON.stringify(names),
      checkpoint.transactionId.toString(),
      checkpoint.globalPosition.toString(),
    ],
  );
}

/** What the runner needs to know of the read schema's columns, from their declared types. */
export interface ReadColumns {
  /** How each column orders, for in-memory merges. */
  orders: ColumnOrders;
  /** Each column's SQL type, for the casts of the statements that write it. */
  types: ColumnTypes;
}

export async function loadReadColumns(db: SqlQueryable, schema: string): Promise<ReadColumns> {
  const rows = await db.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    sql_type: string;
  }>(
    `SELECT c.relname AS table_name, a.attname AS column_name,
            format_type(a.atttypid, NULL) AS data_type, format_type(a.atttypid, a.atttypmod) AS sql_type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
    [schema],
  );
  const orders = new Map<string, ColumnOrder>();
  const types = new Map<string, string>();
  for (const row of rows) {
    const column = `${row.table_name}.${row.column_name}`;
    orders.set(column, orderOfSqlType(row.data_type));
    types.set(column, row.sql_type);
  }
  return {
    orders: (table, column) => orders.get(`${table}.${column}`) ?? 'text',
    types: (table, column) => types.get(`${table}.${column}`) ?? 'text',
  };
}

/**
 * Creates the read schema and rebuilds every projection that is new or whose version changed (its
 * tables recreated, its checkpoint back at the start of the log). Returns where each one stands.
 */
export async function prepareReadSchema(
  db: SqlClient,
  schema: string,
  projections: readonly Projection[],
): Promise<{ checkpoints: Map<string, Checkpoint>; columns: ReadColumns }> {
  await ensureReadSchema(db, schema);
  const stored = await readCheckpoints(db, schema);
  const stale = projections.filter((p) => stored.get(p.name)?.version !== p.version);
  if (stale.length > 0) {
    await db.transaction(async (tx) => {
      for (const projection of stale) await recreateProjection(tx, schema, projection);
    });
  }
  const checkpoints = new Map<string, Checkpoint>(
    projections.map((p) => [p.name, stale.includes(p) ? START : stored.get(p.name)!.checkpoint]),
  );
  return { checkpoints, columns: await loadReadColumns(db, schema) };
}
