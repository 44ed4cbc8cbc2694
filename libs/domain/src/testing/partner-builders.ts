/**
 * Test data built from events with defaults (after oskardudycz's `testing/builders/byEvents`): a spec
 * states only what matters to its rule and folds the events into state the way the application does.
 * Event ids default to readable, deterministic names so expectations can cite them.
 */
import type { CommandMetadata } from '../messages/commands';
import type {
  CommissionPlanPublished,
  LedgerEvent,
  OpportunityOpened,
  PartnerEnrolled,
  PartnerTierChanged,
  PaymentRecorded,
  PricingViolationRecorded,
  ProtectedAccountsSubmitted,
  TouchpointRecorded,
} from '../messages/events';
import type { RateTable, RevenueModel, Tier } from '../messages/vocabulary';
import type { CommissionPosition, CreditClaim, PaymentFacts } from '../commissions/commission-position';
import { initialPartnerState, type PartnerState } from '../partners/partner-state';
import { evolvePartner } from '../partners/partner.evolve';
import { DEFAULT_PLAN } from '../plans/plan';
import { evolvePlans, initialPlanBook, type PlanBook } from '../plans/plan-book';

export const T0 = '2026-01-01T00:00:00.000Z';

export function metadata(commandId: string): CommandMetadata {
  return { commandId, actor: 'spec' };
}

/** A command literal with metadata; the type parameter keeps `data` checked against the union member. */
export function command<C extends { type: string; data: unknown; metadata: CommandMetadata }>(
  type: C['type'],
  data: C['data'],
  commandId = `${type}:spec`,
): C {
  return { type, data, metadata: metadata(commandId) } as C;
}

// ── partners ───────────────────────────────────────────────────────────────────────────────
export function partnerEnrolled(over: Partial<PartnerEnrolled['data']> & { eventId?: string } = {}): PartnerEnrolled {
  const { eventId, ...data } = over;
  const full = { partnerId: 'p1', name: 'Partner One', tier: 'referral' as Tier, enrolledAt: T0, ...data };
  return { type: 'PartnerEnrolled', eventId: eventId ?? `enrolled:${full.partnerId}`, occurredAt: full.enrolledAt, data: full };
}

export function tierChanged(over: Partial<PartnerTierChanged['data']> & { eventId?: string } = {}): PartnerTierChanged {
  const { eventId, ...data } = over;
  const full = { partnerId: 'p1', changeId: 'change-1', fromTier: 'referral' as Tier, tier: 'integration' as Tier, effectiveAt: T0, reason: 'spec', ...data };
  return { type: 'PartnerTierChanged', eventId: eventId ?? `tier:${full.changeId}`, occurredAt: full.effectiveAt, data: full };
}

export function violationRecorded(sequence: number, over: Partial<PricingViolationRecorded['data']> = {}): PricingViolationRecorded {
  const data = { partnerId: 'p1', violationId: `v${sequence}`, detail: 'below MAP', sequence, ...over };
  return { type: 'PricingViolationRecorded', eventId: `violation:${data.violationId}`, occurredAt: T0, data };
}

/** A partner folded from its events, as the application would load it. */
export function partnerFrom(events: LedgerEvent[], partnerId = 'p1'): PartnerState {
  return events.reduce(evolvePartner, initialPartnerState(partnerId));
}

/** An enrolled partner of `tier` since `enrolledAt`, then `more` events of its stream. */
export function enrolledPartner(partnerId: string, tier: Tier, enrolledAt = T0, more: LedgerEvent[] = []): PartnerState {
  return partnerFrom([partnerEnrolled({ partnerId, tier, enrolledAt }), ...more], partnerId);
}

export function partnerMap(...partners: PartnerState[]): ReadonlyMap<string, PartnerState> {
  return new Map(partners.map((partner) => [partner.partnerId, partner]));
}

// ── plans ──────────────────────────────────────────────────────────────────────────────────
/** A rate table with every tier and model at `rate`, except the overrides. */
export function flatRates(rate: string, over: Partial<Record<Tier, Partial<Record<RevenueModel, string>>>> = {}): RateTable {
  const row = (tier: Tier) => ({ monthly_subscription: rate, annual_subscription: rate, usage: rate, outcome: rate, ...over[tier] });
  return { referral: row('referral'), integration: row('integration'), solution: row('solution') };
}

