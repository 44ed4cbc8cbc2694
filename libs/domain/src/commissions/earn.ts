import type { CommissionEarned } from '../messages/events';
import { Money, formatExact, roundToMinor } from '../money/money';
import { isRemovedAt, tierAt, type PartnerState } from '../partners/partner-state';
import { planAt, type PlanBook } from '../plans/plan-book';
import type { CreditClaim, PaymentFacts } from './commission-position';
import { basisFor, earningRule, payableFromFor, rateFor } from './commission-rules';

/**
 * The commissions one payment earns, one per credited partner (SPEC §4 "Tiers and rates", "Payout
 * timing"). The plan and the partner's tier are those in force at the payment's `occurredAt`, so a
 * back-dated payment earns under the rules of its own time. A partner removed at or before that time
 * earns nothing; a held partner earns, held. Each amount is rounded once; zero amounts emit nothing.
 */
export function commissionsForPayment(args: {
  payment: PaymentFacts;
  earlierPayments: PaymentFacts[];
  credits: CreditClaim[];
  partners: ReadonlyMap<string, PartnerState>;
  plans: PlanBook;
  nextEventId: () => string;
}): CommissionEarned[] {
  const { payment, earlierPayments, partners, plans, nextEventId } = args;
  const plan = planAt(plans, payment.occurredAt);
  const earned: CommissionEarned[] = [];
  for (const claim of oneClaimPerPartner(args.credits)) {
    const partner = partners.get(claim.partnerId);
    if (!partner?.enrolled || isRemovedAt(partner, payment.occurredAt)) continue;
    const { tier, eventId: tierEventId } = tierAt(partner, payment.occurredAt);
    const rule = earningRule(tier, payment, earlierPayments);
    if (rule === null) continue;

    const basis = basisFor(plan, payment);
    const rate = rateFor(plan, tier, payment.revenueModel, claim.credit);
    const unrounded = basis.times(rate);
    const amount = roundToMinor(unrounded, payment.currency);
    if (new Money(amount).isZero()) continue;

    earned.push({
      type: 'CommissionEarned',
      eventId: nextEventId(),
      occurredAt: payment.occurredAt,
      data: {
        commissionId: `${payment.paymentId}:${claim.partnerId}`,
        paymentId: payment.paymentId,
        accountId: payment.accountId,
        partnerId: claim.partnerId,
        credit: claim.credit,
        tier,
        revenueModel: payment.revenueModel,
        basis: formatExact(basis, payment.currency),
        rate: rate.toFixed(),
        amount,
        unroundedAmount: unrounded.toFixed(),
        currency: payment.currency,
        payableFrom: payableFromFor(tier, payment.occurredAt),
        held: partner.held,
        planId: plan.planId,
        rule,
        planVersion: plan.version,
        evidence: distinct([payment.eventId, ...claim.evidence, tierEventId, ...(plan.eventId ? [plan.eventId] : [])]),
      },
    });
  }
  return earned;
}

/**
 * A partner earns at most once per payment (the commission id is `paymentId:partnerId`). Should
 * attribution ever credit a partner twice, the sourced claim wins over an influenced one.
 */
function oneClaimPerPartner(credits: readonly CreditClaim[]): CreditClaim[] {
  const byPartner = new Map<string, CreditClaim>();
  for (const claim of credits) {
    const kept = byPartner.get(claim.partnerId);
    if (!kept || (kept.credit === 'influenced' && claim.credit === 'sourced')) byPartner.set(claim.partnerId, claim);
  }
  return credits.filter((claim) => byPartner.get(claim.partnerId) === claim);
}

function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
