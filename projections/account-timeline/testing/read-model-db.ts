/**
 * Databases for read-model int specs: PGlite always, PostgreSQL too when `DATABASE_URL` is set.
 * Each `open()` gives a freshly created schema (dropped by `destroy()`); events are projected into
 * it by the real runner from an in-memory global log, so specs control positions and ledger times.
 */
import { createPgClient } from '@ledger/event-store/sql/pg-client';
import { createPgliteClient } from '@ledger/event-store/sql/pglite-client';
import type { SqlClient } from '@ledger/event-store/sql/sql-client';
import type {
  Checkpoint,
  ReadAllOptions,
  ReadAllPage,
  RecordedEvent,
} from '@ledger/event-store/port';
import type { ProjectedEvent, Projection } from '../../projection';
import { compareCheckpoints } from '../../runner/checkpoint';
import { ProjectionRunner, type GlobalLog } from '../../runner/projection-runner';

export interface ReadModelDb {
  db: SqlClient;
  schema: string;
  /** Runs `projections` over `events` (in commit order) until the read model has caught up. */
  project(projections: readonly Projection[], events: readonly ProjectedEvent[]): Promise<void>;
  destroy(): Promise<void>;
}

export interface ReadModelDatabase {
  name: 'pglite' | 'postgres';
  open(): Promise<ReadModelDb>;
  /** Closes the shared connection; call once in `afterAll`. */
  shutdown(): Promise<void>;
}

let counter = 0;

export function readModelDatabases(): ReadModelDatabase[] {
  const url = process.env.DATABASE_URL?.trim();
  const databases = [shared('pglite', () => createPgliteClient())];
  if (url)
    databases.push(
      shared('postgres', async () => createPgClient({ connectionString: url, maxConnections: 4 })),
    );
  return databases;
}

/** One connection per spec file (starting PGlite takes seconds), one schema per test. */
function shared(
  name: ReadModelDatabase['name'],
  connect: () => Promise<SqlClient>,
): ReadModelDatabase {
  let client: Promise<SqlClient> | undefined;
  return {
    name,
    async open() {
      client ??= connect();
      const db = await client;
      counter++;
      const schema = `rm_${process.pid}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
      return {
        db,
        schema,
        async project(projections, events) {
          const runner = new ProjectionRunner({
            store: memoryLog(events),
            db,
            schema,
            projections,
            batchSize: 100,
            onError: (e) => {
              throw e;
            },
          });
          await runner.catchUp();
        },
        async destroy() {
          await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        },
      };
    },
    async shutdown() {
      if (client) await (await client).close();
    },
  };
}

/** The global log of `events`, in commit order, as the runner reads it from a store. */
export function memoryLog(events: readonly ProjectedEvent[]): GlobalLog {
  const ordered = [...events].sort(compareCheckpoints) as unknown as RecordedEvent[];
  const head: Checkpoint =
    ordered.length === 0
      ? { transactionId: 0n, globalPosition: 0n }
      : checkpointOf(ordered[ordered.length - 1]!);
  return {
    async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
      const after = options.after ?? { transactionId: 0n, globalPosition: 0n };
      const page = ordered
        .filter((event) => compareCheckpoints(event, after) > 0)
        .slice(0, options.limit ?? 1000);
      return {
        events: page,
        checkpoint: page.length === 0 ? after : checkpointOf(page[page.length - 1]!),
      };
    },
    async headCheckpoint() {
      return head;
    },
  };
}

function checkpointOf(event: Checkpoint): Checkpoint {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}
