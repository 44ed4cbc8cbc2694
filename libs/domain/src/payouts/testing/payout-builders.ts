/**
 * Given/when/then helpers for payout specs. Items are built with defaults (a spec states only what
 * its rule reads); ids are readable so expectations can name them. `T0` is 2026-01-01.
 */
import type { PayoutRunTerms } from '../../messages/payout-commands';
import type { PayoutEvent, PayoutIssued } from '../../messages/payout-events';
import type { LedgerEvent } from '../../messages/events';
import type { Tier } from '../../messages/vocabulary';
import type { PartnerState } from '../../partners/partner-state';
import type { Refusal } from '../../shared/decision';
import { T0, enrolledPartner } from '../../testing/partner-builders';
import { decidePayout, type PayoutRun } from '../payout.decide';
import type { PayoutDecision } from '../payout.decision';
import { evolvePayouts } from '../payout.evolve';
import type { PayoutItem } from '../payout-item';
import { initialPayoutState, type PayoutState } from '../payout.state';

export const PARTNER = 'p1';

/** A commission of `PARTNER` on `pay-{n}`, payable from T0 unless told otherwise. */
export function commission(
  n: number | string,
  amount: string,
  over: Partial<PayoutItem> = {},
): PayoutItem {
  const commissionId = `pay-${n}:${PARTNER}`;
  return {
    itemId: commissionId,
    kind: 'commission',
    partnerId: PARTNER,
    accountId: 'acc-1',
    currency: 'USD',
    amount,
    commissionId,
    paymentId: `pay-${n}`,
    occurredAt: '2025-12-01T00:00:00.000Z',
    recordedAt: '2025-12-01T00:00:00.000Z',
    payableFrom: T0,
    rule: 'commission.lifetime',
    planVersion: 1,
    eventId: `earned:${commissionId}`,
    evidence: [`payment:pay-${n}`, 'attribution:acc-1'],
    ...over,
  };
}

/** An adjustment (negative) of the commission `of`, occurring at `occurredAt`. */
export function adjustment(
  kind: 'reversal' | 'clawback' | 'reassignment_out',
  of: PayoutItem,
  amount: string,
  over: Partial<PayoutItem> = {},
): PayoutItem {
  const eventId = `${kind}:${of.itemId}:${over.occurredAt ?? T0}`;
  return {
    ...of,
    itemId: eventId,
    kind,
    amount,
    occurredAt: T0,
    recordedAt: T0,
    rule:
      kind === 'reversal'
        ? 'refund.proportional_reversal'
        : kind === 'clawback'
          ? 'churn.referral_full_clawback'
          : 'dispute.reassignment',
    eventId,
    evidence: [of.eventId],
    ...over,
  };
}

export function partner(tier: Tier = 'integration', more: LedgerEvent[] = []): PartnerState {
  return enrolledPartner(PARTNER, tier, '2025-01-01T00:00:00.000Z', more);
}

export function terms(over: Partial<PayoutRunTerms> = {}): PayoutRunTerms {
  return { runId: 'run-1', asOf: '2026-02-01T00:00:00.000Z', minimumPayout: '50.00', ...over };
}

export function run(over: Partial<PayoutRun> = {}): PayoutRun {
  const t = terms(over);
  return { ...t, commandId: `IssuePayout:${t.runId}:${PARTNER}`, partner: partner(), ...over };
}

export function stateFrom(events: PayoutEvent[] = []): PayoutState {
  return events.reduce(evolvePayouts, initialPayoutState(PARTNER));
}

export function when(
  state: PayoutState,
  candidates: PayoutItem[],
  over: Partial<PayoutRun> = {},
): PayoutDecision<PayoutIssued> {
  return decidePayout(state, candidates, run(over));
}

export function issued(decision: PayoutDecision<PayoutIssued>): PayoutIssued[] {
  if (decision.kind === 'refused')
    throw new Error(`expected a payout, got ${decision.code}: ${decision.message}`);
  return decision.events;
}

export function refused(decision: PayoutDecision<PayoutIssued>): Refusal {
  if (decision.kind !== 'refused')
    throw new Error(
      `expected no payout, got ${decision.events.map((e) => e.data.payoutId).join(', ')}`,
    );
  return decision;
}
