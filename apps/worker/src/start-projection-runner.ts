import type { EventStore } from '@ledger/event-store/port';
import { ALL_PROJECTIONS } from '@ledger/projections';
import type { Projection } from '@ledger/projections/projection';
import { ProjectionRunner } from '@ledger/projections/runner/projection-runner';
import type { ReadModelDatabase } from '@ledger/projections/runner/read-model-database';

export interface StartProjectionRunnerOptions {
  store: EventStore;
  readModels: ReadModelDatabase;
  projections?: readonly Projection[];
  batchSize?: number;
  onError?: (error: unknown) => void;
}

/**
 * Starts keeping every read model up to date in the background, and returns the runner so the
 * caller can `stop()` it on shutdown (the batch in flight commits with its checkpoint first).
 * Used by the worker (`npm run start:worker`, for scale-out) and by the API process on the
 * embedded default, so `npm start` alone serves fresh reads. On PostgreSQL several processes may
 * call it: one owns the projections (advisory lock), the others stand by.
 */
export function startProjectionRunner(options: StartProjectionRunnerOptions): ProjectionRunner {
  const runner = new ProjectionRunner({
    store: options.store,
    db: options.readModels.db,
    schema: options.readModels.schema,
    projections: options.projections ?? ALL_PROJECTIONS,
    batchSize: options.batchSize,
    onError: options.onError,
  });
  runner.start();
  return runner;
}
