import { START, type Checkpoint, type EventStore } from '@ledger/event-store/port';
import type { SqlClient } from '@ledger/event-store/sql/sql-client';
import type { Projection } from '../projection';
import { earliestOf } from './checkpoint';
import { CommitLanes } from './commit-lanes';
import { nextLimit, PageSlicer, SliceCursor } from './page-slices';
import {
  finishRebuild,
  loadReadColumns,
  prepareReadSchema,
  projectionBytes,
  recreateProjection,
  type ReadColumns,
} from './read-schema';
import { defaultLockFor, type RunnerLock } from './runner-lock';
import { Pause, SerialGate } from './runner-timing';
import type { StageTimings } from './stage-timings';
import { waitForProjections } from './wait-for-projections';

/**
 * Events per page by default. Measured on a rebuild of 1,000,000 demo events on PostgreSQL: from
 * 1,000 to 10,000 events per page the rebuild took the same time within the machine's noise, while
 * peak memory grew with the page (a page of 5,000 payouts is 47 MB of JSON): 2,000 keeps it well
 * under 512 MB (docs/benchmarks.md).
 */
export const DEFAULT_BATCH_SIZE = 2_000;

/** The runner needs only the global log of the store. */
export type GlobalLog = Pick<EventStore, 'readAll' | 'headCheckpoint'>;

export interface ProjectionRunnerOptions {
  store: GlobalLog;
  /** The database of the read models (the store's own PostgreSQL/PGlite, also beside EventStoreDB). */
  db: SqlClient;
  /** The read schema (`ledger_read`); a scratch schema replays into an identical set of tables. */
  schema: string;
  projections: readonly Projection[];
  /**
   * Events read per page, at most (default {@link DEFAULT_BATCH_SIZE}; the store serves at most
   * 10,000). Pages of big events are read smaller and committed in slices (see `page-slices.ts`).
   */
  batchSize?: number;
  /** Names the projection set in the lock key (default `projections`). */
  name?: string;
  /** Exclusive ownership; default: an advisory lock on PostgreSQL, none on single-process PGlite. */
  lock?: RunnerLock;
  /** Sleep when the log has nothing new (default 25 ms). */
  idleMs?: number;
  /** How often a standby runner retries the lock (default 2,000 ms). */
  standbyMs?: number;
  onError?: (error: unknown) => void;
  /** Collects where the time goes (reading, each projection's evolve, each table's statement). */
  timings?: StageTimings;
  /**
   * Connections that commit pages side by side, each for its own projections (default 2 on
   * PostgreSQL, 1 on PGlite, which is a single session).
   */
  commitLanes?: number;
}

export interface RebuildProgress {
  eventsRead: number;
  checkpoint: Checkpoint;
  head: Checkpoint;
}

