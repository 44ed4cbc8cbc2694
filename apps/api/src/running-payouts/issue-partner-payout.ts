import { evolvePartner, initialPartnerState, streams } from '@ledger/domain';
import {
  decidePayout,
  evolvePayouts,
  initialPayoutState,
  payoutStreams,
  type PayoutItem,
  type PayoutRunTerms,
  type PayoutState,
} from '@ledger/domain/payouts';
import type { PartnerState } from '@ledger/domain/partners/partner-state';
import { handleCommand, type CommandOutcome } from '@ledger/event-store/handle-command';
import type { EventStore } from '@ledger/event-store/port';
import { toLedgerEvent } from '@ledger/core';
import { carriedItems, payoutCandidates } from '@ledger/projections/payouts';
import { toDecisionLike, toPayoutEvent } from '../payouts/payout-decision-like';
import type { PayoutReadModels } from '../payouts/payout-read-models';

interface PartnerContext {
  partner: PartnerState;
  candidates: PayoutItem[];
  carried: Map<string, string>;
}

/**
 * One partner's share of a run, through the one write path: fold `payouts-{partnerId}`, read the
 * partner and its unsettled items, decide, append with the exact expected revision. When two runs
 * race for the partner, the loser's append conflicts, it re-reads the stream, finds the items settled
 * and pays nothing: an item is never paid twice. The input hash covers only the run's terms and the
 * partner, so a run retried after a crash hashes, and answers, the same.
 */
export function issuePartnerPayout(
  store: EventStore,
  readModels: PayoutReadModels,
  terms: PayoutRunTerms,
  partnerId: string,
  origin: { actor?: string; correlationId?: string },
): Promise<CommandOutcome> {
  const commandId = `IssuePayout:${terms.runId}:${partnerId}`;
  return handleCommand<PayoutState, PartnerContext>(store, {
    streamId: payoutStreams.payouts(partnerId),
    commandId,
    input: { runId: terms.runId, asOf: terms.asOf, minimumPayout: terms.minimumPayout, partnerId },
    actor: origin.actor,
    correlationId: origin.correlationId,
    initialState: () => initialPayoutState(partnerId),
    evolve: (state, event) => evolvePayouts(state, toPayoutEvent(event)),
    loadContext: async () => {
      const [history, candidates, carried] = await Promise.all([
        store.readStream(streams.partner(partnerId)),
        payoutCandidates(readModels.db, readModels.schema, partnerId, terms.asOf),
        carriedItems(readModels.db, readModels.schema, partnerId),
      ]);
      const partner = history
        .map(toLedgerEvent)
        .reduce(evolvePartner, initialPartnerState(partnerId));
      return { partner, candidates, carried };
    },
    decide: (state, context) =>
      toDecisionLike(
        decidePayout(state, context.candidates, {
          ...terms,
          commandId,
          partner: context.partner,
          carried: context.carried,
        }),
      ),
  });
}
