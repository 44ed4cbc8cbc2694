/**
 * Domain facts with defaults for read-model specs (the ledger's own decisions are in
 * `derived-events.ts`, re-exported here): each builder takes the business time first and
 * only the fields a spec cares about; event ids are readable (`pay:pay1`) so expectations can cite
 * them. The data shapes are the domain's own (`@ledger/domain/messages/events`), so a change there
 * breaks these specs at compile time rather than silently.
 */
import type {
  CustomerChurned,
  DisputeOpened,
  OpportunityLost,
  OpportunityOpened,
  OpportunityWon,
  PartnerEnrolled,
  PartnerOnboarded,
  PaymentRecorded,
  PaymentRefunded,
  ProtectedAccountsSubmitted,
  SignupRecorded,
  TouchpointRecorded,
} from '@ledger/domain/messages/events';
import type { Tier, TouchpointKind } from '@ledger/domain/messages/vocabulary';

export * from './derived-events';

/** `2026-01-01` plus whole days (and hours), ISO UTC with milliseconds. */
export function at(days: number, hours = 0): string {
  return new Date(Date.UTC(2026, 0, 1) + (days * 24 + hours) * 3_600_000).toISOString();
}

export function enrolled(
  partnerId: string,
  when: string,
  tier: Tier = 'referral',
): PartnerEnrolled {
  return {
    type: 'PartnerEnrolled',
    eventId: `enrolled:${partnerId}`,
    occurredAt: when,
    data: { partnerId, name: partnerId, tier, enrolledAt: when },
  };
}

export function onboarded(partnerId: string, when: string): PartnerOnboarded {
  return {
    type: 'PartnerOnboarded',
    eventId: `onboarded:${partnerId}`,
    occurredAt: when,
    data: { partnerId, onboardedAt: when },
  };
}

export function touchpoint(
  when: string,
  over: { id: string; partnerId: string; accountId: string; kind?: TouchpointKind },
): TouchpointRecorded {
  const { id, partnerId, accountId, kind = 'coupon' } = over;
  return {
    type: 'TouchpointRecorded',
    eventId: `touch:${id}`,
    occurredAt: when,
    data: { touchpointId: id, partnerId, accountId, kind },
  };
}

export function signup(when: string, accountId: string): SignupRecorded {
  return {
    type: 'SignupRecorded',
    eventId: `signup:${accountId}`,
    occurredAt: when,
    data: { accountId },
  };
}

export function payment(
  when: string,
  over: { id: string; accountId: string; amount: string; currency?: string },
): PaymentRecorded {
  const { id, accountId, amount, currency = 'USD' } = over;
  return {
    type: 'PaymentRecorded',
    eventId: `pay:${id}`,
    occurredAt: when,
    data: { paymentId: id, accountId, amount, currency, revenueModel: 'monthly_subscription' },
  };
}

export function refund(
  when: string,
  over: { id: string; paymentId: string; accountId: string; amount: string; currency?: string },
): PaymentRefunded {
  const { id, paymentId, accountId, amount, currency = 'USD' } = over;
  return {
    type: 'PaymentRefunded',
    eventId: `refund:${id}`,
    occurredAt: when,
    data: { refundId: id, paymentId, accountId, amount, currency },
  };
}

export function churned(when: string, accountId: string): CustomerChurned {
  return {
    type: 'CustomerChurned',
    eventId: `churn:${accountId}`,
    occurredAt: when,
    data: { churnId: `churn-${accountId}`, accountId },
  };
}

export function opened(
  when: string,
  over: { id: string; accountId: string; amount: string; currency?: string },
): OpportunityOpened {
  const { id, accountId, amount, currency = 'USD' } = over;
  return {
    type: 'OpportunityOpened',
    eventId: `opened:${id}`,
    occurredAt: when,
    data: { opportunityId: id, accountId, amount, currency },
  };
}

export function won(
  when: string,
  over: { id: string; accountId: string; amount?: string; currency?: string },
): OpportunityWon {
  const { id, accountId, amount = '0', currency = 'USD' } = over;
  return {
    type: 'OpportunityWon',
    eventId: `won:${id}`,
    occurredAt: when,
    data: { opportunityId: id, accountId, amount, currency },
  };
}

export function lost(when: string, over: { id: string; accountId: string }): OpportunityLost {
  return {
    type: 'OpportunityLost',
    eventId: `lost:${over.id}`,
    occurredAt: when,
    data: { opportunityId: over.id, accountId: over.accountId },
  };
}

export function disputeOpened(
  when: string,
  over: { id: string; accountId: string; claimant: string; reason: string },
): DisputeOpened {
  const { id, accountId, claimant, reason } = over;
  return {
    type: 'DisputeOpened',
    eventId: `dispute:${id}`,
    occurredAt: when,
    data: { disputeId: id, accountId, claimantPartnerId: claimant, reason },
  };
}

export function listed(
  when: string,
  over: { partnerId: string; submissionId: string; quarter: string; accountIds: string[] },
): ProtectedAccountsSubmitted {
  return {
    type: 'ProtectedAccountsSubmitted',
    eventId: `listed:${over.submissionId}`,
    occurredAt: when,
    data: { ...over },
  };
}
