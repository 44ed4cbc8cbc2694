import type { PayoutEvent, PayoutRunEvent } from '../messages/payout-events';
import type { Refusal } from '../shared/decision';

/**
 * A payout decision: the shared `Decision` shape of `shared/decision.ts`, over payout events (kept
 * apart until the payout events join the `LedgerEvent` union).
 */
export interface PayoutAccepted<E extends PayoutEvent | PayoutRunEvent = PayoutEvent> {
  kind: 'accepted';
  events: E[];
  reply: { status: string; [key: string]: unknown };
  /** Lookup keys claimed with these events (`payout:{payoutId}`). */
  keys?: string[];
}

export type PayoutDecision<E extends PayoutEvent | PayoutRunEvent = PayoutEvent> =
  PayoutAccepted<E> | Refusal;
