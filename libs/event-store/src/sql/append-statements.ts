import { qualified } from './sql-client';

/**
 * The SQL of one append, built once per schema. Whatever the batch size, an append is one write
 * statement (its own transaction) when this process knows the stream's head, and one
 * {@link AppendStatements.readHead} before it when it does not.
 */
export interface AppendStatements {
  /**
   * The stream head, the command record and the owners of the lookup keys, read together (no
   * lock). Params: stream id, command id (or null), JSON array of keys. The keys are looked up as
   * `= ANY (ARRAY(…))`, not `IN (SELECT …)`: a generic plan made while `stream_keys` was nearly
   * empty hashed the whole table for the latter and kept doing so as it grew, where nothing runs
   * ANALYZE (88,583 scans, 4.3 billion rows read in the demo's first 300,000 events).
   */
  readHead: string;
  /**
   * Creates the head of a new stream and writes the batch, or writes nothing when the stream was
   * created meanwhile. Params: see {@link WriteParams}.
   */
  writeNewStream: string;
  /**
   * Moves the head of an existing stream from the revision and hash that were read, and writes
   * the batch; writes nothing when the head moved meanwhile (compare-and-set). Params: see
   * {@link WriteParams}, then the revision and hash that were read.
   */
  writeExistingStream: string;
  /** The event ids a stored command appended. Params: its transaction id, its stream id. */
  eventIdsOfCommand: string;
}

/**
 * Parameters of both write statements, in `$n` order: stream id, JSON rows, recordedAt, new head
 * revision, new head hash, command id, input hash, result JSON (the command's three null when
 * there is no command), JSON array of keys to claim.
 */
export type WriteParams = [
  streamId: string,
  rowsJson: string,
  recordedAt: string,
  nextRevision: number,
  lastHash: string,
  commandId: string | null,
  inputHash: string | null,
  resultJson: string | null,
  keysJson: string,
];

export function appendStatements(schema: string): AppendStatements {
  const streams = qualified(schema, 'streams');
  const commands = qualified(schema, 'commands');
  const keys = qualified(schema, 'stream_keys');
  return {
    readHead: `
      SELECT s.revision, s.last_hash, s.last_recorded_at,
        c.input_hash, c.result, c.stream_id AS command_stream_id, c.next_expected_revision,
        c.transaction_id::text AS command_transaction_id, c.last_position::text AS command_last_position,
        (SELECT json_agg(json_build_object('key', k.key, 'streamId', k.stream_id))
           FROM ${keys} k WHERE k.key = ANY (ARRAY(SELECT jsonb_array_elements_text($3::jsonb)))) AS key_owners
      FROM (SELECT 1) AS one
      LEFT JOIN ${streams} s ON s.stream_id = $1::text
      LEFT JOIN ${commands} c ON c.command_id = $2::text`,
    eventIdsOfCommand: `
      SELECT e.event_id::text AS event_id FROM ${qualified(schema, 'events')} e
      WHERE e.transaction_id = $1::xid8 AND e.stream_id = $2::text ORDER BY e.global_position`,
    writeNewStream: writeBatch(
      schema,
      `INSERT INTO ${streams} (stream_id, revision, last_hash, last_recorded_at)
       VALUES ($1::text, $4::integer, $5::text, $3::text)
       ON CONFLICT (stream_id) DO NOTHING RETURNING 1`,
    ),
    writeExistingStream: writeBatch(
      schema,
      `UPDATE ${streams} SET revision = $4::integer, last_hash = $5::text, last_recorded_at = $3::text
       WHERE stream_id = $1::text AND revision = $10::integer AND last_hash = $11::text RETURNING 1`,
    ),
  };
}

/**
 * One statement, hence one transaction: the head move gates everything else. When it touched no
 * row, no event, command record or key is written and the checkpoint comes back null. A
 * concurrent claim of the same command id or key aborts the statement with a unique violation.
 */
function writeBatch(schema: string, moveHead: string): string {
  const events = qualified(schema, 'events');
  const commands = qualified(schema, 'commands');
  const keys = qualified(schema, 'stream_keys');
  return `
    WITH head AS (${moveHead}),
    ev AS (
      INSERT INTO ${events}
        (event_id, stream_id, stream_revision, type, occurred_at, recorded_at, data, metadata, schema_version)
      SELECT r.event_id, $1::text, r.stream_revision, r.type, r.occurred_at, $3::text, r.data, r.metadata,
        r.schema_version
      FROM jsonb_to_recordset($2::jsonb) AS r(event_id uuid, stream_revision integer, type text,
        occurred_at text, data jsonb, metadata jsonb, schema_version integer)
      WHERE EXISTS (SELECT 1 FROM head)
      ORDER BY r.stream_revision
      RETURNING global_position),
    last AS (SELECT max(global_position) AS global_position FROM ev),
    cmd AS (
      INSERT INTO ${commands} (command_id, stream_id, input_hash, result,
        next_expected_revision, last_position, recorded_at)
      SELECT $6::text, $1::text, $7::text, $8::jsonb, $4::integer, last.global_position, $3::text
      FROM last WHERE last.global_position IS NOT NULL AND $6::text IS NOT NULL),
    claimed AS (
      INSERT INTO ${keys} (key, stream_id)
      SELECT k, $1::text FROM jsonb_array_elements_text($9::jsonb) AS k WHERE EXISTS (SELECT 1 FROM head))
    SELECT pg_current_xact_id()::text AS transaction_id, global_position::text AS global_position FROM last`;
}

/** A row of {@link AppendStatements.readHead}: every column null where nothing was found. */
export interface HeadRow {
  revision: number | null;
  last_hash: string | null;
  last_recorded_at: string | null;
  input_hash: string | null;
  result: Record<string, unknown> | null;
  command_stream_id: string | null;
  next_expected_revision: number | null;
  command_transaction_id: string | null;
  command_last_position: string | null;
  key_owners: { key: string; streamId: string }[] | null;
}
