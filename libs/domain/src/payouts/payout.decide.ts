import type { PayoutRunTerms } from '../messages/payout-commands';
import {
  payoutIdFor,
  payoutKey,
  type CarriedBalance,
  type PayoutIssued,
} from '../messages/payout-events';
import { Money, formatExact, parseAmount } from '../money';
import { tierAt, type PartnerState } from '../partners/partner-state';
import { refuse } from '../shared/decision';
import { eventIdSequence } from '../shared/ids';
import type { PayoutItem } from './payout-item';
import type { PayoutDecision } from './payout.decision';
import { PAYOUT_CODES } from './payout.rules';
import type { PayoutState } from './payout.state';
import { settleableItems, toPayoutLine, type SettleableItem } from './settleable-items';

/** Everything one partner's share of a run depends on besides its payout stream and its items. */
export interface PayoutRun extends PayoutRunTerms {
  /** `IssuePayout:{runId}:{partnerId}`: event ids derive from it, so a retried run appends the same ids. */
  commandId: string;
  partner: PartnerState;
  /** Items earlier runs held back → the first run that did. */
  carried?: ReadonlyMap<string, string>;
}

/**
 * One partner's share of a payout run (SPEC §4 "Payout timing"). Per currency, the net of every
 * settleable item (commissions less reversals, clawbacks and reassignments away) is paid when it is
 * positive and at least the minimum; then every item in it is settled, exactly once. A smaller or
 * negative net pays nothing and its items stay unsettled: they carry forward to the next run, where a
 * negative balance is offset against new commissions. Held and removed partners are paid nothing.
 * When no currency is paid the decision is a refusal (`payout.nothing_to_pay`), so nothing is appended.
 */
export function decidePayout(
  state: PayoutState,
  candidates: readonly PayoutItem[],
  run: PayoutRun,
): PayoutDecision<PayoutIssued> {
  const { partner } = run;
  if (!partner.enrolled)
    return refuse(PAYOUT_CODES.partnerNotFound, `partner ${partner.partnerId} is not enrolled`);
  if (partner.removedAt !== null)
    return refuse(
      PAYOUT_CODES.partnerRemoved,
      `partner ${partner.partnerId} was removed from the programme`,
    );
  if (partner.held)
    return refuse(PAYOUT_CODES.partnerHeld, `partner ${partner.partnerId}'s commissions are held`);

  const minimum = parseAmount(run.minimumPayout);
  const settleable = settleableItems(state, candidates, {
    asOf: run.asOf,
    tierAtAsOf: tierAt(partner, run.asOf).tier,
    carried: run.carried,
  });
  const nextEventId = eventIdSequence(run.commandId);
  const issued: PayoutIssued[] = [];
  const carriedForward: CarriedBalance[] = [];
  for (const [currency, items] of byCurrency(settleable)) {
    const net = items.reduce((total, { item }) => total.plus(item.amount), new Money(0));
    const amount = formatExact(net, currency);
    if (net.gt(0) && net.gte(minimum)) {
      issued.push(payoutIssued(run, currency, amount, items, nextEventId()));
    } else {
      carriedForward.push({
        partnerId: partner.partnerId,
        currency,
        amount,
        itemIds: items.map(({ item }) => item.itemId),
      });
    }
  }

  if (issued.length === 0) {
    return refuse(
      PAYOUT_CODES.nothingToPay,
      `nothing payable reaches the minimum of ${run.minimumPayout} for partner ${partner.partnerId}`,
      undefined,
      { carriedForward },
    );
  }
  return {
    kind: 'accepted',
    events: issued,
    reply: {
      status: 'issued',
      payouts: issued.map(({ data }) => ({
        payoutId: data.payoutId,
        partnerId: data.partnerId,
        currency: data.currency,
        amount: data.amount,
      })),
      carriedForward,
    },
    keys: issued.map(({ data }) => payoutKey(data.payoutId)),
  };
}

function payoutIssued(
  run: PayoutRun,
  currency: string,
  amount: string,
  items: SettleableItem[],
  eventId: string,
): PayoutIssued {
  const partnerId = run.partner.partnerId;
  return {
    type: 'PayoutIssued',
    eventId,
    occurredAt: run.asOf,
    data: {
      payoutId: payoutIdFor(run.runId, partnerId, currency),
      runId: run.runId,
      partnerId,
      currency,
      amount,
      asOf: run.asOf,
      minimumPayout: run.minimumPayout,
      lines: items.map(toPayoutLine),
    },
  };
}

/** Items grouped by currency, currencies in code order so the events of a decision never depend on input order. */
function byCurrency(items: readonly SettleableItem[]): [string, SettleableItem[]][] {
  const groups = new Map<string, SettleableItem[]>();
  for (const entry of items) {
    const group = groups.get(entry.item.currency);
    if (group) group.push(entry);
    else groups.set(entry.item.currency, [entry]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
