import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { IsolationLevel, SqlClient, SqlQueryable } from './sql-client';

// PGlite has no named prepared statements; `QueryOptions.prepared` is accepted and ignored.

export interface PgliteClient extends SqlClient {
  readonly dialect: 'pglite';
  /** The embedded database itself, for read models that want PGlite-specific features. */
  readonly db: PGlite;
}

/**
 * A {@link SqlClient} over embedded PGlite. PGlite is a single PostgreSQL session, so nothing may
 * run concurrently with a transaction: every statement and every transaction goes through one
 * queue and they run strictly one after the other. (PGlite also queues its own calls; this queue
 * adds that a call made from inside a running transaction, which would wait for itself forever,
 * fails at once instead.)
 *
 * @param dataDir a directory to persist to; undefined keeps the database in memory.
 */
export async function createPgliteClient(dataDir?: string): Promise<PgliteClient> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  const queue = new SerialQueue();

  return {
    dialect: 'pglite',
    db,
    query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]> {
      return queue.run(
        async () => (await db.query<Row>(text, params as unknown[] | undefined)).rows,
      );
    },
    transaction<T>(
      fn: (tx: SqlQueryable) => Promise<T>,
      options?: { isolation?: IsolationLevel },
    ): Promise<T> {
      return queue.run(() =>
        db.transaction(async (tx) => {
          if (options?.isolation)
            await tx.query(`SET TRANSACTION ISOLATION LEVEL ${options.isolation}`);
          return fn(queryableOf(tx));
        }),
      );
    },
    async close() {
      // Let queued work finish first: closing under a running statement corrupts the WASM heap.
      await queue.run(() => db.close());
    },
  };
}

function queryableOf(tx: Transaction): SqlQueryable {
  return {
    async query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]> {
      return (await tx.query<Row>(text, params as unknown[] | undefined)).rows;
    },
  };
}

/**
 * Runs tasks one at a time in arrival order. A task that calls back into the same queue (for
 * example a `beforeCommit` hook that awaits another append on this store) would wait for itself
 * forever; that call fails at once instead, naming the cause.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly running = new AsyncLocalStorage<{ active: boolean }>();

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running.getStore()?.active) {
      return Promise.reject(
        new Error(
          'PGlite is a single session: awaiting another store call inside a running one would deadlock',
        ),
      );
    }
    const context = { active: true };
    const result = this.tail.then(() =>
      this.running.run(context, async () => {
        try {
          return await task();
        } finally {
          context.active = false;
        }
      }),
    );
    this.tail = result.catch(() => undefined);
    return result;
  }
}
