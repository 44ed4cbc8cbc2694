/**
 * What the ledger knows about one partner's payouts, folded from `payouts-{partnerId}`: every payout
 * and its status, and which items are settled. An item is *settled* while a payout that includes it is
 * issued or paid; a failed payout gives its items back, so they are payable again.
 */
export type PayoutStatus = 'issued' | 'paid' | 'failed';

export interface PayoutRecord {
  payoutId: string;
  runId: string;
  currency: string;
  amount: string;
  asOf: string;
  status: PayoutStatus;
  itemIds: string[];
}

export interface PayoutState {
  partnerId: string;
  payouts: Readonly<Record<string, PayoutRecord>>;
  /** itemId → the issued or paid payout that settles it. */
  settledBy: Readonly<Record<string, string>>;
}

export function initialPayoutState(partnerId: string): PayoutState {
  return { partnerId, payouts: {}, settledBy: {} };
}

export function isSettled(state: PayoutState, itemId: string): boolean {
  return Object.prototype.hasOwnProperty.call(state.settledBy, itemId);
}

export function payoutOf(state: PayoutState, payoutId: string): PayoutRecord | undefined {
  return Object.prototype.hasOwnProperty.call(state.payouts, payoutId)
    ? state.payouts[payoutId]
    : undefined;
}
