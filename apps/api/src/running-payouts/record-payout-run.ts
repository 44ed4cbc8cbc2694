import { eventIdFor } from '@ledger/domain';
import {
  payoutStreams,
  type PayoutRunCompleted,
  type PayoutRunTerms,
} from '@ledger/domain/payouts';
import { handleCommand, type CommandOutcome } from '@ledger/event-store/handle-command';
import type { EventStore, JsonValue } from '@ledger/event-store/port';
import { toDecisionLike } from '../payouts/payout-decision-like';
import type { PayoutRunReport } from './payout-run-report';

/** The run's command id: its record on `payout-run-{runId}` makes a re-run answer the same. */
export function runCommandId(runId: string): string {
  return `RunPayouts:${runId}`;
}

export function runInput(terms: PayoutRunTerms): JsonValue {
  return { runId: terms.runId, asOf: terms.asOf, minimumPayout: terms.minimumPayout };
}

/**
 * Records `PayoutRunCompleted` with the run's command record, in one append. Two deliveries of the
 * same run racing to finish both reach here with the same report (each partner's share is idempotent
 * by its own command id); the second finds the first's command record and answers with it.
 */
export function recordPayoutRun(
  store: EventStore,
  terms: PayoutRunTerms,
  report: PayoutRunReport,
  origin: { actor?: string; correlationId?: string },
): Promise<CommandOutcome> {
  const commandId = runCommandId(terms.runId);
  const completed: PayoutRunCompleted = {
    type: 'PayoutRunCompleted',
    eventId: eventIdFor(commandId, 0),
    occurredAt: terms.asOf,
    data: {
      ...terms,
      payouts: report.payouts,
      carriedForward: report.carriedForward,
      skipped: report.skipped,
    },
  };
  const reply = {
    status: 'completed',
    runId: terms.runId,
    asOf: terms.asOf,
    minimumPayout: terms.minimumPayout,
    payouts: report.payouts,
    // The answer names the balances; the item ids stay on the event, for the next run's `carried` lines.
    carriedForward: report.carriedForward.map(({ partnerId, currency, amount }) => ({
      partnerId,
      currency,
      amount,
    })),
    skipped: report.skipped,
  };
  return handleCommand<null, null>(store, {
    streamId: payoutStreams.run(terms.runId),
    commandId,
    input: runInput(terms),
    actor: origin.actor,
    correlationId: origin.correlationId,
    initialState: () => null,
    evolve: (state) => state,
    loadContext: async () => null,
    decide: () => toDecisionLike({ kind: 'accepted', events: [completed], reply }),
  });
}
