import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, readYourWritesTarget } from '@ledger/core';
import type { EventStore } from '@ledger/event-store/port';
import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import type { ReadModelDatabase } from '@ledger/projections/runner/read-model-database';
import { waitForProjections } from '@ledger/projections/runner/wait-for-projections';
import { problem, ProblemException, PROBLEM_TYPES } from '../problems/problem';

import { READ_MODEL_DATABASE } from '../read-side/read-models';

/** How long a query waits for its projections to reach what the ledger had recorded when it arrived. */
export const FRESHNESS_TIMEOUT_MS = 5_000;

/** A read model, once it is known to include every event recorded before the request. */
export interface FreshReadModel {
  db: SqlQueryable;
  schema: string;
}

/**
 * The read models of the account, protection and metrics queries. Each query first waits until the
 * projections it reads have applied the log up to its head as of the request, so a client reads its
 * own writes (an event it was told was recorded is in the answer). The wait reads the stored
 * checkpoints, so it holds whichever process runs the projections.
 */
@Injectable()
export class AccountReadModels {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly database: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async fresh(projections: readonly string[]): Promise<FreshReadModel> {
    const { db, schema } = this.database;
    const target = await readYourWritesTarget(this.store);
    const reached = await waitForProjections({
      db,
      schema,
      names: projections,
      target,
      timeoutMs: FRESHNESS_TIMEOUT_MS,
    });
    if (!reached) {
      throw new ProblemException(
        problem(
          503,
          PROBLEM_TYPES.internal,
          'Read models are behind',
          `The projections (${projections.join(', ')}) have not caught up with the ledger yet; retry in a moment.`,
        ),
      );
    }
    return { db, schema };
  }

}
