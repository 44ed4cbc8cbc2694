import type { PayoutEvent } from '../messages/payout-events';
import type { PayoutState, PayoutStatus } from './payout.state';

/**
 * Folds one event of `payouts-{partnerId}` into the partner's payout state. Events of other types
 * leave it unchanged, so callers may feed any event of the stream.
 */
export function evolvePayouts(
  state: PayoutState,
  event: PayoutEvent | { type: string },
): PayoutState {
  const payout = event as PayoutEvent;
  switch (payout.type) {
    case 'PayoutIssued': {
      const d = payout.data;
      const itemIds = d.lines.map((line) => line.itemId);
      const settledBy = { ...state.settledBy };
      for (const itemId of itemIds) settledBy[itemId] = d.payoutId;
      const record = {
        payoutId: d.payoutId,
        runId: d.runId,
        currency: d.currency,
        amount: d.amount,
        asOf: d.asOf,
        status: 'issued' as const,
        itemIds,
      };
      return { ...state, payouts: { ...state.payouts, [d.payoutId]: record }, settledBy };
    }
    case 'PayoutMarkedPaid':
      return withStatus(state, payout.data.payoutId, 'paid');
    case 'PayoutFailed': {
      const failed = withStatus(state, payout.data.payoutId, 'failed');
      const settledBy = { ...failed.settledBy };
      // Only the items this payout settled: an item already settled again elsewhere stays so.
      for (const itemId of state.payouts[payout.data.payoutId]?.itemIds ?? []) {
        if (settledBy[itemId] === payout.data.payoutId) delete settledBy[itemId];
      }
      return { ...failed, settledBy };
    }
    default:
      return state;
  }
}

function withStatus(state: PayoutState, payoutId: string, status: PayoutStatus): PayoutState {
  const record = state.payouts[payoutId];
  if (!record) return state;
  return { ...state, payouts: { ...state.payouts, [payoutId]: { ...record, status } } };
}
