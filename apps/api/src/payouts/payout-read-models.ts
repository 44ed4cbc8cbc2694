import type { LedgerConfig } from '@ledger/core';
import type { Checkpoint, EventStore } from '@ledger/event-store/port';
import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { readSchemaFor } from '@ledger/projections/runner/read-schema';
import { waitForProjections } from '@ledger/projections/runner/wait-for-projections';

/** Injection token of the {@link PayoutReadModels} a payout run reads its candidates from. */
export const PAYOUT_READ_MODELS = Symbol('PAYOUT_READ_MODELS');

/** The projections a payout run reads: commission lines and adjustments, and the payouts themselves. */
export const PAYOUT_RUN_PROJECTIONS = ['commissions', 'payouts'] as const;

/** How long a run waits for the projections to reach the head of the log before it answers 503. */
const CATCH_UP_TIMEOUT_MS = 30_000;

/** Where the read models live, and how to know they have caught up with the log. */
export interface PayoutReadModels {
  db: SqlQueryable;
  /** The read schema (`ledger_read`). */
  schema: string;
  /** Resolves true once the payout run's projections have applied the log up to `target`; false on timeout. */
  caughtUpTo(target: Checkpoint): Promise<boolean>;
}

/**
 * The default: the read models beside the events in the store's own PostgreSQL/PGlite database, in
 * the store schema's read schema, kept by whichever process runs the projections (it polls the stored
 * checkpoints, so the runner may live in another process). With EventStoreDB the events live
 * elsewhere; the process must then provide {@link PAYOUT_READ_MODELS} itself.
 */
export function storeReadModels(store: EventStore, config: LedgerConfig): PayoutReadModels {
  if (!(store instanceof SqlEventStore))
    return unavailable(`the ${store.name} store keeps no read models`);
  const db = store.raw();
  const schema = readSchemaFor(config.schema);
  return {
    db,
    schema,
    caughtUpTo: (target) =>
      waitForProjections({
        db,
        schema,
        names: PAYOUT_RUN_PROJECTIONS,
        target,
        timeoutMs: CATCH_UP_TIMEOUT_MS,
      }),
  };
}

/** Read models the process cannot reach: the app still starts, and a payout run fails with the reason. */
function unavailable(reason: string): PayoutReadModels {
  const fail = () =>
    Promise.reject(
      new Error(`payouts need the read models (${reason}): provide PAYOUT_READ_MODELS`),
    );
  return { db: { query: fail }, schema: '', caughtUpTo: fail };
}
