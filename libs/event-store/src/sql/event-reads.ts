import { InvalidAppendError } from '../errors';
import {
  START,
  type Checkpoint,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ReadStreamsOptions,
} from '../port';
import { isIsoInstant } from '../append-validation';
import { checkpointOf, checkpointParams, eventColumns, type EventRow } from './event-rows';
import { qualified, type SqlQueryable } from './sql-client';

/**
 * Only transactions older than every one still running: a row of a transaction that commits
 * later can then never appear behind a checkpoint a reader already passed. Queries alias the
 * events table `e` and order by `e.` columns: a bare name in ORDER BY would pick the select
 * list's text-cast alias of the same name and sort positions as strings.
 */
const VISIBLE = `e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())`;

/*
 * Reads of the events table are never named prepared statements. PostgreSQL would plan one once,
 * generically, while a new ledger's log is still nearly empty, find a sequential scan cheapest and
 * keep it as the log grows: every command then scanned the whole log (seen in the commands bench,
 * one sequential scan of `events` per command). Planned per execution, with the table's current
 * size, they keep to the (stream_id, stream_revision) and (transaction_id, global_position) indexes;
 * planning these one-table queries costs far less than one scan.
 */

/**
 * A stream's rows in revision order. Streams are read with plain READ COMMITTED visibility, not
 * the global log's horizon: a command handler must see its own stream's latest commit at once.
 */
export async function readStreamRows(
  db: SqlQueryable,
  schema: string,
  streamId: string,
  options: ReadStreamOptions,
): Promise<EventRow[]> {
  const fromRevision = options.fromRevision ?? 0;
  if (!Number.isSafeInteger(fromRevision) || fromRevision < 0) {
    throw new InvalidAppendError('fromRevision', 'must be a revision >= 0');
  }
  const maxCount = options.maxCount ?? null;
  if (maxCount !== null && (!Number.isSafeInteger(maxCount) || maxCount < 0)) {
    throw new InvalidAppendError('maxCount', 'must be a count >= 0');
  }
  return db.query<EventRow>(
    `SELECT ${eventColumns('e')} FROM ${qualified(schema, 'events')} e
     WHERE e.stream_id = $1 AND e.stream_revision >= $2 AND ($3::text IS NULL OR e.recorded_at <= $3::text)
     ORDER BY e.stream_revision LIMIT $4`,
    [streamId, Math.min(fromRevision, 2_147_483_647), knownAtParam(options), maxCount],
  );
}

/**
 * The rows of several streams in one statement, ordered by stream and then revision: the unique
 * (stream_id, stream_revision) index yields them in that order, one index descent per stream.
 * Same visibility as {@link readStreamRows}.
 */
export async function readStreamsRows(
  db: SqlQueryable,
  schema: string,
  streamIds: readonly string[],
  options: ReadStreamsOptions,
): Promise<EventRow[]> {
  const knownAt = knownAtParam(options);
  if (streamIds.length === 0) return [];
  return db.query<EventRow>(
    `SELECT ${eventColumns('e')} FROM ${qualified(schema, 'events')} e
     WHERE e.stream_id = ANY($1::text[]) AND ($2::text IS NULL OR e.recorded_at <= $2::text)
     ORDER BY e.stream_id, e.stream_revision`,
    [[...new Set(streamIds)], knownAt],
  );
}

/**
 * `knownAt` as the stored form of recordedAt, or null. That form is fixed-width UTC, so text order
 * is time order; it never decreases along a stream, so filtering by it keeps a prefix of each.
 */
function knownAtParam(options: ReadStreamsOptions): string | null {
  if (options.knownAt === undefined) return null;
  if (!isIsoInstant(options.knownAt)) {
    throw new InvalidAppendError('knownAt', 'must be an ISO-8601 instant with Z or an offset');
  }
  return new Date(options.knownAt).toISOString();
}

/** A page of the global log in commit order, strictly after `options.after`. */
export async function readLogRows(
  db: SqlQueryable,
  schema: string,
  options: ReadAllOptions,
): Promise<{ rows: EventRow[]; after: Checkpoint }> {
  const after = options.after ?? START;
  const limit = Math.max(1, Math.min(Math.floor(options.limit ?? 1000), 10_000));
  const rows = await db.query<EventRow>(
    `SELECT ${eventColumns('e', options.metadata ?? true)} FROM ${qualified(schema, 'events')} e
     WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint) AND ${VISIBLE}
     ORDER BY e.transaction_id, e.global_position LIMIT $3`,
    [...checkpointParams(after), limit],
  );
  return { rows, after };
}

/** The checkpoint of the last event readers can see now, START when there is none. */
export async function visibleHead(db: SqlQueryable, schema: string): Promise<Checkpoint> {
  const [row] = await db.query<{ transaction_id: string; global_position: string }>(
    `SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position
     FROM ${qualified(schema, 'events')} e WHERE ${VISIBLE}
     ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
  );
  return row ? checkpointOf(row.transaction_id, row.global_position) : START;
}

/**
 * The last event committed so far, visible to readers of the global log or not yet (an older
 * transaction may still be open). What a reader must wait for to include every write that was
 * acknowledged before it asked: readers reach it once those older transactions end.
 */
export async function lastCommitted(db: SqlQueryable, schema: string): Promise<Checkpoint> {
  const [row] = await db.query<{ transaction_id: string; global_position: string }>(
    `SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position
     FROM ${qualified(schema, 'events')} e
     ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
  );
  return row ? checkpointOf(row.transaction_id, row.global_position) : START;
}
