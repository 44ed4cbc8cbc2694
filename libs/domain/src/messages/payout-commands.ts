/**
 * Payout commands (SPEC §5 `POST /v1/payout-runs`, `POST /v1/payouts/{id}/paid` · `/failed`).
 * Timestamps are ISO-8601 UTC with milliseconds; `minimumPayout` is a decimal string in the major
 * unit of every currency paid (SPEC §4: default 50.00).
 */
import type { CommandMetadata } from './commands';

interface Command<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

/** The terms of one payout run: pay what is payable at `asOf`, when a partner's net reaches the minimum. */
export interface PayoutRunTerms {
  runId: string;
  asOf: string;
  minimumPayout: string;
}

/** Finance starts a run (`RunPayouts:{runId}`); the run issues one `IssuePayout` per partner. */
export type RunPayouts = Command<'RunPayouts', PayoutRunTerms>;

/** Settle one partner's payable items under a run's terms (`IssuePayout:{runId}:{partnerId}`). */
export type IssuePayout = Command<'IssuePayout', PayoutRunTerms & { partnerId: string }>;

export type MarkPayoutPaid = Command<
  'MarkPayoutPaid',
  { payoutId: string; partnerId: string; occurredAt: string; reference?: string }
>;

export type MarkPayoutFailed = Command<
  'MarkPayoutFailed',
  { payoutId: string; partnerId: string; occurredAt: string; reference?: string }
>;

export type ClosePayout = MarkPayoutPaid | MarkPayoutFailed;
export type PayoutCommand = RunPayouts | IssuePayout | ClosePayout;
