import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@ledger/core';
import { streams } from '@ledger/domain/messages/events';
import type { EventStore } from '@ledger/event-store/port';
import type { SqlClient } from '@ledger/event-store/sql/sql-client';
import { parsePositionToken } from '@ledger/projections/runner/checkpoint';
import type { ReadModelDatabase } from '@ledger/projections/runner/read-model-database';
import { waitForProjections } from '@ledger/projections/runner/wait-for-projections';
import { problem, ProblemException } from '../problems/problem';
import { RefusalException } from '../problems/refusal.exception';

/** Injection token of the {@link ReadModelDatabase} the read side queries. */
export const READ_MODEL_DATABASE = Symbol('READ_MODEL_DATABASE');

/** How long a query waits for the read models to reach a client's write before answering 503. */
const WAIT_FOR_TIMEOUT_MS = 5_000;

/** The read models' database and schema, with the read-your-writes wait every query offers. */
@Injectable()
export class ReadModels {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly database: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  get db(): SqlClient {
    return this.database.db;
  }

  get schema(): string {
    return this.database.schema;
  }

  /**
   * Waits until `projections` have applied the log up to the client's position token. The token was
   * validated by the request DTO; a position never reached in time is a 503 the client may retry.
   */
  /** See {@link assertPartnerKnown}. */
  assertPartnerKnown(partnerId: string): Promise<void> {
    return assertPartnerKnown(this.store, partnerId);
  }

  async waitFor(token: string | undefined, projections: readonly string[]): Promise<void> {
    if (token === undefined) return;
    const target = parsePositionToken(token);
    if (target === null)
      throw new Error(`unvalidated position token reached the read side: ${token}`);
    const reached = await waitForProjections({
      db: this.db,
      schema: this.schema,
      names: projections,
      target,
      timeoutMs: WAIT_FOR_TIMEOUT_MS,
    });
    if (reached) return;
    throw new ProblemException(
      problem(
        503,
        'urn:ledger:problem:read-models-behind',
        'Read models are behind',
        `The read models have not reached position ${token} within ${WAIT_FOR_TIMEOUT_MS / 1000} s; retry shortly.`,
        [{ field: 'waitFor', message: 'not reached yet' }],
      ),
    );
  }
}

/**
 * 404 for a partner the ledger has never enrolled, instead of an empty answer that looks like a
 * partner with nothing earned. Read from the partner's stream: one indexed row.
 */
export async function assertPartnerKnown(store: EventStore, partnerId: string): Promise<void> {
  const [first] = await store.readStream(streams.partner(partnerId), { maxCount: 1 });
  if (first) return;
  throw new RefusalException({
    kind: 'refused',
    code: 'partner.not_found',
    field: 'id',
    message: `no partner ${partnerId} is enrolled`,
  });
}

/** The instant a query is answered at, in the ledger's stored form; the default of `asOf` and `knownAt`. */
export function nowIso(): string {
  return new Date().toISOString();
}
