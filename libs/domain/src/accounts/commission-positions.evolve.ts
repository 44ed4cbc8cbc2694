import type { CommissionPosition } from '../commissions/commission-position';
import type { AccountEvent } from '../messages/events';
import { Money, formatExact } from '../money';
import type { AccountState } from './account.state';

/**
 * Folds the commission events of an account into positions: what each commission earned, and what
 * refunds, churn and disputes have taken off it since. The payment the commission was earned on
 * must already be in `state` (it always precedes its commissions in the stream).
 */
export function evolveCommissions(state: AccountState, event: AccountEvent): CommissionPosition[] {
  switch (event.type) {
    case 'CommissionEarned': {
      const d = event.data;
      const payment = state.payments.find((p) => p.paymentId === d.paymentId);
      const position: CommissionPosition = {
        commissionId: d.commissionId,
        earnedEventId: event.eventId,
        paymentId: d.paymentId,
        accountId: d.accountId,
        partnerId: d.partnerId,
        credit: d.credit,
        tier: d.tier,
        revenueModel: d.revenueModel,
        currency: d.currency,
        paymentOccurredAt: payment?.occurredAt ?? event.occurredAt,
        payableFrom: d.payableFrom,
        planId: d.planId,
        planVersion: d.planVersion ?? 0,
        earned: d.amount,
        reversed: '0',
        clawedBack: '0',
        reassignedAway: '0',
      };
      return [...state.commissions, position];
    }
    case 'CommissionReversed':
      return takeOff(state.commissions, event.data.commissionId, 'reversed', event.data.amount);
    case 'CommissionClawedBack':
      return takeOff(state.commissions, event.data.commissionId, 'clawedBack', event.data.amount);
    case 'CommissionReassigned': {
      const d = event.data;
      const from = state.commissions.find((c) => c.commissionId === d.commissionId);
      if (!from) return state.commissions;
      // The winner's commission is the loser's remaining amount, on the same payment and payable date.
      const moved: CommissionPosition = {
        ...from,
        commissionId: d.newCommissionId,
        earnedEventId: event.eventId,
        partnerId: d.toPartnerId,
        tier: d.toTier ?? from.tier,
        payableFrom: d.payableFrom,
        earned: d.amount,
        reversed: '0',
        clawedBack: '0',
        reassignedAway: '0',
      };
      return [...takeOff(state.commissions, d.commissionId, 'reassignedAway', d.amount), moved];
    }
    default:
      return state.commissions;
  }
}

function takeOff(
  commissions: CommissionPosition[],
  commissionId: string,
  field: 'reversed' | 'clawedBack' | 'reassignedAway',
  amount: string,
): CommissionPosition[] {
  return commissions.map((c) =>
    c.commissionId === commissionId
      ? { ...c, [field]: formatExact(new Money(c[field]).plus(amount), c.currency) }
      : c,
  );
}
