import type { LedgerConfig } from '@ledger/core/ledger-config';
import type { EventStore } from '@ledger/event-store/port';
import { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { ProjectionRunner } from '@ledger/projections/runner/projection-runner';
import {
  openReadModelDatabase,
  type ReadModelDatabase,
} from '@ledger/projections/runner/read-model-database';
import { waitForProjections } from '@ledger/projections/runner/wait-for-projections';
import { openConfiguredStore } from './open-store';

/** How long a command waits for another process's projections to reach the head of the log. */
const WAIT_FOR_OTHER_RUNNER_MS = 60_000;

/** The configured store with its read models, as every read-side command needs them. */
export interface ReadSide {
  store: EventStore;
  config: LedgerConfig;
  readModels: ReadModelDatabase;
  /** A runner of every projection on the live read schema: the same set, and lock, as the worker's. */
  liveRunner(options?: { batchSize?: number }): ProjectionRunner;
  close(): Promise<void>;
}

export async function openReadSide(): Promise<ReadSide> {
  const { store, config } = await openConfiguredStore();
  let readModels: ReadModelDatabase;
  try {
    readModels = await openReadModelDatabase(store, config);
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    store,
    config,
    readModels,
    liveRunner: (options = {}) =>
      new ProjectionRunner({
        store,
        db: readModels.db,
        schema: readModels.schema,
        projections: ALL_PROJECTIONS,
        batchSize: options.batchSize,
        onError: (error) => console.error('projection runner:', error),
      }),
    async close() {
      await readModels.close();
      await store.close();
    },
  };
}

/**
 * Brings the live read models up to the head of the log before a command reads them. On the embedded
 * store the CLI is the only process that can open the data directory, so it applies the log itself;
 * on PostgreSQL a worker may own the projections (its advisory lock refuses us), and then the command
 * waits for that worker to get there instead.
 */
export async function bringReadModelsUpToDate(readSide: ReadSide): Promise<void> {
  const runner = readSide.liveRunner();
  try {
    await runner.catchUp();
    return;
  } catch (error) {
    if (!isHeldByAnotherProcess(error)) throw error;
  }
  const head = await readSide.store.headCheckpoint();
  const reached = await waitForProjections({
    db: readSide.readModels.db,
    schema: readSide.readModels.schema,
    names: ALL_PROJECTIONS.map((p) => p.name),
    target: head,
    timeoutMs: WAIT_FOR_OTHER_RUNNER_MS,
  });
  if (!reached) {
    throw new Error(
      `the read models in ${readSide.readModels.schema} are run by another process and did not reach the head of the log within ${WAIT_FOR_OTHER_RUNNER_MS / 1000} s; is the worker healthy?`,
    );
  }
}

export function isHeldByAnotherProcess(error: unknown): boolean {
  return error instanceof Error && /being run by another process/.test(error.message);
}

/** How many events the log holds, for progress bars; 0 when the store cannot say cheaply. */
export async function countEvents(store: EventStore): Promise<number> {
  if (!(store instanceof SqlEventStore)) return 0;
  const [row] = await store
    .raw()
    .query<{ n: string }>(`SELECT count(*)::text AS n FROM ${store.table('events')}`);
  return Number(row?.n ?? 0);
}
