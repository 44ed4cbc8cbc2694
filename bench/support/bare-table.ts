import { randomUUID } from 'node:crypto';
import type { SqlQueryable } from '@ledger/event-store/sql';
import type { AppendBatch } from './append-workload';

/**
 * The baseline of the append benchmark: the same rows written with plain multi-row INSERTs into a
 * table of the same columns, with a primary key and nothing else (no triggers, no unique
 * checks, no stream head, no command record, no hashing). What the store costs on top of that is
 * the price of its guarantees.
 */
export async function createBareTable(db: SqlQueryable, schema: string): Promise<string> {
  const table = `"${schema}"."bare_events"`;
  await db.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await db.query(`CREATE TABLE ${table} (
    global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    event_id uuid NOT NULL,
    stream_id text NOT NULL,
    stream_revision integer NOT NULL,
    type text NOT NULL,
    occurred_at text NOT NULL,
    recorded_at text NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    schema_version integer NOT NULL)`);
  return table;
}

const COLUMNS = 9;
const statements = new Map<string, string>();

/** `INSERT … VALUES ($1…$9), ($10…$18), …` for `rows` rows, built once per batch size. */
function insertSql(table: string, rows: number): string {
  const key = `${table}:${rows}`;
  let sql = statements.get(key);
  if (!sql) {
    const tuples = Array.from({ length: rows }, (_, r) => {
      const p = (c: number) => `$${r * COLUMNS + c}`;
      return `(${p(1)}::uuid, ${p(2)}, ${p(3)}::integer, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}::jsonb, ${p(8)}::jsonb, ${p(9)}::integer)`;
    });
    sql = `INSERT INTO ${table} (event_id, stream_id, stream_revision, type, occurred_at, recorded_at, data, metadata,
      schema_version) VALUES ${tuples.join(', ')}`;
    statements.set(key, sql);
  }
  return sql;
}

const PLACEHOLDER_HASH = 'f'.repeat(64);

/** One batch as one INSERT statement in its own (implicit) transaction: a single round trip. */
export async function insertBareBatch(
  db: SqlQueryable,
  table: string,
  batch: AppendBatch,
): Promise<void> {
  const recordedAt = new Date().toISOString();
  const firstRevision = batch.expected === 'no_stream' ? 0 : batch.expected + 1;
  const params: unknown[] = [];
  batch.events.forEach((event, i) => {
    const metadata = {
      ...event.metadata,
      schemaVersion: 1,
      hash: PLACEHOLDER_HASH,
      prevHash: PLACEHOLDER_HASH,
    };
    params.push(
      randomUUID(),
      batch.streamId,
      firstRevision + i,
      event.type,
      event.occurredAt,
      recordedAt,
      JSON.stringify(event.data),
      JSON.stringify(metadata),
      1,
    );
  });
  await db.query(insertSql(table, batch.events.length), params);
}
