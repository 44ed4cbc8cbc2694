import type { CreditKind, RevenueModel, Tier } from '../messages/vocabulary';
import { Money } from '../money/money';
import type { Plan } from '../plans/plan';
import { REFERRAL_EARNING_MONTHS, REFERRAL_PAYABLE_AFTER_DAYS } from '../program/rules';
import { addDays, addMonthsUtc, firstOfNextMonthUtc, toIso, toMs } from '../shared/time';
import type { PaymentFacts } from './commission-position';

/** Rule codes carried by commission, reversal and clawback events (stable: projections and audits key on them). */
export const COMMISSION_RULES = {
  referralFirstYear: 'commission.referral_first_year',
  outcomeFirstPayment: 'commission.outcome_first_payment',
  lifetime: 'commission.lifetime',
  refundReversal: 'refund.proportional_reversal',
  referralClawback: 'churn.referral_full_clawback',
  integrationClawback: 'churn.integration_prorated_clawback',
} as const;

/**
 * Which rule lets a payment earn for a tier, or null when none does (SPEC §4 "Tiers and rates"):
 * referral earns on the account's first 12 months of payments, or on its first outcome payment only;
 * integration and solution earn on every payment for the customer's lifetime.
 */
export function earningRule(tier: Tier, payment: PaymentFacts, earlierPayments: readonly PaymentFacts[]): string | null {
  if (tier !== 'referral') return COMMISSION_RULES.lifetime;
  if (payment.revenueModel === 'outcome') {
    return isFirstOutcomePayment(payment, earlierPayments) ? COMMISSION_RULES.outcomeFirstPayment : null;
  }
  return isInFirstYear(payment, earlierPayments) ? COMMISSION_RULES.referralFirstYear : null;
}

/**
 * The first year runs from the account's first payment (by business time, this one included, so a
 * back-dated payment can move the start earlier) for 12 calendar months, end excluded.
 */
function isInFirstYear(payment: PaymentFacts, earlierPayments: readonly PaymentFacts[]): boolean {
  const firstMs = Math.min(toMs(payment.occurredAt), ...earlierPayments.map((p) => toMs(p.occurredAt)));
  const yearEnd = addMonthsUtc(toIso(firstMs), REFERRAL_EARNING_MONTHS);
  return toMs(payment.occurredAt) < toMs(yearEnd);
}

/** No other outcome payment of the account occurred before this one (an equal instant recorded earlier came first). */
function isFirstOutcomePayment(payment: PaymentFacts, earlierPayments: readonly PaymentFacts[]): boolean {
  const atMs = toMs(payment.occurredAt);
  return !earlierPayments.some((p) => p.paymentId !== payment.paymentId && p.revenueModel === 'outcome' && toMs(p.occurredAt) <= atMs);
}

/** The rate for the tier and model under `plan`; influenced credit earns the sourced rate × the influenced factor. */
export function rateFor(plan: Plan, tier: Tier, model: RevenueModel, credit: CreditKind): Money {
  const sourcedRate = new Money(plan.rates[tier][model]);
  return credit === 'sourced' ? sourcedRate : sourcedRate.times(plan.influencedFactor);
}

/** The commission basis: the payment amount, or under a net plan the amount less its cost of revenue, never below zero. */
export function basisFor(plan: Plan, payment: PaymentFacts): Money {
  const amount = new Money(payment.amount);
  if (plan.basis === 'gross') return amount;
  const net = amount.minus(payment.costOfRevenue ?? '0');
  return net.isNegative() ? new Money(0) : net;
}

/** Referral commissions are payable net-30; integration and solution from 00:00 UTC on the first of the next month. */
export function payableFromFor(tier: Tier, paymentOccurredAt: string): string {
  return tier === 'referral' ? addDays(paymentOccurredAt, REFERRAL_PAYABLE_AFTER_DAYS) : firstOfNextMonthUtc(paymentOccurredAt);
}

/** Outstanding part of a commission: earned less everything since taken off it. */
export function outstandingOf(position: { earned: string; reversed: string; clawedBack: string; reassignedAway: string }): Money {
  return new Money(position.earned).minus(position.reversed).minus(position.clawedBack).minus(position.reassignedAway);
}
