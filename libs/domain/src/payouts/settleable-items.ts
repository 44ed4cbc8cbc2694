import type { PayoutLine, PayoutLineKind } from '../messages/payout-events';
import type { Tier } from '../messages/vocabulary';
import type { PayoutItem } from './payout-item';
import { isPayableAt, isTrueUp } from './payout.rules';
import { isSettled, type PayoutState } from './payout.state';

/** What a run may settle for one partner, and how each item shows on the payout. */
export interface SettleableItem {
  item: PayoutItem;
  kind: PayoutLineKind;
  carriedFromRunId?: string;
}

export interface SettleOptions {
  asOf: string;
  /** The partner's tier in force at `asOf`: it decides whether the quarter-end true-up applies. */
  tierAtAsOf: Tier;
  /** Items earlier runs held back → the first run that did; they show as `carried`. */
  carried?: ReadonlyMap<string, string>;
}

/**
 * The partner's items a run may settle, in the order given: not settled by an issued or paid payout,
 * and payable at `asOf` or part of the quarter-end true-up. An item offered twice counts once, so no
 * input can make a payout settle an item twice.
 */
export function settleableItems(
  state: PayoutState,
  candidates: readonly PayoutItem[],
  options: SettleOptions,
): SettleableItem[] {
  const seen = new Set<string>();
  const settleable: SettleableItem[] = [];
  for (const item of candidates) {
    if (
      item.partnerId !== state.partnerId ||
      seen.has(item.itemId) ||
      isSettled(state, item.itemId)
    )
      continue;
    seen.add(item.itemId);
    const trueUp = isTrueUp(item, options.asOf, options.tierAtAsOf);
    if (!trueUp && !isPayableAt(item, options.asOf)) continue;
    const carriedFromRunId = options.carried?.get(item.itemId);
    // Carried wins over true-up: money an earlier run already held back is what a reader must reconcile first.
    const kind: PayoutLineKind =
      carriedFromRunId !== undefined ? 'carried' : trueUp ? 'true_up' : item.kind;
    settleable.push(
      carriedFromRunId !== undefined ? { item, kind, carriedFromRunId } : { item, kind },
    );
  }
  return settleable;
}

export function toPayoutLine({ item, kind, carriedFromRunId }: SettleableItem): PayoutLine {
  const line: PayoutLine = {
    kind,
    itemKind: item.kind,
    itemId: item.itemId,
    amount: item.amount,
    accountId: item.accountId,
    commissionId: item.commissionId,
    paymentId: item.paymentId,
    rule: item.rule,
    sourceEventIds: [item.eventId, ...item.evidence.filter((id) => id !== item.eventId)],
  };
  if (item.planVersion !== undefined) line.planVersion = item.planVersion;
  if (carriedFromRunId !== undefined) line.carriedFromRunId = carriedFromRunId;
  return line;
}
