import fc from 'fast-check';
import type { CommissionReversed } from '../messages/events';
import { Money } from '../money/money';
import { ids, payment, position } from '../testing/partner-builders';
import type { CommissionPosition, PaymentFacts } from './commission-position';
import { reversalsForRefund } from './reverse';

const refundOf = (amount: string, refundId = 'ref-1') => ({
  eventId: `refund:${refundId}`,
  refundId,
  paymentId: 'pay-1',
  amount,
  occurredAt: '2026-02-10T00:00:00.000Z',
});

function reverse(pay: PaymentFacts, commissions: CommissionPosition[], amount: string): CommissionReversed[] {
  return reversalsForRefund({ refund: refundOf(amount), payment: pay, commissions, nextEventId: ids('rev') });
}

/** Applies refunds one after another, folding each reversal into the positions as the account aggregate would. */
function refundInSteps(pay: PaymentFacts, commissions: CommissionPosition[], steps: string[]): { reversals: CommissionReversed[]; positions: CommissionPosition[] } {
  let positions = commissions;
  let refunded = new Money(0);
  const all: CommissionReversed[] = [];
  steps.forEach((amount, i) => {
    const reversals = reversalsForRefund({
      refund: refundOf(amount, `ref-${i}`),
      payment: { ...pay, refunded: refunded.toFixed() },
      commissions: positions,
      nextEventId: ids(`rev${i}`),
    });
    refunded = refunded.plus(amount);
    positions = positions.map((p) => {
      const taken = reversals.filter((r) => r.data.commissionId === p.commissionId).reduce((t, r) => t.plus(r.data.amount), new Money(0));
      return { ...p, reversed: new Money(p.reversed).plus(taken).toFixed() };
    });
    all.push(...reversals);
  });
  return { reversals: all, positions };
}
const total = (reversals: CommissionReversed[]) => reversals.reduce((t, r) => t.plus(r.data.amount), new Money(0)).toFixed(2);

describe('reversalsForRefund', () => {
  const pay = payment({ amount: '100.10' });
  const earned = position({ earned: '10.01' });

  it('reverses the whole commission on a full refund, citing refund, commission and payment', () => {
    expect(reverse(pay, [earned], '100.10')).toEqual([
      {
        type: 'CommissionReversed',
        eventId: 'rev-0',
        occurredAt: '2026-02-10T00:00:00.000Z',
        data: {
          commissionId: 'pay-1:p1',
          refundId: 'ref-1',
          paymentId: 'pay-1',
          accountId: 'acc-1',
          partnerId: 'p1',
          amount: '10.01',
          currency: 'USD',
          rule: 'refund.proportional_reversal',
          planVersion: 1,
          evidence: ['refund:ref-1', 'earned:pay-1:p1', 'payment:pay-1'],
        },
      },
    ]);
  });

  it('reverses in proportion, rounded half-even: half of 10.01 is 5.00', () => {
    expect(reverse(pay, [earned], '50.05').map((r) => r.data.amount)).toEqual(['5.00']);
  });

  it('two partial refunds adding up to the payment reverse exactly the earned amount (5.00 + 5.01)', () => {
    const { reversals } = refundInSteps(pay, [earned], ['50.05', '50.05']);
    expect(reversals.map((r) => r.data.amount)).toEqual(['5.00', '5.01']);
    expect(total(reversals)).toBe('10.01');
  });

  it('three thirds of a payment reverse exactly the earned amount', () => {
    const { reversals } = refundInSteps(payment({ amount: '10.00' }), [position({ earned: '1.00' })], ['3.33', '3.33', '3.34']);
    expect(reversals.map((r) => r.data.amount)).toEqual(['0.33', '0.34', '0.33']);
  });

  it('reverses every commission of the payment, and none of another payment', () => {
    const influencedOne = position({ partnerId: 'p2', credit: 'influenced', earned: '5.01' });
    const otherPayment = position({ paymentId: 'pay-2', earned: '99.00' });
    const reversals = reverse(pay, [earned, influencedOne, otherPayment], '100.10');
    expect(reversals.map((r) => [r.eventId, r.data.commissionId, r.data.amount])).toEqual([
      ['rev-0', 'pay-1:p1', '10.01'],
      ['rev-1', 'pay-1:p2', '5.01'],
    ]);
  });

  it('never takes more than is outstanding (after a clawback)', () => {
    const clawed = position({ earned: '10.01', clawedBack: '6.00' });
    expect(reverse(pay, [clawed], '100.10').map((r) => r.data.amount)).toEqual(['4.01']);
    expect(reverse(pay, [position({ earned: '10.01', clawedBack: '10.01' })], '100.10')).toEqual([]);
  });

  it('emits nothing when the proportional share rounds to what was already reversed', () => {
    expect(reverse(pay, [earned], '0.01')).toEqual([]); // 10.01 × 0.01 / 100.10 = 0.001 → 0.00
  });

  it('follows a commission reassigned by a dispute: the target is the original, the reversal falls on the winner', () => {
    const loser = position({ earned: '10.00', reversed: '5.00', reassignedAway: '5.00' });
    const winner = position({ commissionId: 'pay-1:p1:dispute:d1', partnerId: 'p2', earned: '5.00' });
    const reversals = reverse(payment({ amount: '100.00', refunded: '50.00' }), [loser, winner], '25.00');
    expect(reversals.map((r) => [r.data.commissionId, r.data.partnerId, r.data.amount])).toEqual([['pay-1:p1:dispute:d1', 'p2', '2.50']]);
  });

  it('property: any split of a full refund reverses exactly what was earned, never a cent more or less', () => {
    const cents = fc.integer({ min: 1, max: 10_000_000 });
    fc.assert(
      fc.property(cents, fc.integer({ min: 0, max: 100_000 }), fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 }), (paymentCents, earnedCents, weights) => {
        const amount = new Money(paymentCents).dividedBy(100);
        const steps = splitCents(paymentCents, weights).map((c) => new Money(c).dividedBy(100).toFixed(2));
        const earnedAmount = new Money(earnedCents).dividedBy(100).toFixed(2);
        const { reversals, positions } = refundInSteps(payment({ amount: amount.toFixed(2) }), [position({ earned: earnedAmount })], steps);
        expect(total(reversals)).toBe(earnedAmount);
        expect(positions[0]!.reversed === '0' ? '0.00' : new Money(positions[0]!.reversed).toFixed(2)).toBe(earnedAmount);
        expect(reversals.every((r) => new Money(r.data.amount).gt(0))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/** Splits `totalCents` into positive parts in proportion to `weights` (parts may be fewer than weights). */
function splitCents(totalCents: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts: number[] = [];
  let used = 0;
  for (const w of weights.slice(0, -1)) {
    const part = Math.floor((totalCents * w) / sum);
    if (part > 0 && used + part < totalCents) {
      parts.push(part);
      used += part;
    }
  }
  parts.push(totalCents - used);
  return parts;
}