/**
 * Follows the global log and keeps the read models of `projections` up to date (SPEC §1, STYLE 6).
 * Per batch: read the next page in commit order, ask each interested projection's pure `evolve` for
 * row operations, merge operations on one row in memory, apply one statement per table and kind,
 * and store the checkpoints, all in one transaction. Applying an event twice changes nothing, a
 * restart resumes after the last committed batch, and a projection whose version changed is rebuilt.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly lock: RunnerLock;
  private readonly gate = new SerialGate();
  private readonly pause = new Pause();
  private readonly checkpoints = new Map<string, Checkpoint>();
  private columns: ReadColumns | null = null;
  /** Event-keyed tables the rebuild in progress fills without their primary key. */
  private readonly keylessTables = new Set<string>();
  private running: Promise<void> | null = null;
  private stopping = false;
  /** True while the background loop holds the lock. */
  private owned = false;
  /** Rebuilds and catch-ups waiting for the background loop to hand over. */
  private waiting = 0;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.batchSize = Math.max(1, Math.min(options.batchSize ?? DEFAULT_BATCH_SIZE, 10_000));
    const names = options.projections.map((p) => p.name);
    if (new Set(names).size !== names.length)
      throw new Error(`projection names must be unique: ${names.join(', ')}`);
    this.lock =
      options.lock ??
      defaultLockFor(options.db, `${options.schema}:${options.name ?? 'projections'}`, (error) =>
        this.lockLost(error),
      );
  }

  /** Starts following the log in the background; a second runner of the same set waits as a standby. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.follow();
  }

  /** Finishes the batch in flight (its rows and checkpoint commit together), then releases the lock. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.pause.wake();
    await this.running;
    this.running = null;
    await this.gate.run(async () => {
      if (this.owned) await this.lock.release();
      this.owned = false;
    });
  }

  /** Applies every event up to the head of the log as it is now, then resolves. */
  async catchUp(): Promise<void> {
    if (this.running) {
      const head = await this.options.store.headCheckpoint();
      while (!(await this.waitFor(head, 60_000)))
        this.report(new Error('catch-up is slow: still behind the head after 60 s'));
      return;
    }
    await this.exclusively(() => this.drain());
  }

  /**
   * Drops and recreates the named projections' tables (all when omitted), resets their checkpoints and
   * replays the log into them, streaming page by page; plain indexes, and the primary keys of
   * event-keyed tables (filled meanwhile with COPY on PostgreSQL, plain INSERTs on PGlite), are
   * built once at the end.
   */
  async rebuild(
    names?: readonly string[],
    onProgress?: (progress: RebuildProgress) => void,
  ): Promise<void> {
    const chosen = this.choose(names);
    await this.exclusively(async () => {
      const { db, schema } = this.options;
      const deferred = new Map<Projection, string[]>();
      await db.transaction(async (tx) => {
        for (const projection of chosen) {
          deferred.set(
            projection,
            await recreateProjection(tx, schema, projection, { deferIndexes: true }),
          );
        }
      });
      for (const projection of chosen) {
        this.checkpoints.set(projection.name, START);
        for (const table of projection.eventKeyedTables ?? []) this.keylessTables.add(table);
      }
      try {
        this.columns = await loadReadColumns(db, schema);
        const head = await this.options.store.headCheckpoint();
        let eventsRead = 0;
        await this.drain((read, checkpoint) => {
          eventsRead += read;
          onProgress?.({ eventsRead, checkpoint, head });
        });
        const started = performance.now();
        await this.finish(deferred);
        this.options.timings?.add('finish', performance.now() - started);
      } catch (error) {
        // The tables are left keyless at version 0: the next pass prepares the read schema again,
        // which recreates them whole before anything else is applied to them.
        this.columns = null;
        throw error;
      } finally {
        this.keylessTables.clear();
      }
    });
  }

  /**
   * Builds what a rebuild deferred, each projection in a transaction of its own. On PostgreSQL they
   * are spread over as many connections as there are commit lanes, the biggest tables first, so the
   * database sorts several tables at once rather than one after another.
   */
  private async finish(deferred: Map<Projection, string[]>): Promise<void> {
    const { db, schema } = this.options;
    const bytes = await projectionBytes(db, schema, [...deferred.keys()]);
    const queue = [...deferred.keys()].sort((a, b) => bytes.get(b)! - bytes.get(a)!);
    const lanes = db.dialect === 'postgres' ? Math.max(1, this.options.commitLanes ?? 2) : 1;
    const finished = await Promise.allSettled(
      Array.from({ length: lanes }, async () => {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          const projection = next;
          await db.transaction(async (tx) => {
            // Each deferred index is one sort of a whole table; in memory it is several times faster.
            if (db.dialect === 'postgres')
              await tx.query(`SET LOCAL maintenance_work_mem = '256MB'`);
            await finishRebuild(tx, schema, projection, deferred.get(projection)!);
          });
        }
      }),
    );
    // Every lane has ended (committed or rolled back) before the first failure is reported.
    for (const lane of finished) if (lane.status === 'rejected') throw lane.reason;
  }

  /**
   * Read-your-writes: resolves true once every projection has applied the log up to `checkpoint`
   * (as stored, so it also works while another process runs the projections), false on timeout.
   */
  async waitFor(checkpoint: Checkpoint, timeoutMs: number): Promise<boolean> {
    return waitForProjections({
      db: this.options.db,
      schema: this.options.schema,
      names: this.options.projections.map((p) => p.name),
      target: checkpoint,
      timeoutMs,
      nudge: () => this.pause.wake(),
    });
  }

  /** The checkpoint every projection has reached (the earliest of theirs), as this runner knows it. */
  position(): Checkpoint {
    return earliestOf(this.checkpoints.values());
  }

  private async follow(): Promise<void> {
    while (!this.stopping) {
      try {
        const applied = await this.gate.run(async () => {
          if (!this.owned) this.owned = await this.lock.tryAcquire();
          if (!this.owned) return -1;
          if (this.columns === null) await this.prepare();
          return this.drain(undefined, () => this.stopping || this.waiting > 0 || !this.owned);
        });
        if (applied < 0) await this.pause.sleep(this.options.standbyMs ?? 2_000);
        else if (applied === 0 && !this.stopping) await this.pause.sleep(this.options.idleMs ?? 25);
      } catch (error) {
        this.report(error);
        await this.pause.sleep(1_000);
      }
    }
  }

  private async exclusively(work: () => Promise<unknown>): Promise<void> {
    // The background loop hands over between pages when someone is waiting.
    this.waiting++;
    this.pause.wake();
    await this.gate.run(async () => {
      this.waiting--;
      const ownedBefore = this.owned;
      if (!ownedBefore && !(await this.lock.tryAcquire())) {
        throw new Error(
          `projections in ${this.options.schema} are being run by another process; stop it first`,
        );
      }
      try {
        if (this.columns === null) await this.prepare();
        await work();
      } finally {
        if (!ownedBefore) {
          await this.lock.release();
          // Whoever takes the lock next may change the tables; re-read them when we own it again.
          this.columns = null;
        }
      }
    });
  }

  private async prepare(): Promise<void> {
    const prepared = await prepareReadSchema(
      this.options.db,
      this.options.schema,
      this.options.projections,
    );
    for (const [name, checkpoint] of prepared.checkpoints) this.checkpoints.set(name, checkpoint);
    this.columns = prepared.columns;
  }

  /**
   * Applies pages until the log is exhausted (or `yieldWhen` says someone else needs the runner).
   * The stages overlap: while a page commits (on PostgreSQL on several connections at once, see
   * {@link CommitLanes}), the next one is read and prepared (evolve, merge, serialise). Each
   * projection's pages still commit one after another, in log order. Returns events applied.
   */
  private async drain(
    onPage?: (read: number, checkpoint: Checkpoint) => void,
    yieldWhen: () => boolean = () => false,
  ): Promise<number> {
    const { timings, db } = this.options;
    // The store cuts pages by event count; PageSlicer and nextLimit keep what is prepared and not
    // yet committed near PAGE_BYTES, whatever the size of the events.
    let limit = this.batchSize;
    const slicer = new PageSlicer();
    // Metadata is most of an event's JSON, and only a projection that says so reads it.
    const metadata = this.options.projections.some((p) => p.readsMetadata === true);
    const read = (after: Checkpoint) => this.options.store.readAll({ after, limit, metadata });
    const target = {
      ...this.options,
      checkpoints: this.checkpoints,
      columnOrders: this.columns!.orders,
      columnTypes: this.columns!.types,
      keylessTables: this.keylessTables,
    };
    let applied = 0;
    const lanes = new CommitLanes(
      target,
      this.options.projections,
      this.options.commitLanes ?? (db.dialect === 'postgres' ? 2 : 1),
      (events) => {
        applied += events;
        onPage?.(events, this.position());
      },
    );
    let pending = read(this.position());
    try {
      for (;;) {
        const started = performance.now();
        const cursor = new SliceCursor(await pending, slicer);
        timings?.add('wait:read', performance.now() - started, cursor.events);
        if (cursor.events === 0) break;
        do {
          const batch = cursor.nextBatch(lanes);
          if (cursor.done) {
            // The next read starts only once the page is prepared (its events garbage from then
            // on), sized by it: one page of events is in memory at a time, however big they are.
            limit = nextLimit(cursor.events, cursor.bytes, this.batchSize);
            pending = read(cursor.checkpoint);
          }
          await lanes.commit(batch);
        } while (!cursor.done);
        if (yieldWhen()) break;
      }
      await lanes.finish();
      return applied;
    } finally {
      // A page read ahead and not applied is dropped; its failure, if any, is nobody's concern.
      pending.catch(() => undefined);
      // On failure, the pages in flight still finish (commit or roll back) before we return.
      await lanes.finish().catch(() => undefined);
    }
  }

  private choose(names: readonly string[] | undefined): Projection[] {
    if (names === undefined || names.length === 0) return [...this.options.projections];
    return names.map((name) => {
      const projection = this.options.projections.find((p) => p.name === name);
      if (!projection)
        throw new Error(
          `unknown projection "${name}"; known: ${this.options.projections.map((p) => p.name).join(', ')}`,
        );
      return projection;
    });
  }

  private lockLost(error: unknown): void {
    // Another runner may take over now; forget what we knew and re-read it once we own the lock again.
    this.owned = false;
    this.columns = null;
    this.report(error);
  }

  private report(error: unknown): void {
    (this.options.onError ?? ((e: unknown) => console.error('projection runner:', e)))(error);
  }
}
