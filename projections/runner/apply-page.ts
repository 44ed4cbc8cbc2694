import type { Checkpoint, ReadAllPage, RecordedEvent } from '@ledger/event-store/port';
import type { SqlClient } from '@ledger/event-store/sql/sql-client';
import type { ProjectedEvent, Projection, RowOp } from '../projection';
import { groupStatements, sendStatements, type GroupStatement } from './apply-statements';
import { compareCheckpoints } from './checkpoint';
import { storeCheckpoint } from './read-schema';
import { RowOpBatch, type ColumnOrders, type ColumnTypes } from './row-op-batch';
import type { StageTimings } from './stage-timings';

export interface PageTarget {
  db: SqlClient;
  schema: string;
  projections: readonly Projection[];
  /** Where each projection stands; updated once the page's transaction has committed. */
  checkpoints: Map<string, Checkpoint>;
  columnOrders: ColumnOrders;
  columnTypes: ColumnTypes;
  /**
   * Event-keyed tables a rebuild is filling without their primary key (see `recreateProjection`):
   * written with plain INSERTs (COPY on PostgreSQL), and every operation on them is held to the
   * projection's promise.
   */
  keylessTables?: ReadonlySet<string>;
  timings?: StageTimings;
}

/**
 * One page of the log turned into statements for some projections, ready to commit: nothing of it
 * has touched the database yet.
 */
export interface PreparedPage {
  statements: GroupStatement[];
  /** The projections whose checkpoint moves to `checkpoint` with this page. */
  advanced: string[];
  checkpoint: Checkpoint;
  events: number;
  /** Size of the rows sent, a measure of the work the database has to do for them. */
  bytes: number;
}

/**
 * Applying a page of the log has two halves. This is the CPU half, for `projections`: each one's
 * pure `evolve` for each event it has not applied yet, operations on one row merged in memory, and
 * one statement per table and kind with its rows serialised. It reads the checkpoints but does not
 * change them, so a page can be prepared while earlier ones commit: every event of a later page
 * lies after the earlier pages, so it passes the same "not applied yet" test either way.
 */
export function preparePage(
  target: PageTarget,
  page: ReadAllPage,
  projections: readonly Projection[],
): PreparedPage {
  const { checkpoints, timings, keylessTables } = target;
  const batch = new RowOpBatch(target.columnOrders);
  for (const projection of projections) {
    const started = performance.now();
    const after = checkpoints.get(projection.name)!;
    const interested = new Set(projection.eventTypes);
    for (const event of page.events) {
      // A projection rebuilt behind the others applies everything; one ahead skips what it has.
      if (interested.has(event.type) && compareCheckpoints(event, after) > 0) {
        for (const op of projection.evolve(asProjected(event))) {
          if (keylessTables?.has(op.table)) expectEventKeyed(op, event, projection);
          batch.add(op);
        }
      }
    }
    timings?.add(`evolve+merge:${projection.name}`, performance.now() - started);
  }
  const started = performance.now();
  const statements = groupStatements(
    target.schema,
    batch.groups(),
    target.columnTypes,
    keylessTables,
    target.db.dialect === 'postgres',
  );
  timings?.add('group+serialize', performance.now() - started);
  return {
    statements,
    advanced: projections
      .map((p) => p.name)
      .filter((name) => compareCheckpoints(checkpoints.get(name)!, page.checkpoint) < 0),
    checkpoint: page.checkpoint,
    events: page.events.length,
    bytes: statements.reduce((sum, s) => sum + statementBytes(s), 0),
  };
}

/** Characters of row data a statement sends. */
function statementBytes(statement: GroupStatement): number {
  let bytes = statement.copyText?.length ?? 0;
  for (const json of statement.columnsJson) bytes += json.length;
  return bytes;
}

/**
 * The I/O half: prepared pages committed with their checkpoints in one transaction, so a crash
 * anywhere leaves rows and checkpoints as they were. They are consecutive slices of the log, in
 * order (for one or several projections each); every projection that advanced in any of them ends
 * at the checkpoint of the last.
 */
export async function commitPages(
  target: PageTarget,
  prepared: readonly PreparedPage[],
): Promise<void> {
  const { db, schema, checkpoints, timings } = target;
  const onStatement = timings
    ? (statement: GroupStatement, ms: number) =>
        timings.add(`apply:${statement.table}`, ms, statement.rowCount)
    : undefined;
  const advanced = [...new Set(prepared.flatMap((p) => p.advanced))];
  const checkpoint = prepared[prepared.length - 1]?.checkpoint;
  // Projections already past this page (others are being rebuilt): nothing to write.
  if (checkpoint === undefined || advanced.length === 0) return;
  await db.transaction(async (tx) => {
    // Read models are rebuilt from the log, and the checkpoint commits with the rows: a crash can
    // lose only whole recent batches, which are then applied again. So no need to wait for the flush.
    if (db.dialect === 'postgres') await tx.query(`SET LOCAL synchronous_commit = off`);
    for (const page of prepared) await sendStatements(tx, page.statements, onStatement);
    await storeCheckpoint(tx, schema, advanced, checkpoint);
  });
  for (const name of advanced) checkpoints.set(name, checkpoint);
}

/**
 * An event-keyed table filled without its key takes only inserts of the event's own rows: anything
 * else could write a row twice, which no INSERT would then catch before the key is added back.
 */
function expectEventKeyed(op: RowOp, event: RecordedEvent, projection: Projection): void {
  if (op.kind !== 'insert' || op.row.event_id !== event.eventId || !op.key.includes('event_id'))
    throw new Error(
      `projection ${projection.name}: ${op.table} is event-keyed, but event ${event.eventId} ` +
        `${op.kind === 'insert' ? 'inserts a row of another event' : 'upserts'} into it`,
    );
}

/**
 * A stored event is a projected event; only the metadata's declared interface lacks the index
 * signature TypeScript wants. No copy: a rebuild streams millions of events through here.
 */
function asProjected(event: RecordedEvent): ProjectedEvent {
  return event as unknown as ProjectedEvent;
}