export function planPublished(over: Partial<CommissionPlanPublished['data']> & { eventId?: string } = {}): CommissionPlanPublished {
  const { eventId, ...data } = over;
  const full = { planId: 'default', version: 2, effectiveFrom: T0, rates: DEFAULT_PLAN.rates, influencedFactor: '0.5', basis: 'gross' as const, ...data };
  return { type: 'CommissionPlanPublished', eventId: eventId ?? `plan:${full.planId}:v${full.version}`, occurredAt: full.effectiveFrom, data: full };
}

export function planBookFrom(...events: LedgerEvent[]): PlanBook {
  return events.reduce(evolvePlans, initialPlanBook());
}

// ── payments and commissions ───────────────────────────────────────────────────────────────
export function payment(over: Partial<PaymentFacts> = {}): PaymentFacts {
  const full = { paymentId: 'pay-1', accountId: 'acc-1', amount: '1000.00', currency: 'USD', revenueModel: 'monthly_subscription' as RevenueModel, occurredAt: T0, refunded: '0', ...over };
  return { eventId: over.eventId ?? `payment:${full.paymentId}`, ...full };
}

export function sourced(partnerId = 'p1', evidence: string[] = [`attribution:${partnerId}`]): CreditClaim {
  return { partnerId, credit: 'sourced', rule: 'attribution.first_touch', evidence };
}

export function influenced(partnerId: string, evidence: string[] = [`contribution:${partnerId}`]): CreditClaim {
  return { partnerId, credit: 'influenced', rule: 'attribution.contribution', evidence };
}

export function position(over: Partial<CommissionPosition> = {}): CommissionPosition {
  const full = {
    paymentId: 'pay-1',
    accountId: 'acc-1',
    partnerId: 'p1',
    credit: 'sourced' as const,
    tier: 'referral' as Tier,
    revenueModel: 'monthly_subscription' as RevenueModel,
    currency: 'USD',
    paymentOccurredAt: T0,
    payableFrom: T0,
    planId: 'default',
    planVersion: 1,
    earned: '100.00',
    reversed: '0',
    clawedBack: '0',
    reassignedAway: '0',
    ...over,
  };
  const commissionId = over.commissionId ?? `${full.paymentId}:${full.partnerId}`;
  return { commissionId, earnedEventId: over.earnedEventId ?? `earned:${commissionId}`, ...full };
}

/** An id generator like `eventIdSequence`, with readable ids. */
export function ids(prefix = 'derived'): () => string {
  let next = 0;
  return () => `${prefix}-${next++}`;
}

// ── protected accounts and account histories ───────────────────────────────────────────────
export function protectedAccountsSubmitted(
  partnerId: string,
  accountIds: string[],
  over: Partial<ProtectedAccountsSubmitted['data']> & { occurredAt?: string } = {},
): ProtectedAccountsSubmitted {
  const { occurredAt, ...data } = over;
  const full = { partnerId, submissionId: `sub-${partnerId}`, quarter: '2026-Q1', accountIds, ...data };
  return { type: 'ProtectedAccountsSubmitted', eventId: `submitted:${full.submissionId}`, occurredAt: occurredAt ?? T0, data: full };
}

export function touchpointAt(accountId: string, occurredAt: string, partnerId = 'p1'): TouchpointRecorded {
  return {
    type: 'TouchpointRecorded',
    eventId: `touch:${accountId}:${occurredAt}`,
    occurredAt,
    data: { touchpointId: `t-${accountId}-${occurredAt}`, partnerId, accountId, kind: 'demo' },
  };
}

export function opportunityOpenedAt(accountId: string, occurredAt: string): OpportunityOpened {
  return {
    type: 'OpportunityOpened',
    eventId: `opp:${accountId}:${occurredAt}`,
    occurredAt,
    data: { opportunityId: `opp-${accountId}`, accountId, amount: '5000.00', currency: 'USD' },
  };
}

export function paymentRecordedAt(accountId: string, occurredAt: string): PaymentRecorded {
  return {
    type: 'PaymentRecorded',
    eventId: `pay:${accountId}:${occurredAt}`,
    occurredAt,
    data: { paymentId: `pay-${accountId}-${occurredAt}`, accountId, amount: '100.00', currency: 'USD', revenueModel: 'monthly_subscription' },
  };
}
