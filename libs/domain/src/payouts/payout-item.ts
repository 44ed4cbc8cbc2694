import type { PayoutItemKind } from '../messages/payout-events';

/**
 * One amount a payout can settle, as a run finds it in the ledger: a commission a partner earned,
 * or an adjustment taken off one (reversal, clawback, reassignment). Amounts are signed decimal
 * strings, already rounded once when the item was decided, so a payout never rounds again.
 *
 * An item is *payable* at a run's `asOf` when its fact has happened by then (`occurredAt ≤ asOf`) and
 * the commission it belongs to is payable (`payableFrom ≤ asOf`): an adjustment of a commission that
 * is not payable yet waits for that commission, so the two are settled together.
 */
export interface PayoutItem {
  itemId: string;
  kind: PayoutItemKind;
  partnerId: string;
  accountId: string;
  currency: string;
  /** Positive for commissions and reassignments in, negative for adjustments. */
  amount: string;
  /** The commission the item earns or adjusts. */
  commissionId: string;
  paymentId: string;
  /** Business time of the item's own fact: the payment, the refund, the churn, the dispute resolution. */
  occurredAt: string;
  /** Ledger time the item was recorded. */
  recordedAt: string;
  /** When the commission the item belongs to became payable (net-30, or the first of the next month). */
  payableFrom: string;
  rule: string;
  planVersion?: number;
  /** The event that recorded the item. */
  eventId: string;
  /** The events that event cited as evidence. */
  evidence: string[];
}
