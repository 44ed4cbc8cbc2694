import type { CommissionClawedBack } from '../messages/events';
import type { Tier } from '../messages/vocabulary';
import { ids, position } from '../testing/partner-builders';
import type { CommissionPosition } from './commission-position';
import { clawbacksForChurn } from './claw-back';

const PAID = '2026-01-01T10:00:00.000Z';
const churnAt = (occurredAt: string) => ({ eventId: 'churn:c1', churnId: 'c1', accountId: 'acc-1', occurredAt });
/** An instant `days` whole days (plus `extraMs`) after the payment. */
const after = (days: number, extraMs = 0) => new Date(Date.parse(PAID) + days * 86_400_000 + extraMs).toISOString();

function clawBack(occurredAt: string, commissions: CommissionPosition[]): CommissionClawedBack[] {
  return clawbacksForChurn({ churn: churnAt(occurredAt), commissions, nextEventId: ids('claw') });
}
const earnedAt = (tier: Tier, earned = '100.00', over: Partial<CommissionPosition> = {}) =>
  position({ tier, earned, paymentOccurredAt: PAID, ...over });
const amountsAt = (days: number, commission: CommissionPosition, extraMs = 0) => clawBack(after(days, extraMs), [commission]).map((c) => c.data.amount);

describe('clawbacksForChurn', () => {
  describe('referral: the full outstanding commission within 60 days', () => {
    it('claws back everything on day 60, up to its last millisecond, citing churn and commission', () => {
      expect(clawBack(after(60, 86_399_999), [earnedAt('referral')])).toEqual([
        {
          type: 'CommissionClawedBack',
          eventId: 'claw-0',
          occurredAt: after(60, 86_399_999),
          data: {
            commissionId: 'pay-1:p1',
            churnId: 'c1',
            paymentId: 'pay-1',
            accountId: 'acc-1',
            partnerId: 'p1',
            daysRetained: 60,
            amount: '100.00',
            currency: 'USD',
            rule: 'churn.referral_full_clawback',
            planVersion: 1,
            evidence: ['churn:c1', 'earned:pay-1:p1'],
          },
        },
      ]);
    });

    it('claws back nothing on day 61', () => {
      expect(amountsAt(61, earnedAt('referral'))).toEqual([]);
    });

    it('claws back only what is still outstanding after a refund reversal', () => {
      expect(amountsAt(10, earnedAt('referral', '100.00', { reversed: '30.01' }))).toEqual(['69.99']);
    });
  });

  describe('integration: outstanding × (90 − daysRetained) / 90 within 90 days', () => {
    it.each([
      [0, '100.00'],
      [45, '50.00'],
      [46, '48.89'], // 48.888… rounded once
      [89, '1.11'], // 1.111…
    ])('day %s → %s', (days, amount) => {
      expect(amountsAt(days, earnedAt('integration'))).toEqual([amount]);
      expect(clawBack(after(days), [earnedAt('integration')])[0]!.data).toMatchObject({ daysRetained: days, rule: 'churn.integration_prorated_clawback' });
    });

    it('day 90 pro-rates to zero and emits nothing; day 91 is outside the window', () => {
      expect(amountsAt(90, earnedAt('integration'))).toEqual([]);
      expect(amountsAt(91, earnedAt('integration'))).toEqual([]);
    });

    it('rounds half-even once: 0.01 × 45/90 = 0.005 → 0.00, 0.03 × 45/90 = 0.015 → 0.02', () => {
      expect(amountsAt(45, earnedAt('integration', '0.01'))).toEqual([]);
      expect(amountsAt(45, earnedAt('integration', '0.03'))).toEqual(['0.02']);
    });

    it('pro-rates in the currency minor unit (JPY, BHD)', () => {
      expect(amountsAt(45, earnedAt('integration', '1235', { currency: 'JPY' }))).toEqual(['618']); // 617.5 → 618
      expect(amountsAt(45, earnedAt('integration', '0.125', { currency: 'BHD' }))).toEqual(['0.062']); // 0.0625 → 0.062
    });
  });

  it('solution commissions are never clawed back', () => {
    expect(amountsAt(0, earnedAt('solution'))).toEqual([]);
  });

  it('claws back each outstanding commission of the account by its own tier and payment date', () => {
    const early = earnedAt('referral', '10.00', { commissionId: 'a', paymentId: 'pay-a' });
    const later = earnedAt('integration', '90.00', { commissionId: 'b', paymentId: 'pay-b', paymentOccurredAt: after(30) });
    const gone = earnedAt('referral', '10.00', { commissionId: 'c', clawedBack: '10.00' });
    const otherAccount = earnedAt('referral', '10.00', { commissionId: 'd', accountId: 'acc-2' });
    const clawbacks = clawBack(after(60), [early, later, gone, otherAccount]);
    expect(clawbacks.map((c) => [c.eventId, c.data.commissionId, c.data.daysRetained, c.data.amount])).toEqual([
      ['claw-0', 'a', 60, '10.00'],
      ['claw-1', 'b', 30, '60.00'],
    ]);
  });

  it('ignores commissions on payments after the churn', () => {
    expect(clawBack(after(-1), [earnedAt('referral')])).toEqual([]);
  });
});
