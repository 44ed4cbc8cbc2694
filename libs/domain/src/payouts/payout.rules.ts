import type { PayoutItem } from './payout-item';
import type { Tier } from '../messages/vocabulary';
import { toIso, toMs } from '../shared/time';

/** Stable codes of the payout rules: refusals, skips and the reasons a run records. */
export const PAYOUT_CODES = {
  /** A partner unknown to the ledger (no enrollment). */
  partnerNotFound: 'payout.partner_not_found',
  /** The partner's commissions are held (second pricing violation): nothing is paid until released. */
  partnerHeld: 'payout.partner_held',
  /** The partner was removed from the programme: the run pays it nothing. */
  partnerRemoved: 'payout.partner_removed',
  /** No currency's net reached the minimum (or there was nothing payable): everything carries forward. */
  nothingToPay: 'payout.nothing_to_pay',
  payoutNotFound: 'payout.not_found',
  /** A payout is closed once, as paid or as failed. */
  alreadyClosed: 'payout.already_closed',
  /** A payout cannot be closed at a business time before the run's `asOf`. */
  closedBeforeIssue: 'payout.closed_before_issue',
} as const;

/**
 * The quarter-end true-up (docs/decisions.md, "Payouts"): a run whose `asOf` is the first instant of a
 * calendar quarter (UTC) closes the quarter that just ended for partners whose tier at `asOf` is
 * solution. Every item of that partner whose own fact occurred in the closed quarter but was recorded
 * only at or after its end (a back-dated payment, refund or clawback) is settled by that run as a
 * `true_up` line, whether or not its commission is payable yet.
 */
export function isTrueUp(
  item: Pick<PayoutItem, 'occurredAt' | 'recordedAt'>,
  asOf: string,
  tierAtAsOf: Tier,
): boolean {
  if (tierAtAsOf !== 'solution' || !isQuarterStart(asOf)) return false;
  const closed = quarterEndingAt(asOf);
  const occurredMs = toMs(item.occurredAt);
  return (
    occurredMs >= toMs(closed.start) &&
    occurredMs < toMs(closed.end) &&
    toMs(item.recordedAt) >= toMs(closed.end)
  );
}

/** 00:00:00.000 UTC on 1 January, 1 April, 1 July or 1 October. */
export function isQuarterStart(instant: string): boolean {
  const d = new Date(toMs(instant));
  return (
    d.getUTCMonth() % 3 === 0 &&
    d.getUTCDate() === 1 &&
    d.getTime() === Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)
  );
}

/** The calendar quarter that ends at `quarterStart` (exclusive), as a half-open UTC interval. */
export function quarterEndingAt(quarterStart: string): { start: string; end: string } {
  const d = new Date(toMs(quarterStart));
  return { start: toIso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 3, 1)), end: quarterStart };
}

/** Payable at `asOf`: the item's fact has happened and its commission's payable date has come. */
export function isPayableAt(
  item: Pick<PayoutItem, 'occurredAt' | 'payableFrom'>,
  asOf: string,
): boolean {
  const asOfMs = toMs(asOf);
  return toMs(item.occurredAt) <= asOfMs && toMs(item.payableFrom) <= asOfMs;
}
