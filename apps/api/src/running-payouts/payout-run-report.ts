import {
  PAYOUT_CODES,
  type CarriedBalance,
  type PayoutRunCompleted,
  type SkippedPartner,
} from '@ledger/domain/payouts';
import type { CommandOutcome } from '@ledger/event-store/handle-command';

type IssuedPayout = PayoutRunCompleted['data']['payouts'][number];

/**
 * What a run gathers from its partners' outcomes: the payouts issued, the balances carried forward
 * and the partners skipped. A partner's "nothing to pay" comes back as a refusal (nothing appended);
 * here it is an ordinary result, not an error.
 */
export class PayoutRunReport {
  readonly payouts: IssuedPayout[] = [];
  readonly carriedForward: CarriedBalance[] = [];
  readonly skipped: SkippedPartner[] = [];

  add(partnerId: string, outcome: CommandOutcome): void {
    if (outcome.kind === 'accepted') {
      this.payouts.push(...((outcome.reply.payouts ?? []) as unknown as IssuedPayout[]));
      this.carriedForward.push(
        ...((outcome.reply.carriedForward ?? []) as unknown as CarriedBalance[]),
      );
      return;
    }
    if (outcome.code === PAYOUT_CODES.nothingToPay) {
      this.carriedForward.push(
        ...((outcome.details?.carriedForward ?? []) as unknown as CarriedBalance[]),
      );
      return;
    }
    if (isSkip(outcome.code)) {
      this.skipped.push({ partnerId, reason: outcome.code });
      return;
    }
    // Any other refusal is a rule this run does not know how to report: a broken invariant.
    throw new Error(
      `payout run: partner ${partnerId} was refused with ${outcome.code}: ${outcome.message}`,
    );
  }
}

function isSkip(code: string): boolean {
  return (
    code === PAYOUT_CODES.partnerHeld ||
    code === PAYOUT_CODES.partnerRemoved ||
    code === PAYOUT_CODES.partnerNotFound
  );
}
