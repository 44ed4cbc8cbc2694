/**
 * The ledger's own decisions (derived events) with defaults for read-model specs, as the domain
 * records them: each names its rule and cites its evidence. See `ledger-events.ts` for the facts.
 */
import type {
  AttributionDecided,
  CommissionReassigned,
  DealRegistrationAccepted,
  DisputeResolved,
  ProtectionRevoked,
} from '@ledger/domain/messages/events';

export function registrationAccepted(
  when: string,
  over: { id: string; partnerId: string; accountId: string },
): DealRegistrationAccepted {
  const { id, partnerId, accountId } = over;
  return {
    type: 'DealRegistrationAccepted',
    eventId: `accepted:${id}`,
    occurredAt: when,
    data: {
      registrationId: id,
      partnerId,
      accountId,
      tier: 'integration',
      expiresAt: when,
      rule: 'registration.accepted',
      evidence: [],
    },
  };
}

export function attribution(
  when: string,
  over: {
    id: string;
    accountId: string;
    sourced?: string | null;
    influenced?: string[];
    rule?: string;
    evidence?: string[];
  },
): AttributionDecided {
  const {
    id,
    accountId,
    sourced = null,
    influenced = [],
    rule = 'attribution.first_touch',
    evidence = [],
  } = over;
  return {
    type: 'AttributionDecided',
    eventId: `attribution:${id}`,
    occurredAt: when,
    data: { accountId, sourced, influenced, rule, evidence },
  };
}

export function disputeResolved(
  when: string,
  over: { id: string; accountId: string; winner: string; losers?: string[] },
): DisputeResolved {
  const { id, accountId, winner, losers = [] } = over;
  return {
    type: 'DisputeResolved',
    eventId: `resolved:${id}`,
    occurredAt: when,
    data: {
      disputeId: id,
      accountId,
      winnerPartnerId: winner,
      loserPartnerIds: losers,
      note: 'resolved',
    },
  };
}

export function reassigned(
  when: string,
  over: {
    disputeId: string;
    accountId: string;
    from: string;
    to: string;
    commissionId: string;
    amount: string;
  },
): CommissionReassigned {
  const { disputeId, accountId, from, to, commissionId, amount } = over;
  return {
    type: 'CommissionReassigned',
    eventId: `reassigned:${commissionId}`,
    occurredAt: when,
    data: {
      commissionId,
      newCommissionId: `${commissionId}:dispute:${disputeId}`,
      disputeId,
      paymentId: 'pay1',
      accountId,
      fromPartnerId: from,
      toPartnerId: to,
      amount,
      currency: 'USD',
      payableFrom: when,
      rule: 'commission.dispute_reassignment',
      evidence: [`resolved:${disputeId}`],
    },
  };
}

export function revoked(
  when: string,
  over: {
    partnerId: string;
    accountId: string;
    quarter: string;
    reviewId: string;
    listEventId: string;
  },
): ProtectionRevoked {
  const { partnerId, accountId, quarter, reviewId, listEventId } = over;
  return {
    type: 'ProtectionRevoked',
    eventId: `revoked:${reviewId}:${accountId}`,
    occurredAt: when,
    data: {
      partnerId,
      accountId,
      quarter,
      reviewId,
      rule: 'protection.no_pipeline_movement',
      evidence: [listEventId],
    },
  };
}
