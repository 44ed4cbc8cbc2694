import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_STORE, readYourWritesTarget, type CommandOutcome } from '@ledger/core';
import { payoutStreams, type PayoutRunTerms } from '@ledger/domain/payouts';
import { IdempotencyConflictError } from '@ledger/event-store/errors';
import { hashInput, storedCheckpoint } from '@ledger/event-store/handle-command';
import type { EventStore } from '@ledger/event-store/port';
import { partnersWithUnsettledItems, payoutsOfRun } from '@ledger/projections/payouts';
import { answerOf, type CommandAnswer } from '../commands/command-answer';
import { LedgerMetrics } from '../metrics/ledger-metrics';
import { countCommand } from '../metrics/count-command';
import { PAYOUT_READ_MODELS, type PayoutReadModels } from '../payouts/payout-read-models';
import { problem, ProblemException, PROBLEM_TYPES } from '../problems/problem';
import { issuePartnerPayout } from './issue-partner-payout';
import { PayoutRunReport } from './payout-run-report';
import { recordPayoutRun, runCommandId, runInput } from './record-payout-run';

/**
 * `POST /v1/payout-runs` answers `{ status: 'completed', eventIds, runId, asOf, minimumPayout, payouts,
 * carriedForward, skipped }` (201); a re-run of the same run id answers it again, byte for byte.
 */
export type PayoutRunAnswer = CommandAnswer;

export interface RunOrigin {
  actor?: string;
  correlationId?: string;
  /** Called after each partner, for a progress bar (`ledger payout-run`). */
  onProgress?: (partnersDone: number, partnersTotal: number) => void;
}

/**
 * A payout run (SPEC §4 "Payout timing"): per partner and currency, pay every payable item not yet
 * paid when the net reaches the minimum. The run is idempotent by its id: a recorded run answers as it
 * did; an unfinished one (a crash) is completed by the re-run, each partner's share answering as it
 * first did. It holds no rule: those are `decidePayout`'s.
 */
@Injectable()
export class RunPayoutsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PAYOUT_READ_MODELS) private readonly readModels: PayoutReadModels,
    @Optional() @Inject(LedgerMetrics) private readonly metrics?: LedgerMetrics,
  ) {}

  async run(terms: PayoutRunTerms, origin: RunOrigin = {}): Promise<PayoutRunAnswer> {
    return answerOf(
      await countCommand(this.metrics, 'RunPayouts', () => this.execute(terms, origin)),
    );
  }

  private async execute(terms: PayoutRunTerms, origin: RunOrigin): Promise<CommandOutcome> {
    const earlier = await this.store.findCommand(runCommandId(terms.runId));
    if (earlier) {
      if (earlier.inputHash !== hashInput(runInput(terms)))
        throw new IdempotencyConflictError(earlier.commandId);
      const eventIds = Array.isArray(earlier.result.eventIds)
        ? (earlier.result.eventIds as string[])
        : [];
      return {
        kind: 'accepted',
        duplicate: true,
        eventIds,
        reply: earlier.result,
        checkpoint: await storedCheckpoint(this.store, payoutStreams.run(terms.runId), eventIds),
      };
    }

    // Everything recorded before the run started must be in the read models it takes candidates from.
    if (!(await this.readModels.caughtUpTo(await readYourWritesTarget(this.store)))) {
      throw new ProblemException(
        problem(
          503,
          PROBLEM_TYPES.internal,
          'Read models are behind',
          'The projections have not caught up with the ledger yet; run the payouts again in a moment.',
        ),
      );
    }

    const report = new PayoutRunReport();
    const { db, schema } = this.readModels;
    const [unsettled, resumed] = await Promise.all([
      partnersWithUnsettledItems(db, schema, terms.asOf),
      // A run cut short (a crash) already issued these partners' shares: their items are settled now,
      // but asking again answers each share as it first did, so the run's record names them too.
      payoutsOfRun(db, schema, terms.runId),
    ]);
    const partnerIds = [...new Set([...unsettled, ...resumed.map((p) => p.partnerId)])];
    for (const [index, partnerId] of partnerIds.entries()) {
      report.add(
        partnerId,
        await issuePartnerPayout(this.store, this.readModels, terms, partnerId, origin),
      );
      origin.onProgress?.(index + 1, partnerIds.length);
    }
    return recordPayoutRun(this.store, terms, report, origin);
  }
}
