import type { CommissionClawedBack } from '../messages/events';
import type { Tier } from '../messages/vocabulary';
import { Money, roundToMinor } from '../money/money';
import { INTEGRATION_CLAWBACK_WINDOW_DAYS, REFERRAL_CLAWBACK_WINDOW_DAYS } from '../program/rules';
import { wholeDaysBetween } from '../shared/time';
import type { CommissionPosition } from './commission-position';
import { COMMISSION_RULES, outstandingOf } from './commission-rules';

/**
 * What a churn claws back from each commission still outstanding on the account (SPEC §4
 * "Clawbacks"), by the tier the commission was earned at and whole days retained (UTC, the last day
 * of a window included): referral within 60 days → all of it; integration within 90 days →
 * `outstanding × (90 − daysRetained) / 90`, rounded once; solution → nothing. A clawback after the
 * commission was paid leaves a negative balance; that is the payout side's concern, not this rule's.
 */
export function clawbacksForChurn(args: {
  churn: { eventId: string; churnId: string; accountId: string; occurredAt: string };
  commissions: CommissionPosition[];
  nextEventId: () => string;
}): CommissionClawedBack[] {
  const { churn, nextEventId } = args;
  const clawbacks: CommissionClawedBack[] = [];
  for (const position of args.commissions) {
    if (position.accountId !== churn.accountId) continue;
    const outstanding = outstandingOf(position);
    if (!outstanding.gt(0)) continue;
    const daysRetained = wholeDaysBetween(position.paymentOccurredAt, churn.occurredAt);
    // A payment after the churn was not "retained" at all: the churn says nothing about it.
    if (daysRetained < 0) continue;
    const clawback = clawbackOf(position.tier, outstanding, daysRetained, position.currency);
    if (clawback === null || new Money(clawback.amount).isZero()) continue;
    clawbacks.push({
      type: 'CommissionClawedBack',
      eventId: nextEventId(),
      occurredAt: churn.occurredAt,
      data: {
        commissionId: position.commissionId,
        churnId: churn.churnId,
        paymentId: position.paymentId,
        accountId: position.accountId,
        partnerId: position.partnerId,
        daysRetained,
        amount: clawback.amount,
        currency: position.currency,
        rule: clawback.rule,
        planVersion: position.planVersion,
        evidence: [churn.eventId, position.earnedEventId],
      },
    });
  }
  return clawbacks;
}

function clawbackOf(tier: Tier, outstanding: Money, daysRetained: number, currency: string): { amount: string; rule: string } | null {
  switch (tier) {
    case 'referral':
      if (daysRetained > REFERRAL_CLAWBACK_WINDOW_DAYS) return null;
      return { amount: roundToMinor(outstanding, currency), rule: COMMISSION_RULES.referralClawback };
    case 'integration': {
      if (daysRetained > INTEGRATION_CLAWBACK_WINDOW_DAYS) return null;
      const window = INTEGRATION_CLAWBACK_WINDOW_DAYS;
      const prorated = outstanding.times(window - daysRetained).dividedBy(window);
      return { amount: roundToMinor(prorated, currency), rule: COMMISSION_RULES.integrationClawback };
    }
    case 'solution':
      return null;
  }
}
