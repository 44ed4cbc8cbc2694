import type { PayoutItemKind, PayoutLineKind } from '@ledger/domain/payouts';

/** Where a cited event sits in the ledger: its stream revision and its place in the global log. */
export interface SourcePosition {
  eventId: string;
  type: string;
  streamId: string;
  streamRevision: number;
  /** 64-bit integers, as decimal strings. */
  globalPosition: string;
  transactionId: string;
  occurredAt: string;
  recordedAt: string;
}

/** How an amount was rounded: once, half-even, to the currency's minor unit (SPEC §4). */
export interface Rounding {
  mode: 'half_even';
  minorUnits: number;
  unrounded: string;
  rounded: string;
}

/** The attribution decision that gave the partner the credit the commission was earned on. */
export interface AttributionBehindLine {
  eventId: string;
  rule: string;
  sourcedPartnerId: string | null;
  /** `sourced` or `influenced`, as the commission recorded it. */
  credit: string | null;
}

/** One line of a payout, with everything needed to recompute it by hand. */
export interface ExplainedLine {
  lineNo: number;
  kind: PayoutLineKind;
  itemKind: PayoutItemKind;
  itemId: string;
  amount: string;
  currency: string;
  accountId: string;
  commissionId: string;
  paymentId: string;
  /** The rule that decided the line's amount (earning, reversal, clawback, reassignment). */
  rule: string;
  planVersion: number | null;
  /** The commission's rate and basis (for adjustments: of the commission they adjust). */
  rate: string | null;
  basis: string | null;
  /** For earned commissions: the product before its one rounding. */
  unroundedAmount: string | null;
  rounding: Rounding | null;
  attribution: AttributionBehindLine | null;
  carriedFromRunId: string | null;
  sourceEventIds: string[];
  /** The cited events found in the ledger, in the order cited. */
  positions: SourcePosition[];
}

/** `GET /v1/payouts/{id}/explanation`: the lines sum exactly to `amount`. */
export interface PayoutExplanation {
  payoutId: string;
  runId: string;
  partnerId: string;
  currency: string;
  amount: string;
  asOf: string;
  minimumPayout: string;
  status: 'issued' | 'paid' | 'failed';
  closedAt: string | null;
  reference: string | null;
  issued: SourcePosition;
  lines: ExplainedLine[];
  /** The exact sum of the lines; equal to `amount` by construction, shown so a reader need not add up. */
  linesTotal: string;
}
