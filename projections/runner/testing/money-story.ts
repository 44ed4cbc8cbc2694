import { commissionsProjection } from '../../commissions/commissions.projection';
import { journalProjection } from '../../journal/journal.projection';
import { partnerHoldsProjection } from '../../partner-balances/partner-holds.projection';
import { payoutsProjection } from '../../payouts/payouts.projection';
import type { Projection } from '../../projection';
import {
  clawedBack,
  earned,
  partnerEvent,
  reassigned,
  reversed,
  type StoryEvent,
} from './money-events';

/**
 * A small programme history touching every money event: two currencies, a refund, a hold and its
 * release, a churn clawback and a dispute that moves the rest of a commission to another partner.
 */
export function moneyStory(): StoryEvent[] {
  return [
    earned({
      paymentId: 'pay-1',
      partnerId: 'p1',
      amount: '200.00',
      at: '2026-03-10T10:00:00.000Z',
    }),
    earned({
      paymentId: 'pay-2',
      partnerId: 'p1',
      amount: '300.00',
      at: '2026-03-15T10:00:00.000Z',
    }),
    earned({
      paymentId: 'pay-j',
      partnerId: 'p1',
      amount: '500',
      currency: 'JPY',
      basis: '2500',
      at: '2026-03-16T10:00:00.000Z',
    }),
    reversed({
      commissionId: 'pay-1:p1',
      refundId: 'ref-1',
      amount: '50.00',
      at: '2026-03-20T10:00:00.000Z',
    }),
    partnerEvent('CommissionsHeld', 'p1', '2026-03-25T00:00:00.000Z'),
    partnerEvent('CommissionsReleased', 'p1', '2026-04-10T00:00:00.000Z'),
    clawedBack({
      commissionId: 'pay-1:p1',
      churnId: 'churn-1',
      amount: '20.00',
      at: '2026-04-24T10:00:00.000Z',
    }),
    reassigned({
      commissionId: 'pay-1:p1',
      fromPartnerId: 'p1',
      toPartnerId: 'p2',
      amount: '130.00',
      at: '2026-05-01T10:00:00.000Z',
    }),
    earned({
      paymentId: 'pay-3',
      partnerId: 'p2',
      amount: '40.00',
      payableFrom: '2026-06-01T00:00:00.000Z',
      at: '2026-05-05T10:00:00.000Z',
    }),
  ];
}

/**
 * The money projections alone, so these specs do not depend on the other read models. Payouts are
 * among them: a balance subtracts what they paid.
 */
export const MONEY_PROJECTIONS: readonly Projection[] = [
  commissionsProjection,
  partnerHoldsProjection,
  journalProjection,
  payoutsProjection,
];
