import type { SqlClient } from '@ledger/event-store/sql/sql-client';

/**
 * Exclusive ownership of a projection set: while one runner holds it, no other runner applies the
 * same projections to the same read schema (two would race on checkpoints and rows).
 */
export interface RunnerLock {
  /** True when this runner now holds the lock (or already did); false when another one holds it. */
  tryAcquire(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * The lock on PostgreSQL: `pg_try_advisory_xact_lock` inside a transaction that stays open, on a
 * connection of its own, for as long as the runner owns the projections. If the process dies or the
 * connection drops, the server ends the transaction and the lock passes to a standby runner.
 * The transaction only takes the lock: it is assigned no transaction id and holds no snapshot between
 * statements, so it neither hides events from readers of the log nor holds back vacuum.
 */
export class AdvisoryLock implements RunnerLock {
  private held: { release: () => void; done: Promise<void> } | null = null;

  constructor(
    private readonly db: SqlClient,
    /** Hashed into the lock key: the read schema and the projection set's name. */
    private readonly name: string,
    /** Called when a held lock is lost because its connection failed. */
    private readonly onLost: (error: unknown) => void = () => undefined,
  ) {}

  tryAcquire(): Promise<boolean> {
    if (this.held) return Promise.resolve(true);
    return new Promise<boolean>((resolve, reject) => {
      let answered = false;
      let release: () => void = () => undefined;
      const released = new Promise<void>((r) => (release = r));
      const done = this.db.transaction(async (tx) => {
        const [row] = await tx.query<{ locked: boolean }>(
          `SELECT pg_try_advisory_xact_lock(hashtext($1), 2) AS locked`,
          [this.name],
        );
        answered = true;
        if (row?.locked !== true) return resolve(false);
        this.held = {
          release,
          done: done.then(
            () => undefined,
            () => undefined,
          ),
        };
        resolve(true);
        await released;
      });
      done.then(
        () => (this.held = null),
        (error: unknown) => {
          const wasHeld = this.held !== null;
          this.held = null;
          if (!answered) reject(error);
          else if (wasHeld) this.onLost(error);
        },
      );
    });
  }

  async release(): Promise<void> {
    const held = this.held;
    if (!held) return;
    held.release();
    await held.done;
  }
}

/**
 * Embedded PGlite is one session inside one process: there is no second runner to exclude, and a
 * transaction held open would block every other statement of the process.
 */
export class InProcessLock implements RunnerLock {
  async tryAcquire(): Promise<boolean> {
    return true;
  }

  async release(): Promise<void> {}
}

export function defaultLockFor(
  db: SqlClient,
  name: string,
  onLost?: (error: unknown) => void,
): RunnerLock {
  return db.dialect === 'postgres' ? new AdvisoryLock(db, name, onLost) : new InProcessLock();
}
