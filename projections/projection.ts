/**
 * The projection contract. A projection is a folder under `projections/` with its schema (DDL), a
 * pure `evolve` that turns one stored event into row operations, and a spec. The runner
 * (`projections/runner/`) reads the global log in commit order, collects the operations of a batch,
 * applies them and stores the checkpoint in the same transaction.
 *
 * Determinism (SPEC §1): `evolve` sees only the event; no clock, no randomness, no iteration-order
 * dependence. Idempotency: applying an event twice must change nothing, which the operation kinds
 * below guarantee when keys are chosen from the event (its id, or a business id) and merges are
 * idempotent (`least`, `greatest`, `newer`).
 */

/** An event as projections see it: the store's RecordedEvent, already upcast. */
export interface ProjectedEvent {
  eventId: string;
  type: string;
  streamId: string;
  streamRevision: number;
  globalPosition: bigint;
  transactionId: bigint;
  occurredAt: string;
  recordedAt: string;
  data: { [key: string]: unknown };
  /** Empty (`{}`) unless a projection of the runner declares `readsMetadata`. */
  metadata: { [key: string]: unknown };
}

export type Row = { [column: string]: string | number | boolean | null | string[] };

/**
 * How an upsert combines an incoming column value with the stored one:
 * - `keep`: the first value written stays (insert-only column);
 * - `replace`: the incoming value wins only when the incoming operation's `position` is newer
 *   than the row's `position` column (so a replayed older event cannot undo a newer one);
 * - `least` / `greatest`: SQL LEAST/GREATEST (first/last occurrence times, maxima).
 */
export type Merge = 'keep' | 'replace' | 'least' | 'greatest';

export type RowOp =
  /** Insert a row; a row with the same key already present is left as it is. */
  | { kind: 'insert'; table: string; key: string[]; row: Row }
  /**
   * Insert or merge into the row with the same key. The row must have a `position` column
   * (text, the event's `globalPosition`) when any column merges with `replace`.
   */
  | { kind: 'upsert'; table: string; key: string[]; row: Row; merge: { [column: string]: Merge } };

export interface Projection {
  /** Stable name: the checkpoint key and the prefix of its tables (`partner_balances`). */
  readonly name: string;
  /** Bump when the schema or evolve changes meaning; the runner then rebuilds it from the log. */
  readonly version: number;
  /** The tables it owns (unqualified), for rebuild, verify checksums and drop. */
  readonly tables: readonly string[];
  /** CREATE TABLE / CREATE INDEX statements for `schema` (one statement per string). */
  ddl(schema: string): string[];
  /**
   * Tables (of `tables`) whose every row one event inserts, keyed by that event's `event_id` (with
   * columns of its own, such as a line number, beside it): no two events ever write the same row.
   * A rebuild fills them without their primary key, with COPY (PostgreSQL) or plain INSERTs, and
   * adds the key once at the end. The runner holds each operation to this promise, and adding the
   * key would fail on duplicate rows.
   */
  readonly eventKeyedTables?: readonly string[];
  /**
   * Whether `evolve` reads the events' metadata. None does today: the runner then reads the log
   * without it (`ReadAllOptions.metadata`), and projected events carry `metadata: {}`.
   */
  readonly readsMetadata?: boolean;
  /** Event types it reacts to; the runner skips the others without calling evolve. */
  readonly eventTypes: readonly string[];
  /** Pure: the row operations one event implies. */
  evolve(event: ProjectedEvent): RowOp[];
}
