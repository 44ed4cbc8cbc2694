/**
 * Payout events. `payouts-{partnerId}` holds what was issued to one partner and how each payout was
 * closed; `payout-run-{runId}` holds the record of one run. Like every derived event, a payout names
 * the rule and plan version behind each of its lines and the events they came from, so an audit of
 * "why was partner P paid X" never depends on re-running code.
 */
import { streams } from './streams';

interface Event<Type extends string, Data> {
  type: Type;
  eventId: string;
  occurredAt: string;
  data: Data;
  schemaVersion?: number;
}

/**
 * What a payout line settles: a commission earned, a refund's reversal of one, a churn clawback, or
 * the two halves of a dispute's reassignment (the winner's new commission, the loser's loss).
 */
export type PayoutItemKind =
  'commission' | 'reversal' | 'clawback' | 'reassignment_in' | 'reassignment_out';

/**
 * How a line shows on a payout: its item kind, or `carried` for an item an earlier run held back
 * (below the minimum, or a negative balance), or `true_up` for a solution partner's late-recorded
 * item of the quarter that a quarter-start run settles (docs/decisions.md, "Payouts").
 */
export type PayoutLineKind = PayoutItemKind | 'carried' | 'true_up';

/** One settled item. Lines of a payout sum exactly to its amount (they are already-rounded amounts). */
export interface PayoutLine {
  kind: PayoutLineKind;
  /** The kind of the item itself, also when the line shows as `carried` or `true_up`. */
  itemKind: PayoutItemKind;
  /** The commission id for commissions and reassignments in; the deciding event's id for adjustments. */
  itemId: string;
  /** Signed decimal string in the payout's currency: adjustments are negative. */
  amount: string;
  accountId: string;
  commissionId: string;
  paymentId: string;
  rule: string;
  planVersion?: number;
  /** The event that recorded the item first, then the events it cited as evidence. */
  sourceEventIds: string[];
  /** For `carried` lines: the first run that held the item back. */
  carriedFromRunId?: string;
}

/** A payout to one partner in one currency. `occurredAt` is the run's `asOf`. */
export type PayoutIssued = Event<
  'PayoutIssued',
  {
    /** `${runId}:${partnerId}:${currency}` */
    payoutId: string;
    runId: string;
    partnerId: string;
    currency: string;
    amount: string;
    asOf: string;
    minimumPayout: string;
    lines: PayoutLine[];
  }
>;

/** The money reached the partner. `occurredAt` is when, as finance reports it. */
export type PayoutMarkedPaid = Event<
  'PayoutMarkedPaid',
  {
    payoutId: string;
    runId: string;
    partnerId: string;
    currency: string;
    amount: string;
    reference?: string;
  }
>;

/** The transfer failed: the payout is closed unpaid and every item it settled is payable again. */
export type PayoutFailed = Event<
  'PayoutFailed',
  {
    payoutId: string;
    runId: string;
    partnerId: string;
    currency: string;
    amount: string;
    reference?: string;
    /** The items the payout had settled, now unsettled. */
    releasedItemIds: string[];
  }
>;

/** One partner's net in one currency that a run left for a later run. */
export interface CarriedBalance {
  partnerId: string;
  currency: string;
  /** The net of the held-back items: below the minimum, zero, or negative (the partner owes). */
  amount: string;
  itemIds: string[];
}

/** A partner a run did not pay at all, and why (`payout.partner_held`, `payout.partner_removed`). */
export interface SkippedPartner {
  partnerId: string;
  reason: string;
}

/** The record of a finished run, and its answer to a re-run of the same run id. `occurredAt` is `asOf`. */
export type PayoutRunCompleted = Event<
  'PayoutRunCompleted',
  {
    runId: string;
    asOf: string;
    minimumPayout: string;
    payouts: { payoutId: string; partnerId: string; currency: string; amount: string }[];
    carriedForward: CarriedBalance[];
    skipped: SkippedPartner[];
  }
>;

export type PayoutEvent = PayoutIssued | PayoutMarkedPaid | PayoutFailed;
export type PayoutRunEvent = PayoutRunCompleted;

export const payoutStreams = {
  /** The same name as `streams.payouts` (events.ts), kept beside the run stream it pairs with. */
  payouts: streams.payouts,
  run: (runId: string) => `payout-run-${runId}`,
} as const;

/** The payout id a run gives one partner's payout in one currency. */
export function payoutIdFor(runId: string, partnerId: string, currency: string): string {
  return `${runId}:${partnerId}:${currency}`;
}

/** The lookup key a payout claims, so `/v1/payouts/{id}/…` finds the partner stream without parsing the id. */
export function payoutKey(payoutId: string): string {
  return `payout:${payoutId}`;
}
