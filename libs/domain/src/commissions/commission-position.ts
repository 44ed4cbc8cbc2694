import type { CreditKind, RevenueModel, Tier } from '../messages/vocabulary';

/**
 * One commission as the account aggregate tracks it after earning: what it was, and what has since
 * been taken off it. `outstanding = earned − reversed − clawedBack − reassignedAway`.
 */
export interface CommissionPosition {
  commissionId: string;
  /** Event id of the `CommissionEarned` (or `CommissionReassigned` for a winner's new commission). */
  earnedEventId: string;
  paymentId: string;
  accountId: string;
  partnerId: string;
  credit: CreditKind;
  tier: Tier;
  revenueModel: RevenueModel;
  currency: string;
  paymentOccurredAt: string;
  payableFrom: string;
  planId: string;
  planVersion: number;
  earned: string;
  reversed: string;
  clawedBack: string;
  reassignedAway: string;
}

/** A payment as the account aggregate remembers it. */
export interface PaymentFacts {
  eventId: string;
  paymentId: string;
  accountId: string;
  amount: string;
  currency: string;
  revenueModel: RevenueModel;
  occurredAt: string;
  costOfRevenue?: string;
  /** Sum of refunds recorded so far. */
  refunded: string;
}

/** One partner's claim to credit on a payment, as attribution decided it. */
export interface CreditClaim {
  partnerId: string;
  credit: CreditKind;
  /** The attribution rule that granted the credit and the events it cited. */
  rule: string;
  evidence: string[];
}
