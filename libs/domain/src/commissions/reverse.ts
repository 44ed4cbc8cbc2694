import type { CommissionReversed } from '../messages/events';
import { Money, roundToMinor } from '../money/money';
import type { CommissionPosition, PaymentFacts } from './commission-position';
import { COMMISSION_RULES, outstandingOf } from './commission-rules';

/**
 * What a refund takes back from each commission of the payment (SPEC §4 "refunds", whatever the
 * tier): `round(earned × refundedSoFar / paymentAmount) − reversedSoFar`, capped at what is still
 * outstanding. Rounding the cumulative target (not each refund's share) means partial refunds that add
 * up to the whole payment reverse exactly what was earned, never a cent more or less.
 *
 * A commission reassigned by a dispute is one chain (`id`, `id:dispute:d1`, …): the target is taken on
 * the chain's original earning and the reversal falls on whichever link still holds the money.
 */
export function reversalsForRefund(args: {
  refund: { eventId: string; refundId: string; paymentId: string; amount: string; occurredAt: string };
  /** `refunded` is the sum of refunds BEFORE this one. */
  payment: PaymentFacts;
  commissions: CommissionPosition[];
  nextEventId: () => string;
}): CommissionReversed[] {
  const { refund, payment, nextEventId } = args;
  const paymentAmount = new Money(payment.amount);
  if (!paymentAmount.gt(0)) return [];
  const refundedSoFar = Money.min(paymentAmount, new Money(payment.refunded).plus(refund.amount));

  const reversals: CommissionReversed[] = [];
  for (const chain of chainsOf(args.commissions.filter((c) => c.paymentId === payment.paymentId))) {
    const currency = chain[0]!.currency;
    const originalEarned = sum(chain, 'earned').minus(sum(chain, 'reassignedAway'));
    const target = new Money(roundToMinor(originalEarned.times(refundedSoFar).dividedBy(paymentAmount), currency));
    let due = target.minus(sum(chain, 'reversed'));
    for (const position of chain) {
      if (!due.gt(0)) break;
      const amount = Money.min(due, outstandingOf(position));
      if (!amount.gt(0)) continue;
      due = due.minus(amount);
      reversals.push(reversal(position, amount, refund, payment.eventId, nextEventId()));
    }
  }
  return reversals;
}

function reversal(
  position: CommissionPosition,
  amount: Money,
  refund: { eventId: string; refundId: string; occurredAt: string },
  paymentEventId: string,
  eventId: string,
): CommissionReversed {
  return {
    type: 'CommissionReversed',
    eventId,
    occurredAt: refund.occurredAt,
    data: {
      commissionId: position.commissionId,
      refundId: refund.refundId,
      paymentId: position.paymentId,
      accountId: position.accountId,
      partnerId: position.partnerId,
      // Already a whole number of minor units: the target was rounded and stored amounts are exact.
      amount: roundToMinor(amount, position.currency),
      currency: position.currency,
      rule: COMMISSION_RULES.refundReversal,
      planVersion: position.planVersion,
      evidence: [refund.eventId, position.earnedEventId, paymentEventId],
    },
  };
}

/** Groups positions by the commission they descend from: a reassignment's id extends its source's with `:dispute:`. */
function chainsOf(positions: readonly CommissionPosition[]): CommissionPosition[][] {
  const chains = new Map<string, CommissionPosition[]>();
  for (const position of positions) {
    const root = position.commissionId.split(':dispute:')[0]!;
    chains.set(root, [...(chains.get(root) ?? []), position]);
  }
  return [...chains.values()];
}

function sum(positions: readonly CommissionPosition[], field: 'earned' | 'reversed' | 'reassignedAway'): Money {
  return positions.reduce((total, position) => total.plus(position[field]), new Money(0));
}
